package org.wenming.plan;

import java.util.List;

/**
 * What changed in a plan between two revisions, line by line: every line of both versions in order,
 * each kept, removed or added, and the removed and added lines on their own.
 */
public record PlanComparison(int from, int to, List<String> removed, List<String> added, List<Line> lines) {

	public PlanComparison {
		removed = List.copyOf(removed);
		added = List.copyOf(added);
		lines = List.copyOf(lines);
	}

	/** What happened to a line. */
	public enum Change {

		SAME, REMOVED, ADDED

	}

	/** One line of the comparison. */
	public record Line(Change change, String text) {
	}

}

package org.wenming.plan;

import java.util.List;

/**
 * One plan of a document. {@code title} is its title line ({@code null} when the document has none);
 * {@code text}, {@code targets} and {@code figures} belong to the lead-in before its first heading;
 * {@code sections} is the outline, never empty.
 */
public record ParsedPlan(String title, List<Section> sections, String text, List<Target> targets,
		List<Figure> figures) {

	public ParsedPlan {
		sections = List.copyOf(sections);
		targets = List.copyOf(targets);
		figures = List.copyOf(figures);
	}

}

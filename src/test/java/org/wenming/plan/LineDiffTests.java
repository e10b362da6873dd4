package org.wenming.plan;

import org.junit.jupiter.api.Test;
import org.wenming.plan.PlanComparison.Change;
import org.wenming.plan.PlanComparison.Line;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions of a plan compared line by line.
 */
class LineDiffTests {

	@Test
	void showsAChangedLineAsRemovedAndAddedAmongTheKeptOnes() {
		assertThat(LineDiff.diff("甲\n乙\n丙\n", "甲\n乙二\n丙\n")).containsExactly(new Line(Change.SAME, "甲"),
				new Line(Change.REMOVED, "乙"), new Line(Change.ADDED, "乙二"), new Line(Change.SAME, "丙"));
	}

	@Test
	void findsInsertedAndDeletedLinesInTheMiddle() {
		assertThat(LineDiff.diff("a\nb\nc\nd\ne", "a\nc\nx\nd\ne\nf")).containsExactly(new Line(Change.SAME, "a"),
				new Line(Change.REMOVED, "b"), new Line(Change.SAME, "c"), new Line(Change.ADDED, "x"),
				new Line(Change.SAME, "d"), new Line(Change.SAME, "e"), new Line(Change.ADDED, "f"));
	}

	@Test
	void comparesEmptyVersions() {
		assertThat(LineDiff.diff("", "")).isEmpty();
		assertThat(LineDiff.diff(null, "一\n")).containsExactly(new Line(Change.ADDED, "一"));
		assertThat(LineDiff.diff("一\n二", "")).extracting(Line::change).containsOnly(Change.REMOVED).hasSize(2);
	}

	@Test
	void aHugeChangeIsShownWholeRatherThanRunOutOfMemory() {
		String before = "x\n".repeat(3000) + "a\n".repeat(3000);
		String after = "x\n".repeat(3000) + "b\n".repeat(3000);

		assertThat(LineDiff.diff(before, after)).hasSize(9000)
			.filteredOn(l -> l.change() == Change.SAME)
			.hasSize(3000);
	}

}

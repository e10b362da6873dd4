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
	void aDeltaGivesTheNewTextBackExactly() {
		String[][] pairs = { { "", "" }, { "", "一\n" }, { "一\n二\n三\n", "一\n三" }, { "a\nb", "a\nb\n" },
				{ "a\nb\nc\n", "x\n\ny\n" }, { "同\n", "同\n" }, { "a\n+b\n=3\n-2\n", "=3\n+b\n\n" } };
		for (String[] pair : pairs) {
			String delta = LineDiff.delta(pair[0], pair[1]);
			assertThat(delta).as(pair[0] + " → " + pair[1]).isNotNull();
			assertThat(LineDiff.apply(pair[0], delta)).isEqualTo(pair[1]);
		}
		assertThat(LineDiff.delta("a\n", "a\r\nb")).as("CR does not survive a line diff: keep the whole text").isNull();
		assertThat(LineDiff.delta("行\n".repeat(1000), "行\n".repeat(500) + "改\n" + "行\n".repeat(499)))
			.hasSizeLessThan(30);
	}

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

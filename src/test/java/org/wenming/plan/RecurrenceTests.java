package org.wenming.plan;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Due dates of recurring tasks: the last day of the month, quarter, year or second half.
 */
class RecurrenceTests {

	@Test
	void monthlyTaskIsDueOnTheLastDayOfTheMonth() {
		assertThat(Recurrence.MONTHLY.dueDateOn(LocalDate.of(2028, 2, 3))).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(Recurrence.MONTHLY.dueDateOn(LocalDate.of(2027, 2, 28))).isEqualTo(LocalDate.of(2027, 2, 28));
	}

	@Test
	void quarterlyTaskIsDueOnTheLastDayOfTheQuarter() {
		assertThat(Recurrence.QUARTERLY.dueDateOn(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 3, 31));
		assertThat(Recurrence.QUARTERLY.dueDateOn(LocalDate.of(2026, 5, 20))).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThat(Recurrence.QUARTERLY.dueDateOn(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(Recurrence.QUARTERLY.dueDateOn(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void yearlyAndSecondHalfTasksAreDueAtTheEndOfTheYear() {
		assertThat(Recurrence.YEARLY.dueDateOn(LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(Recurrence.SECOND_HALF.dueDateOn(LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(Recurrence.SECOND_HALF.dueDateOn(LocalDate.of(2026, 8, 1))).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void nextPeriodFollowsTheDueDateWithinThePlanYear() {
		LocalDate endOfYear = LocalDate.of(2026, 12, 31);

		assertThat(Recurrence.MONTHLY.nextDueDateAfter(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 1, 20), endOfYear))
			.isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(Recurrence.QUARTERLY.nextDueDateAfter(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30), endOfYear))
			.isEqualTo(LocalDate.of(2026, 9, 30));
		assertThat(Recurrence.MONTHLY.nextDueDateAfter(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 12, 30), endOfYear))
			.isNull();
		assertThat(Recurrence.YEARLY.nextDueDateAfter(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 6, 1), endOfYear))
			.isNull();
		assertThat(Recurrence.SECOND_HALF.nextDueDateAfter(LocalDate.of(2026, 12, 31), LocalDate.of(2026, 9, 1), endOfYear))
			.isNull();
	}

	@Test
	void periodsThatWentByWhileTheTaskWasLateAreNotOwedTwice() {
		LocalDate endOfYear = LocalDate.of(2026, 12, 31);

		assertThat(Recurrence.MONTHLY.nextDueDateAfter(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 4, 10), endOfYear))
			.isEqualTo(LocalDate.of(2026, 4, 30));
	}

}

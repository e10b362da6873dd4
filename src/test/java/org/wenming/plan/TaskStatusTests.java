package org.wenming.plan;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wenming.platform.DomainException;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wenming.plan.TaskStatus.*;

/**
 * The task state machine: 未开始 → 进行中 → 待验收 → 已完成, 已逾期 and 已取消.
 */
class TaskStatusTests {

	@Test
	void notStartedTaskCanStartGoOverdueOrBeCancelled() {
		assertThat(successorsOf(NOT_STARTED)).containsExactlyInAnyOrder(IN_PROGRESS, OVERDUE, CANCELLED);
	}

	@Test
	void taskInProgressCanBeReportedGoOverdueOrBeCancelled() {
		assertThat(successorsOf(IN_PROGRESS)).containsExactlyInAnyOrder(SUBMITTED, OVERDUE, CANCELLED);
	}

	@Test
	void overdueTaskStaysOverdueUntilReportedOrCancelled() {
		assertThat(successorsOf(OVERDUE)).containsExactlyInAnyOrder(SUBMITTED, CANCELLED);
	}

	@Test
	void reportedTaskIsAcceptedSentBackOrCancelledButNeverOverdue() {
		assertThat(successorsOf(SUBMITTED)).containsExactlyInAnyOrder(DONE, NOT_STARTED, IN_PROGRESS, CANCELLED);
		assertThat(SUBMITTED.canMoveTo(OVERDUE)).isFalse();
	}

	@Test
	void doneAndCancelledTasksAreFinal() {
		assertThat(successorsOf(DONE)).isEmpty();
		assertThat(successorsOf(CANCELLED)).isEmpty();
		assertThat(DONE.isFinal()).isTrue();
		assertThat(CANCELLED.isFinal()).isTrue();
		assertThat(EnumSet.complementOf(EnumSet.of(DONE, CANCELLED))).noneMatch(TaskStatus::isFinal);
	}

	@Test
	void taskCannotBeDoneWithoutAReport() {
		assertThat(NOT_STARTED.canMoveTo(DONE)).isFalse();
		assertThat(IN_PROGRESS.canMoveTo(DONE)).isFalse();
		assertThat(OVERDUE.canMoveTo(DONE)).isFalse();
	}

	@Test
	void illegalMoveIsAConflictWithTheGivenMessage() {
		assertThatThrownBy(() -> NOT_STARTED.moveTo(SUBMITTED, "plan.task.report.illegal"))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo("plan.task.report.illegal");
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
			});
		assertThat(IN_PROGRESS.moveTo(SUBMITTED, "plan.task.report.illegal")).isEqualTo(SUBMITTED);
	}

	@Test
	void submissionIsSubmittedThenAcceptedOrReturnedAndSubmittedAgain() {
		assertThat(SubmissionStatus.PENDING.canMoveTo(SubmissionStatus.SUBMITTED)).isTrue();
		assertThat(SubmissionStatus.SUBMITTED.canMoveTo(SubmissionStatus.ACCEPTED)).isTrue();
		assertThat(SubmissionStatus.SUBMITTED.canMoveTo(SubmissionStatus.RETURNED)).isTrue();
		assertThat(SubmissionStatus.RETURNED.canMoveTo(SubmissionStatus.SUBMITTED)).isTrue();
		assertThat(SubmissionStatus.OVERDUE.canMoveTo(SubmissionStatus.SUBMITTED)).isTrue();
		assertThat(SubmissionStatus.SUBMITTED.canMoveTo(SubmissionStatus.OVERDUE)).isFalse();
		assertThat(SubmissionStatus.ACCEPTED.canMoveTo(SubmissionStatus.RETURNED)).isFalse();
		assertThat(SubmissionStatus.PENDING.canMoveTo(SubmissionStatus.ACCEPTED)).isFalse();
		assertThat(EnumSet.allOf(SubmissionStatus.class).stream().filter(SubmissionStatus::awaitsSubmission))
			.containsExactlyInAnyOrder(SubmissionStatus.PENDING, SubmissionStatus.RETURNED, SubmissionStatus.OVERDUE);
	}

	private static Set<TaskStatus> successorsOf(TaskStatus status) {
		Set<TaskStatus> next = EnumSet.noneOf(TaskStatus.class);
		for (TaskStatus candidate : TaskStatus.values()) {
			if (status.canMoveTo(candidate)) {
				next.add(candidate);
			}
		}
		return next;
	}

}

package org.wenming.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.wenming.directory.Accounts;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Role;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.notify.Notifications;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the admins of an org about its tasks and submissions, in the inbox. The admins of an org are
 * the accounts that hold {@link Role#UNIT_ADMIN} or {@link Role#OFFICE_ADMIN} at that org itself, not
 * through an ancestor: the city's office should not hear of every community's every deadline.
 */
@Component
class TaskNotices {

	static final String TASK = "PLAN_TASK";

	static final String SUBMISSION = "PLAN_SUBMISSION";

	/** Notifications are stored once, in the office's language. */
	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private static final int TITLE_MAX = 200;

	private final Notifications notifications;

	private final Accounts accounts;

	private final OrgDirectory orgs;

	private final MessageSource messages;

	TaskNotices(Notifications notifications, Accounts accounts, OrgDirectory orgs, MessageSource messages) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.orgs = orgs;
		this.messages = messages;
	}

	/**
	 * Tells the owner org that a task is now its own, and each cooperating org that it is to help;
	 * whoever assigned it is not told of their own work.
	 */
	void taskAssigned(long taskId, String title, long planOrgId, long ownerOrgId, List<Long> cooperatingOrgIds,
			LocalDate deadline) {
		String actor = AuditLog.currentActor();
		Set<String> owners = new LinkedHashSet<>(accounts.responsibleFor(ownerOrgId));
		owners.remove(actor);
		post(owners, TASK, taskLink(taskId), "plan.notice.assigned.title", "plan.notice.assigned.body", title,
				orgName(planOrgId), deadline);
		Set<String> helpers = new LinkedHashSet<>();
		for (long org : cooperatingOrgIds) {
			helpers.addAll(accounts.responsibleFor(org));
		}
		helpers.removeAll(owners);
		helpers.remove(actor);
		post(helpers, TASK, taskLink(taskId), "plan.notice.cooperating.title", "plan.notice.cooperating.body", title,
				orgName(planOrgId), orgName(ownerOrgId), deadline);
	}

	void taskSentBack(Task task, String reason) {
		post(accounts.responsibleFor(task.ownerOrgId()), TASK, taskLink(task.id()), "plan.notice.sentBack.title",
				"plan.notice.sentBack.body", task.title(), reason);
	}

	void taskOverdue(Task task) {
		post(accounts.responsibleFor(task.ownerOrgId()), TASK, taskLink(task.id()), "plan.notice.taskOverdue.title",
				"plan.notice.taskOverdue.body", task.title(), task.deadline());
	}

	/** Tells the parent of the owner org; answers whether there was anyone to tell. */
	boolean taskEscalated(Task task, long daysOverdue) {
		Optional<Long> parent = orgs.find(task.ownerOrgId()).map(Org::parentId);
		if (parent.isEmpty()) {
			return false;
		}
		Set<String> recipients = accounts.responsibleFor(parent.get());
		post(recipients, TASK, taskLink(task.id()), "plan.notice.taskEscalated.title", "plan.notice.taskEscalated.body",
				task.title(), orgName(task.ownerOrgId()), task.deadline(), daysOverdue);
		return !recipients.isEmpty();
	}

	void submissionRequested(Submission submission) {
		post(accounts.adminsOf(submission.orgId()), SUBMISSION, submissionLink(submission.id()),
				"plan.notice.requested.title", "plan.notice.requested.body", submission.taskTitle(),
				orgName(submission.planOrgId()), submission.deadline());
	}

	void submissionReminded(Submission submission) {
		post(accounts.adminsOf(submission.orgId()), SUBMISSION, submissionLink(submission.id()), "plan.notice.reminded.title",
				"plan.notice.reminded.body", submission.taskTitle(), orgName(submission.planOrgId()),
				submission.deadline());
	}

	void submissionReturned(Submission submission, String comment) {
		post(accounts.responsibleFor(submission.orgId()), SUBMISSION, submissionLink(submission.id()),
				"plan.notice.returned.title", "plan.notice.returned.body", submission.taskTitle(), comment);
	}

	void submissionOverdue(Submission submission) {
		post(accounts.responsibleFor(submission.orgId()), SUBMISSION, submissionLink(submission.id()),
				"plan.notice.submissionOverdue.title", "plan.notice.submissionOverdue.body", submission.taskTitle(),
				submission.deadline());
	}

	boolean submissionEscalated(Submission submission, long daysOverdue) {
		Optional<Long> parent = orgs.find(submission.orgId()).map(Org::parentId);
		if (parent.isEmpty()) {
			return false;
		}
		Set<String> recipients = accounts.responsibleFor(parent.get());
		post(recipients, SUBMISSION, submissionLink(submission.id()), "plan.notice.submissionEscalated.title",
				"plan.notice.submissionEscalated.body", submission.taskTitle(), submission.orgName(),
				submission.deadline(), daysOverdue);
		return !recipients.isEmpty();
	}

	String orgName(long orgId) {
		return orgs.find(orgId).map(Org::name).orElse("#" + orgId);
	}

	private void post(Set<String> recipients, String category, String link, String titleKey, String bodyKey,
			Object... args) {
		if (recipients.isEmpty()) {
			return;
		}
		Object[] texts = new ArrayList<>(List.of(args)).stream().map(a -> a == null ? "" : a.toString()).toArray();
		String title = messages.getMessage(titleKey, texts, LANGUAGE);
		if (title.length() > TITLE_MAX) {
			title = title.substring(0, TITLE_MAX - 1) + "…";
		}
		String body = messages.getMessage(bodyKey, texts, LANGUAGE);
		for (String recipient : recipients) {
			notifications.post(recipient, category, title, body, link);
		}
	}

	static String taskLink(long taskId) {
		return "/tasks/" + taskId;
	}

	static String submissionLink(long submissionId) {
		return "/submissions/" + submissionId;
	}

}

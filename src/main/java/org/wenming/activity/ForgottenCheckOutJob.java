package org.wenming.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Role;
import org.wenming.platform.database.ClusterLock;
import org.wenming.platform.notify.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every ten minutes, on one instance: closes the attendances of people who forgot to check out of
 * an activity that has ended, at its scheduled end (so the hours are capped), flags them for review
 * and tells the activity's organizer and the team leaders over its org, once per activity and run.
 */
@Component
public class ForgottenCheckOutJob {

	private static final Logger log = LoggerFactory.getLogger(ForgottenCheckOutJob.class);

	private final JdbcClient jdbc;

	private final Notifications notifications;

	private final Accounts accounts;

	private final ClusterLock lock;

	private final Clock clock;

	ForgottenCheckOutJob(JdbcClient jdbc, Notifications notifications, Accounts accounts, ClusterLock lock,
			Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.accounts = accounts;
		this.lock = lock;
		this.clock = clock;
	}

	@Scheduled(cron = "0 */10 * * * *", zone = "${wenming.zone:Asia/Shanghai}")
	void everyTenMinutes() {
		if (lock.tryAcquire("activity.forgotten-checkout", Duration.ofMinutes(5))) {
			int closed = run(OffsetDateTime.now(clock));
			if (closed > 0) {
				log.info("Closed {} forgotten check-outs", closed);
			}
		}
	}

	/** Closes the open attendances of activities that ended by {@code now}; how many it closed. */
	@Transactional
	public int run(OffsetDateTime now) {
		record Closed(long activityId, String title, long orgId, String createdBy) {
		}
		List<Closed> closed = jdbc.sql("""
				update attendance t set checked_out_at = greatest(a.ends_at, t.checked_in_at), auto_closed = true,
				  needs_review = true, version = t.version + 1
				from activity a where a.id = t.activity_id and t.checked_out_at is null and a.ends_at <= ?
				returning a.id, a.title, a.organizer_org_id, a.created_by""")
			.param(now)
			.query((rs, i) -> new Closed(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)))
			.list();
		Map<Long, List<Closed>> byActivity = new LinkedHashMap<>();
		closed.forEach(c -> byActivity.computeIfAbsent(c.activityId(), id -> new java.util.ArrayList<>()).add(c));
		byActivity.forEach((id, rows) -> {
			Closed first = rows.get(0);
			Set<String> recipients = new LinkedHashSet<>();
			recipients.add(first.createdBy());
			recipients.addAll(DataScopes.asSystem(() -> accounts.usernamesWithRoleOver(first.orgId(), Role.TEAM_LEADER)));
			for (String recipient : recipients) {
				notifications.post(recipient, "HOURS", "有" + rows.size() + "人未签退：" + first.title(),
						"已按活动结束时间自动签退，请核实后确认时长。", "/activities/" + id + "/attendance");
			}
		});
		return closed.size();
	}

}

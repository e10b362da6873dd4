package org.wenming.platform.notify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app inbox every module posts to. Recipients are user names.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	Notifications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The kinds of notification a person may choose not to receive (by category); any other
	 * category, such as {@code GENERAL} system messages, always arrives. Labels:
	 * {@code notify.kind.<category>}.
	 */
	public static final List<String> KINDS = List.of("PLAN_TASK", "PLAN_SUBMISSION", "ACTIVITY", "HOURS",
			"VOLUNTEER", "SERVICE_ORDER");

	/** Posts to the recipient's inbox, unless the recipient chose not to receive this kind. */
	@Transactional
	public void post(String recipient, String category, String title, String body, String link) {
		jdbc.sql("""
				insert into notification (recipient, category, title, body, link) select ?, ?, ?, ?, ?
				where not exists (select 1 from notification_mute where username = ? and category = ?)""")
			.params(recipient, category, title, body == null ? "" : body, link, recipient, category)
			.update();
	}

	/** The kinds the person chose not to receive. */
	@Transactional(readOnly = true)
	public java.util.Set<String> muted(String username) {
		return new java.util.TreeSet<>(jdbc.sql("select category from notification_mute where username = ?")
			.param(username)
			.query(String.class)
			.list());
	}

	/** Sets which of the {@link #KINDS} the person receives; the others are muted. */
	@Transactional
	public void receiveOnly(String username, java.util.Collection<String> received) {
		jdbc.sql("delete from notification_mute where username = ?").param(username).update();
		for (String kind : KINDS) {
			if (received == null || !received.contains(kind)) {
				jdbc.sql("insert into notification_mute (username, category) values (?, ?)").params(username, kind).update();
			}
		}
	}

	@Transactional(readOnly = true)
	public long unreadCount(String recipient) {
		return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null")
			.param(recipient)
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public List<Notification> latest(String recipient, int limit) {
		return jdbc.sql("""
				select id, category, title, body, link, created_at, read_at from notification
				where recipient = ? order by (read_at is null) desc, created_at desc, id desc limit ?""")
			.params(recipient, limit)
			.query((rs, i) -> new Notification(rs.getLong("id"), rs.getString("category"), rs.getString("title"),
					rs.getString("body"), rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
					rs.getObject("read_at", OffsetDateTime.class) != null))
			.list();
	}

	/** Marks one notification read; only the recipient can. */
	@Transactional
	public boolean markRead(String recipient, long id) {
		return jdbc.sql("update notification set read_at = now() where id = ? and recipient = ? and read_at is null")
			.params(id, recipient)
			.update() == 1;
	}

	@Transactional
	public int markAllRead(String recipient) {
		return jdbc.sql("update notification set read_at = now() where recipient = ? and read_at is null")
			.param(recipient)
			.update();
	}

	/** One notification of an inbox. */
	public record Notification(long id, String category, String title, String body, String link, Instant createdAt,
			boolean read) {
	}

}

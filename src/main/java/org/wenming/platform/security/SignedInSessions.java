package org.wenming.platform.security;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends an account's web sessions and API tokens at once on every instance: both live only in the
 * database ({@code spring_session} by its principal-name index, {@code api_token}), so deleting the
 * rows is enough.
 */
@Component
public class SignedInSessions {

	private final JdbcClient jdbc;

	SignedInSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Ends every session and token of the user name, except the session of the current request
	 * (someone who resets their own password stays signed in here).
	 * @return how many sessions and tokens were ended
	 */
	@Transactional
	public int endAll(String username) {
		String keep = currentSessionId();
		int sessions = jdbc.sql("delete from spring_session where principal_name = ? and session_id <> ?")
			.params(username, keep == null ? "" : keep)
			.update();
		return sessions + jdbc.sql("delete from api_token where username = ?").param(username).update();
	}

	/**
	 * The page sessions the user is signed in with, the latest used first. A session is named by
	 * Spring Session's primary id, never by the session id, which is the cookie's secret value.
	 */
	@Transactional(readOnly = true)
	public List<SignedIn> of(String username) {
		String current = currentSessionId();
		return jdbc.sql("""
				select primary_id, session_id, creation_time, last_access_time from spring_session
				where principal_name = ? and expiry_time > ? order by last_access_time desc""")
			.params(username, System.currentTimeMillis())
			.query((rs, row) -> new SignedIn(rs.getString("primary_id").trim(),
					Instant.ofEpochMilli(rs.getLong("creation_time")), Instant.ofEpochMilli(rs.getLong("last_access_time")),
					rs.getString("session_id").trim().equals(current)))
			.list();
	}

	/** Ends one of the user's other sessions (not the current one); true if there was one. */
	@Transactional
	public boolean end(String username, String sessionKey) {
		String keep = currentSessionId();
		return jdbc.sql("delete from spring_session where principal_name = ? and primary_id = ? and session_id <> ?")
			.params(username, sessionKey, keep == null ? "" : keep)
			.update() > 0;
	}

	/** Ends every session of the user but the current one; the API tokens stay. */
	@Transactional
	public int endOthers(String username) {
		String keep = currentSessionId();
		return jdbc.sql("delete from spring_session where principal_name = ? and session_id <> ?")
			.params(username, keep == null ? "" : keep)
			.update();
	}

	/** A signed-in page session: when it signed in, when it was last used, whether it is this one. */
	public record SignedIn(String key, Instant signedInAt, Instant lastAccessAt, boolean current) {
	}

	private static String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			return session == null ? null : session.getId();
		}
		return null;
	}

}

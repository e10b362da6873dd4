package org.wenming.platform.security;

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

	private static String currentSessionId() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpSession session = attributes.getRequest().getSession(false);
			return session == null ? null : session.getId();
		}
		return null;
	}

}

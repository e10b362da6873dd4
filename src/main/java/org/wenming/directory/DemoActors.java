package org.wenming.directory;

import java.util.List;
import java.util.function.Supplier;

import org.wenming.platform.security.WenmingUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The demo accounts as callers of the services, for the demo data of every module: the services
 * read who acts (the approver, the resident, the team leader) from the security context.
 */
public final class DemoActors {

	private DemoActors() {
	}

	/** The signed-in user of a demo account. */
	public static WenmingUser user(JdbcClient jdbc, String username) {
		return jdbc.sql("""
				select a.id, a.person_id, a.username, p.name from account a join person p on p.id = a.person_id
				where a.username = ?""")
			.param(username)
			.query((rs, i) -> new WenmingUser(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), "", true,
					true, List.of()))
			.single();
	}

	/** Runs work with the user signed in. */
	public static <T> T as(WenmingUser user, Supplier<T> work) {
		SecurityContext before = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

	public static void as(WenmingUser user, Runnable work) {
		as(user, () -> {
			work.run();
			return null;
		});
	}

}

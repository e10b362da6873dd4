package org.wenming.directory.internal;

import org.wenming.platform.WenmingProperties;
import org.wenming.platform.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks an account for a while after too many failed logins in a row; a successful login resets
 * the count.
 */
@Component
class AccountLockout {

	private final JdbcClient jdbc;

	private final WenmingProperties properties;

	private final AuditLog audit;

	AccountLockout(JdbcClient jdbc, WenmingProperties properties, AuditLog audit) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.audit = audit;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		Integer attempts = jdbc.sql("""
				update account set failed_attempts = failed_attempts + 1 where username = ?
				and (locked_until is null or locked_until < now()) returning failed_attempts""")
			.param(username)
			.query(Integer.class)
			.optional()
			.orElse(0);
		if (attempts >= properties.loginLockThreshold()) {
			jdbc.sql("""
					update account set failed_attempts = 0, locked_until = now() + ? * interval '1 second'
					where username = ?""")
				.params(properties.loginLockDuration().toSeconds(), username)
				.update();
			audit.recordIndependently(username, AuditLog.currentAddress(), "ACCOUNT_LOCKED", "account", username, null,
					"连续登录失败 " + attempts + " 次，账号锁定 " + properties.loginLockDuration().toMinutes() + " 分钟");
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(AuthenticationSuccessEvent event) {
		jdbc.sql("update account set failed_attempts = 0, locked_until = null, last_login_at = now() where username = ?")
			.param(event.getAuthentication().getName())
			.update();
	}

}

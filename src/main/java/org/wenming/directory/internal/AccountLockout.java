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
 * Locks logins to an account FROM ONE CLIENT ADDRESS for a while after too many wrong passwords
 * from it in a row; a successful login from that address resets its count. A stranger guessing
 * passwords thus locks only their own address out, never the owner signing in from elsewhere, and
 * the answer to a locked login is the same as to a wrong password (see SecurityConfiguration), so
 * the lock tells nobody that the name exists. {@code account.locked_until} keeps the latest lock
 * from any address, for the admins' list of locked accounts.
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

	/** The client address locks are kept for; the empty string outside of a request. */
	static String address() {
		String address = AuditLog.currentAddress();
		return address == null ? "" : address;
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		String address = address();
		Integer attempts = jdbc.sql("""
				insert into account_login_lock (account_id, address, failed_attempts)
				select id, ?, 1 from account where username = ?
				on conflict (account_id, address) do update set failed_attempts = account_login_lock.failed_attempts + 1
				where account_login_lock.locked_until is null or account_login_lock.locked_until < now()
				returning failed_attempts""")
			.params(address, username)
			.query(Integer.class)
			.optional()
			.orElse(0);
		if (attempts >= properties.loginLockThreshold()) {
			long seconds = properties.loginLockDuration().toSeconds();
			jdbc.sql("""
					update account_login_lock set failed_attempts = 0, locked_until = now() + ? * interval '1 second'
					where address = ? and account_id = (select id from account where username = ?)""")
				.params(seconds, address, username)
				.update();
			jdbc.sql("""
					update account set locked_until = greatest(locked_until, now() + ? * interval '1 second')
					where username = ?""")
				.params(seconds, username)
				.update();
			audit.recordIndependently(username, AuditLog.currentAddress(), "ACCOUNT_LOCKED", "account", username, null,
					"连续登录失败 " + attempts + " 次，来自 " + address + " 的登录锁定 "
							+ properties.loginLockDuration().toMinutes() + " 分钟");
		}
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(AuthenticationSuccessEvent event) {
		String username = event.getAuthentication().getName();
		jdbc.sql("""
				delete from account_login_lock where address = ?
				and account_id = (select id from account where username = ?)""")
			.params(address(), username)
			.update();
		jdbc.sql("update account set failed_attempts = 0, last_login_at = now() where username = ?")
			.param(username)
			.update();
	}

}

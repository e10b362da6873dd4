package org.wenming.platform.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts what an account does per purpose and minute, in the table of the login counters (so that
 * every instance sees the same count, and {@code Housekeeping} purges old minutes), and tells when
 * the account has done it too often this minute.
 */
@Component
public class AccountThrottle {

	private final JdbcClient jdbc;

	AccountThrottle(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts one more use of {@code purpose} by the account in the current minute, and answers whether
	 * it is within {@code perMinute}. One statement adds and reads, so concurrent requests of one
	 * account on several instances are counted exactly.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public boolean tryAcquire(String purpose, long accountId, int perMinute) {
		int count = jdbc.sql("""
				insert into login_throttle (address, window_start, failures) values (?, ?, 1)
				on conflict (address, window_start) do update set failures = login_throttle.failures + 1
				returning failures""")
			.params(key(purpose, accountId), Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MINUTES)))
			.query(Integer.class)
			.single();
		return count <= perMinute;
	}

	private static String key(String purpose, long accountId) {
		// The column holds client addresses (at most 64 characters); an account's key can never look like one.
		String key = purpose + ":account:" + accountId;
		return key.length() > 64 ? key.substring(0, 64) : key;
	}

}

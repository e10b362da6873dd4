package org.wenming.platform.security;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.wenming.platform.WenmingProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per client address and minute in the database (so that every instance sees
 * them) and tells when an address has failed too often to be allowed another try right now.
 */
@Component
public class LoginThrottle {

	private final JdbcClient jdbc;

	private final int limit;

	LoginThrottle(JdbcClient jdbc, WenmingProperties properties) {
		this.jdbc = jdbc;
		this.limit = properties.addressLimitPerMinute();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordFailure(String address) {
		if (address == null) {
			return;
		}
		jdbc.sql("""
				insert into login_throttle (address, window_start, failures) values (?, ?, 1)
				on conflict (address, window_start) do update set failures = login_throttle.failures + 1""")
			.params(address, java.sql.Timestamp.from(window()))
			.update();
	}

	@Transactional(readOnly = true)
	public boolean isBlocked(String address) {
		if (address == null) {
			return false;
		}
		Integer failures = jdbc.sql("select failures from login_throttle where address = ? and window_start = ?")
			.params(address, java.sql.Timestamp.from(window()))
			.query(Integer.class)
			.optional()
			.orElse(0);
		return failures >= limit;
	}

	@Transactional
	public void purgeOld() {
		jdbc.sql("delete from login_throttle where window_start < now() - interval '1 hour'").update();
	}

	private static Instant window() {
		return Instant.now().truncatedTo(ChronoUnit.MINUTES);
	}

}

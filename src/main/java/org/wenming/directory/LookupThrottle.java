package org.wenming.directory;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the look-ups of one account that could confirm a guessed full ID number or phone number,
 * in the database so that the limit holds across instances, and refuses with 429 beyond
 * {@code wenming.lookups.per-hour} in the last hour. A refused look-up counts too.
 */
@Service
public class LookupThrottle {

	private final JdbcClient jdbc;

	private final LookupProperties properties;

	private final Clock clock;

	LookupThrottle(JdbcClient jdbc, LookupProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Counts one look-up of the current caller, in a transaction of its own so that it stays when
	 * the caller's work fails; throws {@link Throttled} (429) when the hour's allowance is used up.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void charge() {
		charge(1);
	}

	/** Counts {@code count} look-ups at once (an import that hit numbers registered elsewhere). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void charge(int count) {
		String account = AuditLog.currentActor();
		if (account == null) {
			account = "anonymous";
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		// One account's look-ups queue here, so that concurrent requests cannot all pass at the limit.
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("lookup:" + account).query().singleRow();
		jdbc.sql("""
				insert into lookup_throttle (account, window_start, lookups) values (?, ?, ?)
				on conflict (account, window_start) do update set lookups = lookup_throttle.lookups + excluded.lookups""")
			.params(account, now.truncatedTo(ChronoUnit.MINUTES), count)
			.update();
		long used = jdbc.sql("select coalesce(sum(lookups), 0) from lookup_throttle where account = ? and window_start > ?")
			.params(account, now.minusHours(1))
			.query(Long.class)
			.single();
		jdbc.sql("delete from lookup_throttle where window_start < ?").param(now.minusHours(2)).update();
		if (used > properties.perHour()) {
			throw new Throttled();
		}
	}

	/** Too many look-ups in the last hour: 429 with a message. */
	public static final class Throttled extends DomainException {

		Throttled() {
			super(HttpStatus.TOO_MANY_REQUESTS, null, "lookup.throttled");
		}

	}

}

package org.wenming.platform.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key}s of the last {@code wenming.idempotency.ttl} (24 h by default) in the
 * database, so that every instance sees them: claimed before the work runs, completed with the
 * answer after it. Each statement commits on its own, outside the work's transaction.
 */
@Component
class IdempotencyKeys {

	private final JdbcClient jdbc;

	private final Duration ttl;

	private final Duration inFlightTimeout;

	IdempotencyKeys(JdbcClient jdbc, @Value("${wenming.idempotency.ttl:PT24H}") Duration ttl,
			@Value("${wenming.idempotency.in-flight-timeout:PT5M}") Duration inFlightTimeout) {
		this.jdbc = jdbc;
		this.ttl = ttl;
		this.inFlightTimeout = inFlightTimeout;
	}

	/**
	 * Claims the key for a request with this hash, or says what became of the request that claimed
	 * it first. A key older than the ttl counts as free; so does one whose request has been running
	 * longer than the in-flight timeout (its instance died).
	 */
	Claim claim(String owner, String key, byte[] requestHash) {
		for (int attempt = 0; attempt < 3; attempt++) {
			int inserted = jdbc.sql("""
					insert into idempotency_key (owner, idem_key, request_hash, created_at) values (?, ?, ?, now())
					on conflict do nothing""")
				.params(owner, key, requestHash)
				.update();
			if (inserted == 1) {
				return Claim.CLAIMED;
			}
			Optional<Stored> stored = find(owner, key);
			if (stored.isEmpty()) {
				continue;
			}
			Stored first = stored.get();
			OffsetDateTime now = OffsetDateTime.now();
			boolean expired = first.createdAt().plus(ttl).isBefore(now);
			boolean abandoned = first.status() == null && first.createdAt().plus(inFlightTimeout).isBefore(now);
			if (expired || abandoned) {
				// Only one of several concurrent takers deletes the row it saw.
				jdbc.sql("delete from idempotency_key where owner = ? and idem_key = ? and created_at = ?")
					.params(owner, key, first.createdAt())
					.update();
				continue;
			}
			if (!Arrays.equals(first.requestHash(), requestHash)) {
				return Claim.MISMATCH;
			}
			return first.status() == null ? Claim.IN_FLIGHT : Claim.replay(first);
		}
		return Claim.IN_FLIGHT;
	}

	/** Keeps the answer of the claimed request for replays. */
	void complete(String owner, String key, int status, String contentType, String location, byte[] body) {
		jdbc.sql("""
				update idempotency_key set response_status = ?, response_type = ?, response_location = ?, response_body = ?
				where owner = ? and idem_key = ?""")
			.params(status, contentType, location, body, owner, key)
			.update();
	}

	/** Frees a key whose request failed unexpectedly, so that a retry does the work. */
	void release(String owner, String key) {
		jdbc.sql("delete from idempotency_key where owner = ? and idem_key = ? and response_status is null")
			.params(owner, key)
			.update();
	}

	/** Removes keys older than the ttl; returns how many. Run by the housekeeping job. */
	int purgeExpired() {
		return jdbc.sql("delete from idempotency_key where created_at < ?")
			.param(OffsetDateTime.now().minus(ttl))
			.update();
	}

	private Optional<Stored> find(String owner, String key) {
		return jdbc.sql("""
				select request_hash, created_at, response_status, response_type, response_location, response_body
				from idempotency_key where owner = ? and idem_key = ?""")
			.params(owner, key)
			.query((rs, i) -> new Stored(rs.getBytes(1), rs.getObject(2, OffsetDateTime.class),
					rs.getObject(3, Integer.class), rs.getString(4), rs.getString(5), rs.getBytes(6)))
			.optional();
	}

	record Stored(byte[] requestHash, OffsetDateTime createdAt, Integer status, String contentType, String location,
			byte[] body) {
	}

	/** What became of a claim: claimed now, or the first request's answer, or a refusal. */
	record Claim(Kind kind, Stored first) {

		static final Claim CLAIMED = new Claim(Kind.CLAIMED, null);

		static final Claim MISMATCH = new Claim(Kind.MISMATCH, null);

		static final Claim IN_FLIGHT = new Claim(Kind.IN_FLIGHT, null);

		static Claim replay(Stored first) {
			return new Claim(Kind.REPLAY, first);
		}

		enum Kind {
			CLAIMED, REPLAY, MISMATCH, IN_FLIGHT
		}

	}

}

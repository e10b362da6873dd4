package org.wenming.activity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.wenming.directory.DataScopes;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rotating check-in tokens an activity's organizer shows as a QR code: each names the activity
 * and the time it was issued, is signed with the activity's secret (HMAC-SHA256), lives
 * {@link #LIFETIME} and comes with a six-digit code that may be typed instead. The first person to
 * use a token owns it; it is refused to anyone else.
 */
@Service
public class CheckInTokens {

	/** How long a token may be used after it was issued. */
	public static final Duration LIFETIME = Duration.ofSeconds(30);

	/**
	 * How long after it was issued a token's owner may use it again (for example to check out), its
	 * code still tells which activity it belongs to, and a token shown to a phone in time may still
	 * be claimed after the person signed in.
	 */
	public static final Duration GRACE = LIFETIME.multipliedBy(20);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Clock clock;

	CheckInTokens(JdbcClient jdbc, DataScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.clock = clock;
	}

	/**
	 * The activity's live token nobody has used yet, or a new one; for organizers with
	 * {@code activity:write} over the organizing org.
	 */
	@Transactional
	public Token current(long activityId) {
		ActivityRow activity = ActivityRow.find(jdbc, activityId).orElseThrow(DomainException::notFound);
		scopes.require(Permission.ACTIVITY_WRITE, activity.organizerPath());
		if (!"OPEN".equals(activity.status()) && !"ONGOING".equals(activity.status())) {
			throw new DomainException("hours.checkin.notRunning");
		}
		jdbc.sql("select pg_advisory_xact_lock(4301, ?)").param((int) activityId).query(Object.class).single();
		OffsetDateTime now = OffsetDateTime.now(clock);
		Optional<Token> live = jdbc.sql("""
				select nonce, code, issued_at, expires_at from checkin_token
				where activity_id = ? and used_by is null and expires_at > ? order by issued_at desc limit 1""")
			.params(activityId, now)
			.query((rs, i) -> token(activity, rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class)))
			.optional();
		return live.orElseGet(() -> issue(activity, now));
	}

	private Token issue(ActivityRow activity, OffsetDateTime now) {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		String nonce = HexFormat.of().formatHex(bytes);
		OffsetDateTime expires = now.plus(LIFETIME);
		// A code no token of any activity has had within the grace period (drawn again in the rare
		// case), so that the code alone names the activity; the issuing lock is held, so nobody
		// else issues meanwhile.
		jdbc.sql("select pg_advisory_xact_lock(4303, 0)").query(Object.class).single();
		while (true) {
			String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
			int issued = jdbc.sql("""
					insert into checkin_token (activity_id, nonce, code, issued_at, expires_at)
					select ?, ?, ?, ?, ? where not exists (
					  select 1 from checkin_token where code = ? and expires_at > ?)""")
				.params(activity.id(), nonce, code, now, expires, code, now.minus(GRACE))
				.update();
			if (issued == 1) {
				return token(activity, nonce, code, now, expires);
			}
		}
	}

	private static Token token(ActivityRow activity, String nonce, String code, OffsetDateTime issued,
			OffsetDateTime expires) {
		String payload = activity.id() + "." + issued.toInstant().toEpochMilli() + "." + nonce;
		return new Token(payload + "." + sign(activity.checkinSecret(), payload), code, issued, expires);
	}

	/**
	 * The activity a scanned token names, once its signature is checked: refused as invalid when it
	 * is no token of an activity that exists, signed with that activity's secret.
	 */
	ActivityRow activityOf(String scanned) {
		String[] parts = scanned == null ? new String[0] : scanned.trim().split("\\.");
		if (parts.length != 4) {
			throw DomainException.onField("token", "hours.checkin.token.invalid");
		}
		ActivityRow activity;
		try {
			activity = ActivityRow.find(jdbc, Long.parseLong(parts[0]))
				.orElseThrow(() -> DomainException.onField("token", "hours.checkin.token.invalid"));
		}
		catch (NumberFormatException ex) {
			throw DomainException.onField("token", "hours.checkin.token.invalid");
		}
		String payload = parts[0] + "." + parts[1] + "." + parts[2];
		if (!MessageDigest.isEqual(sign(activity.checkinSecret(), payload).getBytes(StandardCharsets.US_ASCII),
				parts[3].getBytes(StandardCharsets.US_ASCII))) {
			throw DomainException.onField("token", "hours.checkin.token.invalid");
		}
		return activity;
	}

	/**
	 * The activity a typed code stands for, for the person: of the token with the code the person
	 * owns, else of the live one, else of the newest one issued within the {@link #GRACE} (so that
	 * the claim can tell that it expired). Codes are unique across activities over that time.
	 */
	Optional<Long> activityOfCode(String code, long personId) {
		if (code == null || !code.trim().matches("\\d{6}")) {
			return Optional.empty();
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		return jdbc.sql("""
				select activity_id from checkin_token where code = ? and expires_at > ?
				order by coalesce(used_by = ?, false) desc, (expires_at > ?) desc, issued_at desc limit 1""")
			.params(code.trim(), now.minus(GRACE), personId, now)
			.query(Long.class)
			.optional();
	}

	Used claim(ActivityRow activity, String scanned, String code, long personId) {
		return claim(activity, scanned, code, personId, null);
	}

	/**
	 * Claims the stored token a scanned string or a typed code stands for, once checked: signed
	 * with the activity's secret (verified here, without the database), of this activity, not
	 * expired, and not used by anyone but the person. One statement binds it to the person unless
	 * someone else got there first; using it again as the same person changes nothing. Called in
	 * the caller's transaction, so a refusal that follows undoes the claim.
	 * <p>
	 * {@code presentedAt}, when given, is when the server itself saw this token opened on the
	 * person's phone (before a sign-in, say): the token counts as live if it was live then, within
	 * the {@link #GRACE}.
	 */
	Used claim(ActivityRow activity, String scanned, String code, long personId, OffsetDateTime presentedAt) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime liveAt = presentedAt != null && presentedAt.isBefore(now) && presentedAt.isAfter(now.minus(GRACE))
				? presentedAt : now;
		String which;
		Object[] params;
		String method;
		String unknown;
		if (scanned != null && !scanned.isBlank()) {
			String[] parts = scanned.trim().split("\\.");
			if (parts.length != 4) {
				throw DomainException.onField("token", "hours.checkin.token.invalid");
			}
			long tokenActivity;
			try {
				tokenActivity = Long.parseLong(parts[0]);
				Long.parseLong(parts[1]);
			}
			catch (NumberFormatException ex) {
				throw DomainException.onField("token", "hours.checkin.token.invalid");
			}
			if (tokenActivity != activity.id()) {
				throw DomainException.onField("token", "hours.checkin.token.otherActivity");
			}
			String payload = parts[0] + "." + parts[1] + "." + parts[2];
			if (!MessageDigest.isEqual(sign(activity.checkinSecret(), payload).getBytes(StandardCharsets.US_ASCII),
					parts[3].getBytes(StandardCharsets.US_ASCII))) {
				throw DomainException.onField("token", "hours.checkin.token.invalid");
			}
			which = "activity_id = ? and nonce = ?";
			params = new Object[] { activity.id(), parts[2] };
			method = "QR";
			unknown = "token:hours.checkin.token.invalid";
		}
		else if (code != null && code.trim().matches("\\d{6}")) {
			// The newest token with the code: a live one if there is one, else the one that expired.
			which = """
					id = (select id from checkin_token where activity_id = ? and code = ?
					      order by (expires_at > ?) desc, issued_at desc limit 1)""";
			params = new Object[] { activity.id(), code.trim(), now };
			method = "CODE";
			unknown = "code:hours.checkin.code.unknown";
		}
		else {
			throw DomainException.onField("token", "hours.checkin.token.missing");
		}
		// The owner may scan their token again for a while (for example to check out); not forever.
		List<Object> claim = new ArrayList<>(List.of(personId, now));
		claim.addAll(List.of(params));
		claim.addAll(List.of(liveAt, personId, now.minus(GRACE)));
		Optional<Long> claimed = jdbc.sql("""
				update checkin_token set used_by = ?, used_at = coalesce(used_at, ?)
				where %s and (used_by is null and expires_at > ? or used_by = ? and expires_at > ?)
				returning id""".formatted(which))
			.params(claim)
			.query(Long.class)
			.optional();
		if (claimed.isPresent()) {
			return new Used(claimed.get(), method);
		}
		// Refused: find out why (this path only).
		State state = jdbc.sql("select id, expires_at, used_by from checkin_token where " + which)
			.params(params)
			.query(State::of)
			.optional()
			.orElseThrow(() -> DomainException.onField(unknown.substring(0, unknown.indexOf(':')),
					unknown.substring(unknown.indexOf(':') + 1)));
		if (state.usedBy() != null && state.usedBy() != personId) {
			throw DomainException.conflict("hours.checkin.token.usedByOther");
		}
		throw new DomainException("hours.checkin.token.expired");
	}

	static String sign(byte[] secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			byte[] signature = mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token as shown to the organizer: the string in the QR code and the code typed instead. */
	public record Token(String token, String code, OffsetDateTime issuedAt, OffsetDateTime expiresAt) {
	}

	record Used(long id, String method) {
	}

	/** A stored token as read for a check-in: whether it is still live and who owns it. */
	private record State(long id, OffsetDateTime expiresAt, Long usedBy) {

		static State of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
			return new State(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getObject(3, Long.class));
		}

	}

}

package org.wenming.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.wenming.platform.WenmingProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for the API. Only their SHA-256 is stored, so a copy of the database
 * cannot be used to call the API.
 */
@Component
public class ApiTokens {

	private final JdbcClient jdbc;

	private final WenmingProperties properties;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient jdbc, WenmingProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Transactional
	public IssuedToken issue(String username) {
		byte[] raw = new byte[32];
		random.nextBytes(raw);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		Instant expiresAt = Instant.now().plus(properties.tokenTtl()).truncatedTo(ChronoUnit.SECONDS);
		jdbc.sql("insert into api_token (token_hash, username, expires_at) values (?, ?, ?)")
			.params(sha256(token), username, Timestamp.from(expiresAt))
			.update();
		return new IssuedToken(token, expiresAt);
	}

	/** The user name a still valid token was issued to (one statement, no transaction). */
	public Optional<String> resolve(String token) {
		if (token == null || token.isBlank() || token.length() > 200) {
			return Optional.empty();
		}
		return jdbc.sql("select username from api_token where token_hash = ? and expires_at > now()")
			.param(sha256(token))
			.query(String.class)
			.optional();
	}

	/** Revokes one token (the caller's own, on {@code DELETE /api/v1/auth/token}); true if it was valid. */
	@Transactional
	public boolean revoke(String token) {
		if (token == null || token.isBlank() || token.length() > 200) {
			return false;
		}
		return jdbc.sql("delete from api_token where token_hash = ?").param(sha256(token)).update() > 0;
	}

	/** Revokes every token of the user name (signing out with "also end my API tokens"). */
	@Transactional
	public int revokeAll(String username) {
		return jdbc.sql("delete from api_token where username = ?").param(username).update();
	}

	/** The user's valid tokens, newest first (by number; the token itself is never shown again). */
	@Transactional(readOnly = true)
	public List<TokenInfo> of(String username) {
		return jdbc.sql("""
				select id, created_at, expires_at from api_token
				where username = ? and expires_at > now() order by created_at desc, id desc""")
			.param(username)
			.query((rs, row) -> new TokenInfo(rs.getLong("id"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant()))
			.list();
	}

	/** Revokes one of the user's tokens by its number; false if the user has no such token. */
	@Transactional
	public boolean revoke(String username, long id) {
		return jdbc.sql("delete from api_token where username = ? and id = ?").params(username, id).update() > 0;
	}

	/** A token as its owner sees it in the list. */
	public record TokenInfo(long id, Instant createdAt, Instant expiresAt) {
	}

	@Transactional
	public void purgeExpired() {
		jdbc.sql("delete from api_token where expires_at < now()").update();
	}

	private static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A token as handed to its owner, once. */
	public record IssuedToken(String token, Instant expiresAt) {
	}

}

package org.wenming.platform.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chained tables registered in {@code ledger_chain} and how a row's hash is computed: SHA-256
 * over the previous row's hash, the table's name and the row's canonical content (a JSON array of
 * the registered columns, rendered by PostgreSQL in UTC).
 */
final class LedgerChains {

	static final byte[] GENESIS = new byte[32];

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private LedgerChains() {
	}

	/** A chained table and the SQL expression of its rows' canonical content. */
	record Chain(String table, String content) {
	}

	static List<Chain> all(JdbcClient jdbc) {
		return jdbc.sql("select table_name, columns from ledger_chain order by table_name")
			.query((rs, n) -> chain(rs.getString(1), rs.getString(2)))
			.list();
	}

	private static Chain chain(String table, String columns) {
		if (!NAME.matcher(table).matches()) {
			throw new IllegalStateException("ledger_chain: bad table name " + table);
		}
		for (String column : columns.split(",")) {
			if (!NAME.matcher(column).matches()) {
				throw new IllegalStateException("ledger_chain: bad column " + column);
			}
		}
		return new Chain(table, "jsonb_build_array(" + columns + ")::text");
	}

	static byte[] hash(byte[] previous, String table, String content) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(previous);
			digest.update(table.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) '\n');
			digest.update(content.getBytes(StandardCharsets.UTF_8));
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package org.wenming.platform.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.wenming.platform.ledger.LedgerAnchors.Anchor;
import org.wenming.platform.ledger.LedgerChains.Chain;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes every ledger's hash chain, compares the seals with the anchors published outside the
 * database, and recomputes the sums and balances kept from the ledgers; names the first row that
 * breaks in each.
 */
@Service
public class LedgerVerification {

	private final JdbcClient jdbc;

	private final LedgerAnchors anchors;

	private final ObjectProvider<DerivedSums> derivedSums;

	LedgerVerification(JdbcClient jdbc, LedgerAnchors anchors, ObjectProvider<DerivedSums> derivedSums) {
		this.jdbc = jdbc;
		this.anchors = anchors;
		this.derivedSums = derivedSums;
	}

	@Transactional(readOnly = true)
	public Report verify() {
		jdbc.sql("set local timezone = 'UTC'").update();
		List<ChainResult> chains = new ArrayList<>();
		List<Break> breaks = new ArrayList<>();
		for (Chain chain : LedgerChains.all(jdbc)) {
			ChainResult result = verify(chain);
			chains.add(result);
			if (result.firstBreak() != null) {
				breaks.add(result.firstBreak());
			}
		}
		for (Anchor anchor : anchors.published()) {
			List<byte[]> sealed = jdbc.sql("select hash from ledger_seal where table_name = ? and row_id = ?")
				.params(anchor.table(), anchor.rowId())
				.query((rs, n) -> rs.getBytes(1))
				.list();
			if (sealed.isEmpty() || !Arrays.equals(sealed.get(0), anchor.hash())) {
				breaks.add(new Break(anchor.table(), String.valueOf(anchor.rowId()), Problem.ANCHOR_MISMATCH,
						anchor.file()));
			}
		}
		derivedSums.orderedStream()
			.flatMap(sums -> sums.firstMismatches().stream())
			.forEach(m -> breaks.add(new Break(m.table(), m.key(), Problem.SUM_MISMATCH,
					m.stored() + " ≠ " + m.recomputed())));
		return new Report(Instant.now(), chains, breaks);
	}

	private ChainResult verify(Chain chain) {
		Long head = jdbc.sql("select max(row_id) from ledger_seal where table_name = ?")
			.param(chain.table())
			.query(Long.class)
			.optional()
			.orElse(null);
		long headId = head == null ? 0 : head;
		Walk walk = new Walk(chain.table(), headId);
		jdbc.sql("select coalesce(t.id, s.row_id), t.content, s.hash from (select id, " + chain.content()
				+ " as content from " + chain.table() + ") t full join (select row_id, hash from ledger_seal "
				+ "where table_name = ?) s on s.row_id = t.id order by 1")
			.param(chain.table())
			.withFetchSize(2000)
			.query(rs -> {
				walk.next(rs.getLong(1), rs.getString(2), rs.getBytes(3));
			});
		return new ChainResult(chain.table(), walk.sealed, walk.unsealed, headId,
				walk.head == null ? null : HexFormat.of().formatHex(walk.head), walk.firstBreak);
	}

	private static final class Walk {

		final String table;

		final long headId;

		byte[] previous = LedgerChains.GENESIS;

		byte[] head;

		long sealed;

		long unsealed;

		Break firstBreak;

		Walk(String table, long headId) {
			this.table = table;
			this.headId = headId;
		}

		void next(long id, String content, byte[] hash) {
			if (firstBreak != null) {
				return;
			}
			if (content == null) {
				firstBreak = new Break(table, String.valueOf(id), Problem.DELETED, null);
			}
			else if (hash == null) {
				if (id < headId) {
					firstBreak = new Break(table, String.valueOf(id), Problem.INSERTED, null);
				}
				else {
					unsealed++;
				}
			}
			else {
				byte[] expected = LedgerChains.hash(previous, table, content);
				if (!Arrays.equals(expected, hash)) {
					firstBreak = new Break(table, String.valueOf(id), Problem.CHANGED, null);
				}
				previous = hash;
				head = hash;
				sealed++;
			}
		}

	}

	/** What is wrong with a row. */
	public enum Problem {

		/** its content no longer gives its seal's hash */
		CHANGED,
		/** it was sealed and is gone */
		DELETED,
		/** it has no seal although rows after it have */
		INSERTED,
		/** the seal differs from the hash published in an anchor file */
		ANCHOR_MISMATCH,
		/** a stored sum or balance differs from its ledger */
		SUM_MISMATCH

	}

	/** The first row that breaks a chain or a sum: the table, the row's id or key, and what is wrong. */
	public record Break(String table, String row, Problem problem, String detail) {
	}

	/** One chain: rows sealed and verified, rows not sealed yet, the head. */
	public record ChainResult(String table, long sealed, long unsealed, long headId, String headHash, Break firstBreak) {
	}

	/** The result of one verification; intact when nothing breaks. */
	public record Report(Instant at, List<ChainResult> chains, List<Break> breaks) {

		public boolean intact() {
			return breaks.isEmpty();
		}

		public Break firstBreak() {
			return breaks.isEmpty() ? null : breaks.get(0);
		}

	}

}

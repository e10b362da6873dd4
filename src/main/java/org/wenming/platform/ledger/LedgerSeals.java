package org.wenming.platform.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.platform.database.ClusterLock;
import org.wenming.platform.ledger.LedgerChains.Chain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains the new rows of every ledger in id order, every few seconds on one instance, so that
 * writers never wait for one another: a row is sealed only once every transaction that could still
 * commit a row with a smaller id has ended.
 *
 * <p>The seals go to {@code ledger_seal}, to which the application may only append (it has no
 * UPDATE on the ledgers themselves). A run remembers the highest id and the snapshot's xmax of
 * each ledger; at a later run, once the oldest running transaction is newer than that xmax, every
 * row up to that id is final and gets sealed.
 */
@Service
public class LedgerSeals {

	private static final Logger log = LoggerFactory.getLogger(LedgerSeals.class);

	private static final int BATCH = 2000;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ClusterLock lock;

	private final Duration interval;

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	LedgerSeals(JdbcClient jdbc, TransactionTemplate transactions, ClusterLock lock,
			@Value("${wenming.ledger.seal-interval:PT5S}") Duration interval) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.lock = lock;
		this.interval = interval;
	}

	@Scheduled(fixedDelayString = "${wenming.ledger.seal-interval:PT5S}",
			initialDelayString = "${wenming.ledger.seal-interval:PT5S}")
	void scheduled() {
		// the lease ends before the next run, so that another instance takes over when this one stops
		if (lock.tryAcquire("platform.ledger-seal", interval.multipliedBy(4).dividedBy(5))) {
			sealFinished();
		}
	}

	/** Seals the rows that have become final since the last run; the number of rows sealed. */
	public long sealFinished() {
		long sealed = 0;
		for (Chain chain : LedgerChains.all(jdbc)) {
			Observation now = observe(chain);
			Pending before = pending.put(chain.table(), new Pending(now.maxId(), now.xmax()));
			if (before != null && now.xmin() >= before.xmax()) {
				sealed += sealUpTo(chain, before.upTo());
			}
		}
		return sealed;
	}

	/**
	 * Seals every row committed before this call, waiting (up to the timeout) for the transactions
	 * still running to end; the number of rows sealed.
	 */
	public long sealNow(Duration timeout) {
		List<Chain> chains = LedgerChains.all(jdbc);
		List<Observation> observed = new ArrayList<>();
		long xmax = 0;
		for (Chain chain : chains) {
			Observation observation = observe(chain);
			observed.add(observation);
			xmax = Math.max(xmax, observation.xmax());
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		while (currentXmin() < xmax) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("等待进行中的事务结束超时");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		long sealed = 0;
		for (int i = 0; i < chains.size(); i++) {
			sealed += sealUpTo(chains.get(i), observed.get(i).maxId());
		}
		return sealed;
	}

	private Observation observe(Chain chain) {
		return jdbc.sql("select (select coalesce(max(id), 0) from " + chain.table() + "), "
				+ "pg_snapshot_xmin(pg_current_snapshot())::text::bigint, pg_snapshot_xmax(pg_current_snapshot())::text::bigint")
			.query((rs, n) -> new Observation(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	private long currentXmin() {
		return jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint").query(Long.class).single();
	}

	private long sealUpTo(Chain chain, long upTo) {
		long total = 0;
		while (true) {
			int sealed = transactions.execute(status -> sealBatch(chain, upTo));
			total += sealed;
			if (sealed < BATCH) {
				return total;
			}
		}
	}

	/** Seals the next batch of rows up to the given id in one transaction; how many. */
	private int sealBatch(Chain chain, long upTo) {
		// two sealers (an instance whose lease ran out, a request for sealing now) take turns
		jdbc.sql("select pg_advisory_xact_lock(hashtext('wenming.ledger-seal'))").query().listOfRows();
		jdbc.sql("set local timezone = 'UTC'").update();
		List<Object[]> head = jdbc.sql("select row_id, hash from ledger_seal where table_name = ? order by row_id desc limit 1")
			.param(chain.table())
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getBytes(2) })
			.list();
		long after = head.isEmpty() ? 0 : (long) head.get(0)[0];
		byte[] previous = head.isEmpty() ? LedgerChains.GENESIS : (byte[]) head.get(0)[1];
		List<Object[]> rows = jdbc.sql("select id, " + chain.content() + " from " + chain.table()
				+ " where id > ? and id <= ? order by id limit " + BATCH)
			.params(after, upTo)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.list();
		if (rows.isEmpty()) {
			return 0;
		}
		List<Object[]> seals = new ArrayList<>(rows.size());
		for (Object[] row : rows) {
			previous = LedgerChains.hash(previous, chain.table(), (String) row[1]);
			seals.add(new Object[] { chain.table(), row[0], previous });
		}
		StringBuilder sql = new StringBuilder("insert into ledger_seal (table_name, row_id, hash) values ");
		List<Object> params = new ArrayList<>(seals.size() * 3);
		for (int i = 0; i < seals.size(); i++) {
			sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
			params.add(seals.get(i)[0]);
			params.add(seals.get(i)[1]);
			params.add(seals.get(i)[2]);
		}
		jdbc.sql(sql.toString()).params(params).update();
		log.debug("Sealed {} rows of {} up to id {}", rows.size(), chain.table(), rows.get(rows.size() - 1)[0]);
		return rows.size();
	}

	private record Pending(long upTo, long xmax) {
	}

	private record Observation(long maxId, long xmin, long xmax) {
	}

}

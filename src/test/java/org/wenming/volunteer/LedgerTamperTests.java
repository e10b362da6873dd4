package org.wenming.volunteer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;
import org.wenming.WenmingApplication;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.directory.Role;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.database.OwnerDatabase;
import org.wenming.platform.ledger.LedgerAnchors;
import org.wenming.platform.ledger.LedgerSeals;
import org.wenming.platform.ledger.LedgerVerification;
import org.wenming.platform.ledger.LedgerVerification.Break;
import org.wenming.platform.ledger.LedgerVerification.Problem;
import org.wenming.platform.ledger.LedgerVerification.Report;
import org.wenming.platform.ledger.LedgerVerifyCommand;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chains of the audit log and of the hours and points ledgers, and the sums kept from them:
 * tampering as the schema's owner (who can switch the append-only triggers off) is found, and the
 * first row that breaks is named, on the page, by {@code wenming verify} and through anchors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerTamperTests {

	@Autowired
	LedgerSeals seals;

	@Autowired
	LedgerVerification verification;

	@Autowired
	LedgerAnchors anchors;

	@Autowired
	AuditLog audit;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	StoreFixture f;

	JdbcClient owner;

	long person;

	long hoursId;

	long pointsId;

	@BeforeEach
	void sealedLedgers() {
		f = StoreFixture.create(orgs, people, accounts, users, jdbc, transactions, events);
		owner = OwnerDatabase.owner(context);
		person = f.resident(f.a());
		hoursId = f.credit(person, "2");
		pointsId = awaitPointsEntry(hoursId);
		seals.sealNow(Duration.ofSeconds(30));
		Report report = verification.verify();
		assertThat(report.breaks()).as("intact before tampering").isEmpty();
	}

	@Test
	void aChangedHoursAmountIsNamedAndItsSumsNoLongerAddUp() {
		tamper("hours_entry", "update hours_entry set hours = 20 where id = " + hoursId);
		try {
			Report report = verification.verify();
			assertThat(report.intact()).isFalse();
			assertThat(report.breaks()).contains(new Break("hours_entry", String.valueOf(hoursId), Problem.CHANGED, null));
			assertThat(report.breaks()).filteredOn(b -> b.problem() == Problem.SUM_MISMATCH)
				.extracting(Break::table)
				.contains("hours_person_year", "hours_year", "hours_month");
			assertThat(chainBreak(report, "hours_entry").row()).isEqualTo(String.valueOf(hoursId));
		}
		finally {
			tamper("hours_entry", "update hours_entry set hours = 2 where id = " + hoursId);
		}
		assertThat(verification.verify().breaks()).isEmpty();
	}

	@Test
	void aDeletedPointsEntryIsNamedAndTheBalanceNoLongerAddsUp() {
		String row = owner.sql("select to_jsonb(p)::text from points_entry p where id = ?").param(pointsId)
			.query(String.class).single();
		tamper("points_entry", "delete from points_entry where id = " + pointsId);
		try {
			Report report = verification.verify();
			assertThat(chainBreak(report, "points_entry")).isEqualTo(
					new Break("points_entry", String.valueOf(pointsId), Problem.DELETED, null));
			assertThat(report.breaks()).filteredOn(b -> b.problem() == Problem.SUM_MISMATCH)
				.extracting(Break::table, Break::row)
				.contains(org.assertj.core.groups.Tuple.tuple("points_account", "person_id=" + person));
		}
		finally {
			tamper("points_entry", "insert into points_entry select * from jsonb_populate_record(null::points_entry, '"
					+ row.replace("'", "''") + "'::jsonb)");
		}
		assertThat(verification.verify().breaks()).isEmpty();
	}

	@Test
	void aForgedAuditEntryBetweenSealedOnesIsNamed() {
		// an id the sequence handed out to a transaction that rolled back: a gap below the sealed head
		long gap = transactions.execute(status -> {
			long id = jdbc.sql("insert into audit_log (actor, entity_type, action) values ('test', 'test', 'GAP') returning id")
				.query(Long.class).single();
			status.setRollbackOnly();
			return id;
		});
		audit.recordIndependently("test", null, "AFTER_GAP", "test", null, null, "");
		seals.sealNow(Duration.ofSeconds(30));
		assertThat(verification.verify().breaks()).isEmpty();

		owner.sql("insert into audit_log (id, actor, entity_type, action, summary) values (?, 'admin', 'account', "
				+ "'PASSWORD_RESET', '伪造的记录')").param(gap).update();
		try {
			assertThat(chainBreak(verification.verify(), "audit_log"))
				.isEqualTo(new Break("audit_log", String.valueOf(gap), Problem.INSERTED, null));
		}
		finally {
			tamper("audit_log", "delete from audit_log where id = " + gap);
		}
		assertThat(verification.verify().breaks()).isEmpty();
	}

	@Test
	void aChangedBalanceOrSumIsFoundAlthoughTheLedgerIsIntact() {
		owner.sql("update points_account set balance = balance + 500 where person_id = ?").param(person).update();
		owner.sql("update hours_person_year set hours = hours + 100 where person_id = ?").param(person).update();
		try {
			assertThat(verification.verify().breaks())
				.extracting(Break::table, Break::row, Break::problem)
				.contains(org.assertj.core.groups.Tuple.tuple("points_account", "person_id=" + person, Problem.SUM_MISMATCH))
				.anySatisfy(t -> assertThat(t.toList()).containsExactly("hours_person_year",
						"year=" + java.time.LocalDate.now().getYear() + " person_id=" + person, Problem.SUM_MISMATCH));
		}
		finally {
			owner.sql("update points_account set balance = balance - 500 where person_id = ?").param(person).update();
			owner.sql("update hours_person_year set hours = hours - 100 where person_id = ?").param(person).update();
		}
	}

	@Test
	void anchorsGoToTheAuditLogAndAFileAndARewrittenSealNoLongerMatchesThem() throws Exception {
		List<LedgerAnchors.Anchor> published = anchors.publish("test");
		assertThat(published).extracting(LedgerAnchors.Anchor::table).contains("audit_log", "hours_entry", "points_entry");
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'LEDGER_ANCHOR' and summary like '%hours_entry#%'")
			.query(Long.class).single()).isPositive();
		Path file;
		try (var files = Files.list(anchors.directory())) {
			file = files.filter(p -> p.getFileName().toString().startsWith("ledger-anchor-")).findFirst().orElseThrow();
		}
		String before = Files.readString(file);
		assertThat(before).contains(" hours_entry ");
		LedgerAnchors.Anchor hours = published.stream().filter(a -> a.table().equals("hours_entry")).findFirst().orElseThrow();
		String forged = java.util.HexFormat.of().formatHex(new byte[32]);
		Files.writeString(file, before + "2000-01-01T00:00:00Z hours_entry " + hours.rowId() + " " + forged + "\n");
		try {
			assertThat(verification.verify().breaks()).contains(new Break("hours_entry", String.valueOf(hours.rowId()),
					Problem.ANCHOR_MISMATCH, file.getFileName().toString()));
		}
		finally {
			Files.writeString(file, before);
		}
	}

	@Test
	void commandLineVerifyNamesTheFirstBrokenRowAndExitsWithOne() {
		tamper("hours_entry", "update hours_entry set hours = 21 where id = " + hoursId);
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int code = LedgerVerifyCommand.run(WenmingApplication.class, new String[] { "verify" },
					new PrintStream(out, true, StandardCharsets.UTF_8));
			String printed = out.toString(StandardCharsets.UTF_8);
			System.out.println(printed);
			assertThat(code).isEqualTo(1);
			assertThat(printed).contains("账本被篡改").contains("表 hours_entry，第一处断裂：" + hoursId + "（内容被修改）");
		}
		finally {
			tamper("hours_entry", "update hours_entry set hours = 2 where id = " + hoursId);
		}
	}

	@Test
	void theOfficeAdminSeesTheVerificationPageAndAUnitAdminDoesNot() {
		String officeAdmin = "ledger-office-" + UUID.randomUUID().toString().substring(0, 8);
		DataScopes.asSystem(() -> accounts.create(people.create(StoreFixture.resident("文明办管理员", f.a().id())),
				officeAdmin, StoreFixture.PASSWORD, List.of(new Accounts.Grant(Role.OFFICE_ADMIN, f.city().id()))));
		Http admin = Http.browser(port);
		admin.login(officeAdmin, StoreFixture.PASSWORD);
		Response page = admin.get("/ledger-integrity", null);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body()).contains("账本校验").contains("id=\"ledger-intact\"")
			.contains("志愿服务时长记录")
			.contains("积分记录")
			.doesNotContain("hours_entry")
			.doesNotContain("points_entry");

		tamper("hours_entry", "update hours_entry set hours = 22 where id = " + hoursId);
		try {
			Response broken = admin.get("/ledger-integrity", null);
			assertThat(broken.body()).contains("id=\"ledger-broken\"")
				.contains("志愿服务时长记录，第一处断裂：第 " + hoursId + " 条（内容被修改）")
				.doesNotContain("hours_entry");
		}
		finally {
			tamper("hours_entry", "update hours_entry set hours = 2 where id = " + hoursId);
		}

		Http unit = Http.browser(port);
		unit.login(f.unitA(), StoreFixture.PASSWORD);
		assertThat(unit.get("/ledger-integrity", null).status()).isEqualTo(403);
	}

	@Test
	void sealingKeepsUpWithManyWritersAndReportsItsThroughput() throws Exception {
		int rows = 20_000;
		int writers = 8;
		Thread[] threads = new Thread[writers];
		for (int w = 0; w < writers; w++) {
			int writer = w;
			threads[w] = new Thread(() -> jdbc.sql("""
					insert into audit_log (actor, entity_type, action, summary)
					select 'bench', 'bench', 'BENCH', 'writer ' || ? || ' row ' || g from generate_series(1, ?) g""")
				.params(writer, rows / writers)
				.update());
			threads[w].start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long start = System.nanoTime();
		long sealed = seals.sealNow(Duration.ofSeconds(60));
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("[ledger-seal] %d rows written by %d writers; sealed %d rows in %.2f s: %.0f rows/s%n", rows,
				writers, sealed, seconds, sealed / seconds);
		assertThat(jdbc.sql("""
				select count(*) from audit_log a where action = 'BENCH'
				and not exists (select 1 from ledger_seal s where s.table_name = 'audit_log' and s.row_id = a.id)""")
			.query(Long.class).single()).as("every committed row sealed").isZero();
		long verifyStart = System.nanoTime();
		assertThat(verification.verify().breaks()).isEmpty();
		System.out.printf("[ledger-verify] verified every chain and sum in %.2f s%n", (System.nanoTime() - verifyStart) / 1e9);
	}

	/** Changes a ledger as its owner can: with the append-only triggers off. */
	private void tamper(String table, String sql) {
		owner.sql("alter table " + table + " disable trigger user").update();
		try {
			owner.sql(sql).update();
		}
		finally {
			owner.sql("alter table " + table + " enable trigger user").update();
		}
	}

	private static Break chainBreak(Report report, String table) {
		return report.chains().stream().filter(c -> c.table().equals(table)).findFirst().orElseThrow().firstBreak();
	}

	private long awaitPointsEntry(long hoursEntryId) {
		for (int i = 0; i < 200; i++) {
			List<Long> ids = jdbc.sql("select id from points_entry where hours_entry_id = ?").param(hoursEntryId)
				.query(Long.class).list();
			if (!ids.isEmpty()) {
				return ids.get(0);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("no points for hours entry " + hoursEntryId);
	}

}

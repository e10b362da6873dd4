package org.wenming;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo city 示范市 of the {@code demo} profile, as tests see it in the database that every test
 * class of the JVM shares: makes sure it is there, and finds its orgs and people by name.
 */
public final class DemoCity {

	public static final String PASSWORD = "Demo@2026";

	/** The demo accounts, in the order the authorization matrix lists them. */
	public static final String[] ACCOUNTS = { "admin", "unit", "inspector", "leader", "volunteer", "resident" };

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

	private final JdbcClient jdbc;

	private DemoCity(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The demo city of the context's database, seeded now if the account {@code admin} does not yet
	 * hold its role at 示范市 (the seeding normally ran when the context started).
	 */
	public static DemoCity ensure(ApplicationContext context) {
		JdbcClient jdbc = context.getBean(JdbcClient.class);
		if (!adminHoldsDemoRole(jdbc)) {
			try {
				context.getBean("demoData", ApplicationRunner.class).run(new DefaultApplicationArguments());
			}
			catch (Exception ex) {
				throw new IllegalStateException("demo data could not be seeded", ex);
			}
		}
		if (!adminHoldsDemoRole(jdbc)) {
			throw new IllegalStateException("no demo city: is the profile 'demo' active?");
		}
		return new DemoCity(jdbc);
	}

	private static boolean adminHoldsDemoRole(JdbcClient jdbc) {
		return jdbc.sql("""
				select count(*) from account a join role_assignment r on r.account_id = a.id join org o on o.id = r.org_id
				where a.username = 'admin' and r.role = 'OFFICE_ADMIN' and o.name = '示范市' and o.parent_id is null
				and o.closed_at is null""").query(Long.class).single() > 0;
	}

	/** The id of the org of 示范市 (or 示范市 itself) with that name. */
	public long org(String name) {
		return jdbc.sql("""
				select o.id from org o join org city on o.path like city.path || '%'
				where city.name = '示范市' and city.parent_id is null and city.closed_at is null and o.name = ?
				order by o.id limit 1""").param(name).query(Long.class).single();
	}

	/** A demo resident living in the named community or village (one without an account). */
	public long residentOf(String community) {
		return jdbc.sql("""
				select p.id from person p where p.home_org_id = ? and p.work_org_id is null
				and not exists (select 1 from account a where a.person_id = p.id) order by p.id limit 1""")
			.param(org(community))
			.query(Long.class)
			.single();
	}

	/** The id of a demo account. */
	public long account(String username) {
		return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

	/** A name no other test has used, for orgs, people and accounts a test creates. */
	public static String unique(String prefix) {
		return prefix + Long.toString(SEQUENCE.incrementAndGet(), 36) + Integer.toString(ThreadLocalRandom.current().nextInt(1296), 36);
	}

	/** A valid resident ID number (GB 11643) that no other test of the JVM uses. */
	public static String newIdNumber() {
		return TestIdNumbers.next();
	}

	/**
	 * Creates, through the API as the given admin, a new person living in {@code homeOrgId} and an
	 * account for them holding {@code role} over {@code roleOrgId}; the account's user name.
	 */
	public static String newAccount(Http api, String adminToken, long homeOrgId, String usernamePrefix,
			String password, String role, long roleOrgId) {
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("name", unique("住户"));
		person.put("idNumber", newIdNumber());
		person.put("homeOrgId", homeOrgId);
		Http.Response created = api.post("/api/v1/people", adminToken, Http.json(person));
		if (created.status() != 201) {
			throw new IllegalStateException("person not created: " + created);
		}
		String username = unique(usernamePrefix);
		Http.Response account = api.post("/api/v1/accounts", adminToken,
				Http.json(Map.of("personId", created.json().get("id").asLong(), "username", username, "password",
						password, "roles", List.of(Map.of("role", role, "orgId", roleOrgId)))));
		if (account.status() != 201) {
			throw new IllegalStateException("account not created: " + account);
		}
		return username;
	}

	/** A valid mainland mobile number, random. */
	public static String newPhone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

}

package org.wenming.directory;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenming.DemoCity;
import org.wenming.Http;
import org.wenming.WenmingApplication;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo city arrives in a database that already has orgs and the first start's admin (a
 * cluster of its own in a temporary data dir), once, and leaves that admin alone.
 */
class DemoDataTests {

	@TempDir
	Path dataDir;

	@Test
	void demoCityIsSeededBesideExistingOrgsAndNeverTakesOverTheFirstStartsAdmin() throws Exception {
		String firstHash;
		try (ConfigurableApplicationContext firstStart = start("--wenming.initial-admin=true")) {
			JdbcClient jdbc = firstStart.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from account where username = 'admin'").query(Long.class).single())
				.isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from org where name = '示范市'").query(Long.class).single()).isZero();
			firstHash = jdbc.sql("select password_hash from account where username = 'admin'").query(String.class).single();
		}

		try (ConfigurableApplicationContext demo = start("--spring.profiles.active=demo")) {
			JdbcClient jdbc = demo.getBean(JdbcClient.class);
			long people = jdbc.sql("select count(*) from person").query(Long.class).single();
			int port = Integer.parseInt(demo.getEnvironment().getProperty("local.server.port"));
			Http http = Http.api(port);
			long city = jdbc.sql("select id from org where name = '示范市' and parent_id is null").query(Long.class).single();

			// The attack: start the demo profile against a database it did not create, then sign in
			// as admin with the published demo password.
			Http.Response takeover = http.post("/api/v1/auth/token", null,
					Http.json(java.util.Map.of("username", "admin", "password", DemoCity.PASSWORD)));
			assertThat(takeover.status()).as(takeover.toString()).isEqualTo(401);
			assertThat(jdbc.sql("select password_hash from account where username = 'admin'").query(String.class).single())
				.isEqualTo(firstHash);
			assertThat(jdbc.sql("""
					select count(*) from role_assignment r join account a on a.id = r.account_id
					where a.username = 'admin' and r.org_id = ?""").param(city).query(Long.class).single())
				.as("no demo role for the existing admin").isZero();

			assertThat(jdbc.sql("select count(*) from org where parent_id is null").query(Long.class).single())
				.as("the first start's root org and 示范市").isEqualTo(2);
			assertThat(jdbc.sql("select count(*) from account where username = 'admin'").query(Long.class).single())
				.isEqualTo(1);
			for (String account : DemoCity.ACCOUNTS) {
				if (!account.equals("admin")) {
					assertThat(http.token(account, DemoCity.PASSWORD)).isNotBlank();
				}
			}
			assertThat(jdbc.sql("select count(*) from person p join org o on o.id = p.home_org_id where o.path like ?")
				.param("/" + city + "/%")
				.query(Long.class)
				.single()).isEqualTo(2000);

			demo.getBean("demoData", ApplicationRunner.class).run(new DefaultApplicationArguments());

			assertThat(jdbc.sql("select count(*) from org where name = '示范市'").query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(people);
		}
	}

	private ConfigurableApplicationContext start(String... more) {
		String[] args = { "--wenming.ephemeral-database=false", "--wenming.data-dir=" + dataDir, "--server.port=0" };
		String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return new SpringApplicationBuilder(WenmingApplication.class).run(all);
	}

}

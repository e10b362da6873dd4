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
 * cluster of its own in a temporary data dir), once.
 */
class DemoDataTests {

	@TempDir
	Path dataDir;

	@Test
	void demoCityIsSeededBesideExistingOrgsAndTakesOverTheFirstStartsAdminOnce() throws Exception {
		try (ConfigurableApplicationContext firstStart = start()) {
			JdbcClient jdbc = firstStart.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from account where username = 'admin'").query(Long.class).single())
				.isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from org where name = '示范市'").query(Long.class).single()).isZero();
		}

		try (ConfigurableApplicationContext demo = start("--spring.profiles.active=demo")) {
			JdbcClient jdbc = demo.getBean(JdbcClient.class);
			DemoCity city = DemoCity.ensure(demo);
			long people = jdbc.sql("select count(*) from person").query(Long.class).single();
			int port = Integer.parseInt(demo.getEnvironment().getProperty("local.server.port"));
			Http http = Http.api(port);

			String admin = http.token("admin", DemoCity.PASSWORD);

			assertThat(jdbc.sql("select count(*) from org where parent_id is null").query(Long.class).single())
				.as("the first start's root org and 示范市").isEqualTo(2);
			assertThat(jdbc.sql("select count(*) from account where username = 'admin'").query(Long.class).single())
				.isEqualTo(1);
			assertThat(http.get("/api/v1/orgs/" + city.org("示范市"), admin).status()).isEqualTo(200);
			for (String account : DemoCity.ACCOUNTS) {
				assertThat(http.token(account, DemoCity.PASSWORD)).isNotBlank();
			}
			assertThat(jdbc.sql("select count(*) from person p join org o on o.id = p.home_org_id where o.path like ?")
				.param("/" + city.org("示范市") + "/%")
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

package org.wenming.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenming.WenmingApplication;
import org.wenming.platform.crypto.PersonalDataCipher;
import org.wenming.platform.database.OwnerDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The application's own PostgreSQL: in persistent mode a cluster under the data dir that is
 * created once, stopped with the application and found again, data and personal-data key
 * included; with {@code spring.datasource.url} no cluster of its own at all.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void persistentClusterAndKeyAreCreatedInTheDataDirAndReusedAfterARestart() throws IOException {
		String marker = "持久化标记" + UUID.randomUUID();
		byte[] sealed;
		String key;
		int firstPort;
		try (ConfigurableApplicationContext first = startPersistent()) {
			Path keyFile = dataDir.resolve("secret.key");
			assertThat(dataDir.resolve("pg/PG_VERSION")).exists().content().startsWith("17");
			assertThat(keyFile).exists();
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
			key = Files.readString(keyFile);
			Path secret = dataDir.resolve("database.secret");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
			assertThat(Files.readString(secret)).contains("wenming_app=").contains("wenming_owner=").contains("postgres=");
			assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).doesNotContain("trust")
				.contains("127.0.0.1/32 scram-sha-256");
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			assertThat(jdbc.sql("show fsync").query(String.class).single()).as("kept data reaches the disk").isEqualTo("on");
			assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
			long id = jdbc.sql("select nextval('org_id_seq')").query(Long.class).single();
			jdbc.sql("insert into org (id, name, type, path, depth) values (?, ?, 'CITY', ?, 0)")
				.params(id, marker, "/" + id + "/")
				.update();
			sealed = first.getBean(PersonalDataCipher.class).encrypt("test.marker", "标记😀");
			firstPort = databasePort(first);
			assertThat(accepts(firstPort)).isTrue();
		}

		assertThat(accepts(firstPort)).as("PostgreSQL stopped with the application").isFalse();

		try (ConfigurableApplicationContext second = startPersistent()) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select count(*) from org where name = ?").param(marker).query(Long.class).single())
				.isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from account where username = 'admin'").query(Long.class).single())
				.as("the first start's admin, created once").isEqualTo(1);
			assertThat(Files.readString(dataDir.resolve("secret.key"))).isEqualTo(key);
			assertThat(second.getBean(PersonalDataCipher.class).decrypt("test.marker", sealed)).isEqualTo("标记😀");
			int secondPort = databasePort(second);
			assertThat(accepts(secondPort)).isTrue();
			second.close();
			assertThat(accepts(secondPort)).isFalse();
		}
	}

	@Test
	void configuredDatasourceUrlIsUsedInsteadOfAClusterOfItsOwn() {
		String marker = "datasource-url-" + UUID.randomUUID();
		// The JVM's shared throw-away cluster (test configuration) plays the external server.
		try (ConfigurableApplicationContext embedded = new SpringApplicationBuilder(WenmingApplication.class)
			.run("--server.port=0")) {
			String url = ((HikariDataSource) embedded.getBean(DataSource.class)).getJdbcUrl();
			embedded.getBean(JdbcClient.class)
				.sql("insert into job_lock (name, locked_until, locked_by) values (?, now(), 'EmbeddedDatabaseTests')")
				.param(marker)
				.update();

			try (ConfigurableApplicationContext external = new SpringApplicationBuilder(WenmingApplication.class)
				.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=wenming_app",
						"--spring.datasource.password=" + OwnerDatabase.appPassword(embedded),
						"--spring.flyway.user=wenming_owner",
						"--spring.flyway.password=" + OwnerDatabase.ownerPassword(embedded))) {
				assertThat(external.containsBean("embeddedCluster")).isFalse();
				assertThat(((HikariDataSource) external.getBean(DataSource.class)).getJdbcUrl()).isEqualTo(url);
				assertThat(external.getBean(JdbcClient.class).sql("select current_user").query(String.class).single())
					.isEqualTo("wenming_app");
				assertThat(external.getBean(JdbcClient.class)
					.sql("select count(*) from job_lock where name = ?")
					.param(marker)
					.query(Long.class)
					.single()).isEqualTo(1);
			}
			assertThat(accepts(URI.create(url.substring(5)).getPort()))
				.as("the external server outlives the application using it").isTrue();
		}
	}

	@Test
	void aClusterOfAnEarlierVersionThatTrustedEveryoneIsUpgradedOnStart() throws Exception {
		// what earlier versions left: trust for every local user, the schema's tables owned by postgres
		try (EmbeddedPostgres old = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("pg"))
			.setCleanDataDirectory(false)
			.setLocaleConfig("locale", "C")
			.start()) {
			try (Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create database wenming encoding 'UTF8' template template0");
			}
			// the first migrations, run as the superuser as earlier versions did
			Flyway.configure()
				.dataSource(old.getDatabase("postgres", "wenming"))
				.locations("classpath:db/migration/platform")
				.target("1.3")
				.load()
				.migrate();
		}
		assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).contains("trust");

		try (ConfigurableApplicationContext upgraded = startPersistent()) {
			JdbcClient jdbc = upgraded.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("wenming_app");
			assertThat(jdbc.sql("select distinct tableowner from pg_tables where schemaname = 'public'").query(String.class).list())
				.containsExactly("wenming_owner");
			jdbc.sql("insert into audit_log (actor, entity_type, action) values ('test', 'test', 'UPGRADED')").update();
			assertThatExceptionOfType(DataAccessException.class)
				.isThrownBy(() -> jdbc.sql("update audit_log set summary = 'x' where action = 'UPGRADED'").update())
				.havingRootCause().withMessageContaining("permission denied");
			assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).doesNotContain("trust");
			int port = databasePort(upgraded);
			assertThatExceptionOfType(SQLException.class).as("no password, no connection")
				.isThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/wenming", "postgres", ""));
		}
	}

	private ConfigurableApplicationContext startPersistent() {
		// Command-line arguments: they override the test configuration's ephemeral database.
		return new SpringApplicationBuilder(WenmingApplication.class).run("--wenming.ephemeral-database=false",
				"--wenming.data-dir=" + dataDir, "--server.port=0", "--wenming.initial-admin=true");
	}

	private static int databasePort(ConfigurableApplicationContext context) {
		String url = ((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl();
		return URI.create(url.substring("jdbc:".length())).getPort();
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}

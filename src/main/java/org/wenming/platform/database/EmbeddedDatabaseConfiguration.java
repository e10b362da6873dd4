package org.wenming.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.platform.WenmingProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts wenming's own PostgreSQL when no {@code spring.datasource.url} is configured.
 *
 * <p>The cluster lives under {@code <data-dir>/pg} and is reused on the next start. With
 * {@code wenming.ephemeral-database} the cluster is a throw-away one in a temporary directory,
 * started once per JVM and shared by every application context (the tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

	static final String DATABASE = "wenming";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	private static final ConcurrentMap<Path, EmbeddedPostgres> SHARED = new ConcurrentHashMap<>();

	@Bean
	EmbeddedCluster embeddedCluster(WenmingProperties properties) {
		if (properties.ephemeralDatabase()) {
			Path key = Path.of("<ephemeral>");
			return new EmbeddedCluster(SHARED.computeIfAbsent(key, k -> start(null)), false);
		}
		Path dir = properties.dataDir().resolve("pg").toAbsolutePath().normalize();
		return new EmbeddedCluster(start(dir), true);
	}

	/** The pool holds {@code spring.datasource.hikari.maximum-pool-size} connections, 10 unless set. */
	@Bean
	DataSource dataSource(EmbeddedCluster cluster,
			@Value("${spring.datasource.hikari.maximum-pool-size:10}") int maximumPoolSize) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(cluster.postgres().getJdbcUrl("postgres", DATABASE));
		config.setUsername("postgres");
		config.setMaximumPoolSize(maximumPoolSize);
		config.setPoolName("wenming-embedded");
		// JDBC batches (imports) go out as multi-row INSERTs: several times faster on PostgreSQL.
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		return new HikariDataSource(config);
	}

	private static EmbeddedPostgres start(Path dataDir) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPort(freePort())
				.setServerConfig("max_connections", "200")
				.setLocaleConfig("locale", "C");
			if (dataDir != null) {
				Files.createDirectories(dataDir);
				// Data that is kept must survive a crash: every commit reaches the disk. (The library's
				// defaults, for throw-away test clusters, turn both off.)
				builder.setDataDirectory(dataDir)
					.setCleanDataDirectory(false)
					.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on")
					.setServerConfig("full_page_writes", "on");
			}
			EmbeddedPostgres postgres = builder.start();
			createDatabase(postgres);
			log.info("Embedded PostgreSQL listening on port {}{}", postgres.getPort(),
					dataDir == null ? " (temporary)" : " with data in " + dataDir);
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("内置数据库启动失败", ex);
		}
	}

	private static void createDatabase(EmbeddedPostgres postgres) throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	/**
	 * The running cluster; closing stops it unless it is shared by the JVM.
	 */
	record EmbeddedCluster(EmbeddedPostgres postgres, boolean owned) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			if (owned) {
				postgres.close();
			}
		}

	}

}

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
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.platform.WenmingProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Starts wenming's own PostgreSQL when no {@code spring.datasource.url} is configured.
 *
 * <p>The cluster lives under {@code <data-dir>/pg} and is reused on the next start. With
 * {@code wenming.ephemeral-database} the cluster is a throw-away one in a temporary directory,
 * started once per JVM and shared by every application context (the tests).
 *
 * <p>The pool's connections run {@code spring.datasource.hikari.connection-init-sql}, which sets the
 * session's TimeZone to {@code wenming.zone}.
 *
 * <p>Either way the cluster listens on 127.0.0.1 only and asks every role for its scram-sha-256
 * password (kept in {@code <data-dir>/database.secret}, mode 600). Flyway migrates as the owner
 * role {@value DatabaseRoles#OWNER}; the application's pool logs in as {@value DatabaseRoles#APP},
 * which owns nothing and is granted what it needs by {@link AppRoleGrants}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", havingValue = "embedded", matchIfMissing = true)
class EmbeddedDatabaseConfiguration {

	static final String DATABASE = "wenming";

	/** The first line of the pg_hba.conf this class writes once the roles have their passwords. */
	static final String HBA_MARKER = "# wenming: scram-sha-256 passwords, loopback only";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	private static final ConcurrentMap<Path, EmbeddedCluster> SHARED = new ConcurrentHashMap<>();

	@Bean
	EmbeddedCluster embeddedCluster(WenmingProperties properties) {
		if (properties.ephemeralDatabase()) {
			Path key = Path.of("<ephemeral>");
			EmbeddedCluster shared = SHARED.computeIfAbsent(key,
					k -> start(null, DatabaseRoles.generate()));
			return new EmbeddedCluster(shared.postgres(), shared.roles(), false);
		}
		Path dir = properties.dataDir().resolve("pg").toAbsolutePath().normalize();
		DatabaseRoles roles = DatabaseRoles.inFile(properties.dataDir().resolve("database.secret"));
		return start(dir, roles);
	}

	/** The pool holds {@code spring.datasource.hikari.maximum-pool-size} connections, 10 unless set. */
	@Bean
	@Primary
	DataSource dataSource(EmbeddedCluster cluster,
			@Value("${spring.datasource.hikari.maximum-pool-size:10}") int maximumPoolSize,
			@Value("${spring.datasource.hikari.connection-init-sql:}") String connectionInitSql) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(cluster.jdbcUrl(DATABASE));
		config.setUsername(DatabaseRoles.APP);
		config.setPassword(cluster.roles().app());
		config.setMaximumPoolSize(maximumPoolSize);
		config.setPoolName("wenming-embedded");
		// JDBC batches (imports) go out as multi-row INSERTs: several times faster on PostgreSQL.
		config.addDataSourceProperty("reWriteBatchedInserts", "true");
		// The session's TimeZone is wenming.zone (application.yml), not the JVM's: SQL that turns a
		// timestamptz into a day, month or year (::date, date_trunc, extract, current_date) counts
		// Beijing days wherever the server runs.
		if (!connectionInitSql.isBlank()) {
			config.setConnectionInitSql(connectionInitSql);
		}
		return new HikariDataSource(config);
	}

	/** Flyway's connection: the owner of the schema, used for migrations only. */
	@Bean(defaultCandidate = false)
	@FlywayDataSource
	DataSource ownerDataSource(EmbeddedCluster cluster) {
		return cluster.dataSource(DatabaseRoles.OWNER, cluster.roles().owner(), DATABASE);
	}

	private static EmbeddedCluster start(Path dataDir, DatabaseRoles roles) {
		try {
			boolean[] ready = new boolean[1];
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPort(freePort())
				.setServerConfig("max_connections", "200")
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setServerConfig("password_encryption", "scram-sha-256")
				.setLocaleConfig("locale", "C")
				// the library connects as postgres to see that the server is up
				.setConnectConfig("password", roles.superuser())
				.setDataDirectoryCustomizer(dir -> ready[0] = writeHba(dir.toPath()));
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
			EmbeddedCluster cluster = new EmbeddedCluster(postgres, roles, true);
			prepare(cluster, !ready[0]);
			log.info("Embedded PostgreSQL listening on port {}{}", postgres.getPort(),
					dataDir == null ? " (temporary)" : " with data in " + dataDir);
			return cluster;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("内置数据库启动失败", ex);
		}
	}

	/**
	 * Writes the pg_hba.conf for this start and says whether the roles already have their passwords.
	 * A new cluster, or one of an earlier version that trusted every local user, starts once with
	 * only the superuser trusted on 127.0.0.1, until {@link #prepare} has set the passwords.
	 */
	private static boolean writeHba(Path dir) {
		try {
			Path hba = dir.resolve("pg_hba.conf");
			boolean ready = Files.exists(hba) && Files.readString(hba).startsWith(HBA_MARKER);
			if (!ready) {
				Files.writeString(hba, "# wenming: first start, until the roles have passwords\n"
						+ "host all postgres 127.0.0.1/32 trust\n");
			}
			return ready;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Gives the superuser, the owner and the application role their passwords, creates the database
	 * owned by the owner (handing it what an earlier version created as the superuser), and then
	 * requires scram-sha-256 passwords from everybody.
	 */
	private static void prepare(EmbeddedCluster cluster, boolean bootstrap) throws IOException {
		DatabaseRoles roles = cluster.roles();
		try (Connection connection = cluster.dataSource("postgres", bootstrap ? null : roles.superuser(), "postgres")
			.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("alter role postgres password " + literal(roles.superuser()));
			createRole(statement, DatabaseRoles.OWNER, roles.owner());
			createRole(statement, DatabaseRoles.APP, roles.app());
			boolean exists;
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				exists = rs.next();
			}
			if (!exists) {
				statement.execute("create database " + DATABASE + " owner " + DatabaseRoles.OWNER
						+ " encoding 'UTF8' template template0");
			}
			statement.execute("alter database " + DATABASE + " owner to " + DatabaseRoles.OWNER);
			statement.execute("revoke all on database " + DATABASE + " from public");
			statement.execute("grant connect on database " + DATABASE + " to " + DatabaseRoles.APP);
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
		try (Connection connection = cluster.dataSource("postgres", bootstrap ? null : roles.superuser(), DATABASE)
			.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(HAND_OVER_TO_OWNER);
			if (bootstrap) {
				Path dataDirectory;
				try (ResultSet rs = statement.executeQuery("show data_directory")) {
					rs.next();
					dataDirectory = Path.of(rs.getString(1));
				}
				Files.writeString(dataDirectory.resolve("pg_hba.conf"), HBA_MARKER + "\n"
						+ "host all all 127.0.0.1/32 scram-sha-256\n" + "host all all ::1/128 scram-sha-256\n");
				statement.execute("select pg_reload_conf()");
			}
		}
		catch (SQLException ex) {
			throw new IOException(ex);
		}
	}

	private static void createRole(Statement statement, String role, String password) throws SQLException {
		boolean exists;
		try (ResultSet rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
			exists = rs.next();
		}
		statement.execute((exists ? "alter" : "create") + " role " + role
				+ " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit password "
				+ literal(password));
	}

	/**
	 * What an earlier version created as the superuser goes to the owner role (objects of extensions
	 * stay with theirs); nobody else may create anything in the schema.
	 */
	private static final String HAND_OVER_TO_OWNER = """
			do $$
			declare
			    r record;
			begin
			    execute 'alter schema public owner to %1$s';
			    revoke create on schema public from public;
			    for r in select c.oid::regclass as name, c.relkind from pg_class c
			             where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
			               and c.relowner <> '%1$s'::regrole
			               and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e') loop
			        execute format('alter %%s %%s owner to %1$s',
			            case r.relkind when 'v' then 'view' when 'm' then 'materialized view'
			                           when 'f' then 'foreign table' else 'table' end, r.name);
			    end loop;
			    for r in select c.oid::regclass as name from pg_class c
			             where c.relnamespace = 'public'::regnamespace and c.relkind = 'S'
			               and c.relowner <> '%1$s'::regrole
			               and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e') loop
			        execute format('alter sequence %%s owner to %1$s', r.name);
			    end loop;
			    for r in select p.oid::regprocedure as name, p.prokind from pg_proc p
			             where p.pronamespace = 'public'::regnamespace and p.proowner <> '%1$s'::regrole
			               and not exists (select 1 from pg_depend d where d.objid = p.oid and d.deptype = 'e') loop
			        execute format('alter %%s %%s owner to %1$s',
			            case r.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end, r.name);
			    end loop;
			end $$""".formatted(DatabaseRoles.OWNER);

	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

	/**
	 * The running cluster and its roles' passwords; closing stops it unless it is shared by the JVM.
	 */
	record EmbeddedCluster(EmbeddedPostgres postgres, DatabaseRoles roles, boolean owned) implements AutoCloseable {

		String jdbcUrl(String database) {
			return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
		}

		/** Unpooled connections as the given role. */
		DataSource dataSource(String user, String password, String database) {
			PGSimpleDataSource ds = new PGSimpleDataSource();
			ds.setUrl(jdbcUrl(database));
			ds.setUser(user);
			if (password != null) {
				ds.setPassword(password);
			}
			return ds;
		}

		@Override
		public void close() throws IOException {
			if (owned) {
				postgres.close();
			}
		}

	}

}

package org.wenming.platform.database;

import javax.sql.DataSource;

import org.wenming.platform.database.EmbeddedDatabaseConfiguration.EmbeddedCluster;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test-only: connections to the embedded cluster as the schema's owner and as the superuser, for
 * tests that tamper with data the application itself may not touch.
 */
public final class OwnerDatabase {

	private OwnerDatabase() {
	}

	/** The owner of the schema ({@code wenming_owner}): may disable triggers, may not be superuser. */
	public static JdbcClient owner(ApplicationContext context) {
		return JdbcClient.create(ownerDataSource(context));
	}

	public static DataSource ownerDataSource(ApplicationContext context) {
		EmbeddedCluster cluster = context.getBean(EmbeddedCluster.class);
		return cluster.dataSource(DatabaseRoles.OWNER, cluster.roles().owner(), EmbeddedDatabaseConfiguration.DATABASE);
	}

	/** The superuser {@code postgres}, with its password. */
	public static JdbcClient superuser(ApplicationContext context) {
		EmbeddedCluster cluster = context.getBean(EmbeddedCluster.class);
		return JdbcClient.create(
				cluster.dataSource("postgres", cluster.roles().superuser(), EmbeddedDatabaseConfiguration.DATABASE));
	}

	/** A data source for the given role and password, to show what the server refuses. */
	public static DataSource as(ApplicationContext context, String user, String password) {
		return context.getBean(EmbeddedCluster.class).dataSource(user, password, EmbeddedDatabaseConfiguration.DATABASE);
	}

	public static int port(ApplicationContext context) {
		return context.getBean(EmbeddedCluster.class).postgres().getPort();
	}

	public static String appPassword(ApplicationContext context) {
		return context.getBean(EmbeddedCluster.class).roles().app();
	}

	public static String ownerPassword(ApplicationContext context) {
		return context.getBean(EmbeddedCluster.class).roles().owner();
	}

}

package org.wenming.platform;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.sql.Connection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.wenming.platform.database.OwnerDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's connection is a role that owns nothing and may not switch the append-only
 * triggers off, change a ledger or a sum kept from it, or create anything; the cluster asks every
 * role for its password and listens on the loopback address only.
 */
@SpringBootTest
class LeastPrivilegeDatabaseTests {

	/** What a bug or a stolen connection would try; every one must be refused. */
	static final List<String> ATTACKS = List.of(
			"set session_replication_role = replica",
			"alter table hours_entry disable trigger all",
			"alter table audit_log disable trigger user",
			"alter table points_entry disable trigger points_entry_no_update",
			"update audit_log set summary = 'changed' where id = (select max(id) from audit_log)",
			"delete from audit_log where id = (select max(id) from audit_log)",
			"truncate audit_log",
			"update hours_entry set hours = hours + 1 where id = (select max(id) from hours_entry)",
			"delete from hours_entry where id = (select max(id) from hours_entry)",
			"truncate hours_entry",
			"update points_entry set delta = delta + 100 where id = (select max(id) from points_entry)",
			"delete from points_entry where id = (select max(id) from points_entry)",
			"truncate points_entry",
			"update points_account set balance = balance + 1000",
			"insert into points_account (person_id, balance) values (-1, 1000)",
			"delete from points_account",
			"update hours_person_year set hours = hours + 100",
			"update hours_year set hours = hours + 100",
			"update hours_month set hours = hours + 100",
			"insert into hours_person_year (year, person_id, hours) values (1999, -1, 1)",
			"update volunteer_certificate set total_hours = 1000",
			"delete from volunteer_certificate",
			"update ledger_seal set hash = '\\x00'",
			"delete from ledger_seal",
			"insert into ledger_chain (table_name, columns) values ('x', 'id')",
			"delete from db_table_access",
			"select * from flyway_schema_history",
			"create table x ()",
			"create temp table y ()",
			"create function f() returns int language sql as 'select 1'",
			"alter function points_account_lock(bigint) security invoker",
			"alter table hours_entry owner to wenming_app",
			"set role wenming_owner",
			"alter role wenming_app superuser",
			"create role intruder login superuser",
			"drop table job_lock",
			"copy audit_log to program 'id'");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void poolUserIsNotASuperuserAndOwnsNothing() {
		Map<String, Object> me = jdbc.sql("""
				select current_user as name, rolsuper, rolcreatedb, rolcreaterole, rolbypassrls
				from pg_roles where rolname = current_user""").query().singleRow();
		assertThat(me).containsEntry("name", "wenming_app")
			.containsEntry("rolsuper", false)
			.containsEntry("rolcreatedb", false)
			.containsEntry("rolcreaterole", false)
			.containsEntry("rolbypassrls", false);
		assertThat(jdbc.sql("select count(*) from pg_class where relowner = current_user::regrole").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from pg_auth_members where member = current_user::regrole")
			.query(Long.class)
			.single()).as("member of no other role").isZero();
	}

	@Test
	void everyAttackThroughTheApplicationsConnectionIsRefused() {
		for (String attack : ATTACKS) {
			assertThatExceptionOfType(DataAccessException.class).as(attack)
				.isThrownBy(() -> jdbc.sql(attack).query().listOfRows())
				.satisfies(ex -> assertThat(ex.getMostSpecificCause().getMessage()).as(attack)
					.containsAnyOf("permission denied", "must be owner", "must be superuser"));
		}
		System.out.println("[least-privilege] attacks refused: " + ATTACKS.size());
	}

	@Test
	void aGrantOfALaterMigrationCannotGiveTheApplicationUpdateOnALedger() {
		JdbcClient owner = OwnerDatabase.owner(context);
		owner.sql("grant all on hours_entry, points_account, audit_log to wenming_app").update();
		owner.sql("create table later_migration_table (id bigserial primary key, note text)").update();
		try {
			context.getBean(Flyway.class).migrate();

			assertThatThrownBy(() -> jdbc.sql("update hours_entry set hours = hours where id = (select max(id) from hours_entry)")
				.update()).rootCause().hasMessageContaining("permission denied");
			assertThatThrownBy(() -> jdbc.sql("update points_account set balance = balance").update())
				.rootCause().hasMessageContaining("permission denied");
			assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).rootCause().hasMessageContaining("permission denied");
			jdbc.sql("insert into later_migration_table (note) values ('an ordinary table works')").update();
			assertThat(jdbc.sql("update later_migration_table set note = 'changed'").update()).isOne();
			assertThatThrownBy(() -> jdbc.sql("truncate later_migration_table").update())
				.rootCause().hasMessageContaining("permission denied");
		}
		finally {
			owner.sql("drop table later_migration_table").update();
		}
	}

	@Test
	void connectionsWithoutTheRightPasswordAreRefused() {
		for (String[] login : new String[][] { { "wenming_app", "wrong" }, { "wenming_app", "" },
				{ "wenming_owner", "wrong" }, { "postgres", "" }, { "postgres", "postgres" } }) {
			assertThatThrownBy(() -> {
				try (Connection connection = OwnerDatabase.as(context, login[0], login[1]).getConnection()) {
					connection.isValid(1);
				}
			}).as("%s with password '%s'", login[0], login[1]).hasMessageContaining("password");
		}
		assertThatThrownBy(() -> {
			try (Connection connection = OwnerDatabase.as(context, "wenming_app", null).getConnection()) {
				connection.isValid(1);
			}
		}).as("no password at all").hasMessageContaining("password");
	}

	@Test
	void serverListensOnLoopbackOnlyAndAsksEveryoneForAScramPassword() throws IOException {
		JdbcClient superuser = OwnerDatabase.superuser(context);
		assertThat(superuser.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
		assertThat(superuser.sql("show password_encryption").query(String.class).single()).isEqualTo("scram-sha-256");
		List<Map<String, Object>> rules = superuser.sql("select type, address, auth_method from pg_hba_file_rules")
			.query()
			.listOfRows();
		assertThat(rules).isNotEmpty()
			.allSatisfy(rule -> assertThat(rule).containsEntry("type", "host").containsEntry("auth_method", "scram-sha-256"));
		assertThat(rules).extracting(rule -> rule.get("address")).containsOnly("127.0.0.1", "::1");
		assertThat(superuser.sql("select count(*) from pg_authid where rolcanlogin and rolpassword is null")
			.query(Long.class)
			.single()).as("every role that can log in has a password").isZero();
		int port = OwnerDatabase.port(context);
		for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			for (InetAddress address : Collections.list(nic.getInetAddresses())) {
				if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
					assertThat(accepts(address, port)).as("listening on %s", address).isFalse();
				}
			}
		}
		assertThat(accepts(InetAddress.getByName("127.0.0.1"), port)).isTrue();
	}

	private static boolean accepts(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}

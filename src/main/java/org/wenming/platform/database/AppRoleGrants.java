package org.wenming.platform.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * After every migration, gives the application's role ({@code wenming.database.app-role}) exactly
 * the privileges of each table's class in {@code db_table_access}: SELECT and INSERT on the
 * append-only ledgers, SELECT on derived tables, nothing on NONE, and SELECT, INSERT, UPDATE and
 * DELETE on every other table. Everything is revoked first, so that a grant a later migration makes
 * cannot give the application UPDATE on a ledger; TRUNCATE and DDL are never granted.
 */
@Component
class AppRoleGrants implements Callback {

	private static final Logger log = LoggerFactory.getLogger(AppRoleGrants.class);

	private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final String appRole;

	AppRoleGrants(@Value("${wenming.database.app-role:" + DatabaseRoles.APP + "}") String appRole) {
		if (!ROLE.matcher(appRole).matches()) {
			throw new IllegalArgumentException("wenming.database.app-role must be a plain lower-case role name");
		}
		this.appRole = appRole;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		Connection connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select current_user, exists (select 1 from pg_roles where rolname = '"
					+ appRole + "'), (select rolsuper from pg_roles where rolname = '" + appRole + "')")) {
				rs.next();
				if (rs.getString(1).equals(appRole)) {
					log.warn("Migrations ran as the application's role {}: it owns the tables, nothing is protected. "
							+ "Set spring.flyway.user to the owner role.", appRole);
					return;
				}
				if (!rs.getBoolean(2)) {
					throw new FlywayException("数据库角色 " + appRole + " 不存在（wenming.database.app-role）");
				}
				if (rs.getBoolean(3)) {
					throw new FlywayException("数据库角色 " + appRole + " 是超级用户，应用不能以超级用户连接");
				}
			}
			statement.execute(GRANTS.replace("APP_ROLE", appRole));
		}
		catch (SQLException ex) {
			throw new FlywayException("无法为应用的数据库角色授权", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "wenming-app-role-grants";
	}

	private static final String GRANTS = """
			do $$
			declare
			    r record;
			begin
			    revoke all on all tables in schema public from APP_ROLE;
			    revoke all on all sequences in schema public from APP_ROLE;
			    revoke all on schema public from APP_ROLE;
			    grant usage on schema public to APP_ROLE;
			    for r in select c.oid::regclass as name, coalesce(a.access, 'READ_WRITE') as access
			             from pg_class c left join db_table_access a on a.table_name = c.relname
			             where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f') loop
			        continue when r.access = 'NONE';
			        execute format('grant %s on %s to APP_ROLE', case r.access
			            when 'APPEND_ONLY' then 'select, insert'
			            when 'READ_ONLY' then 'select'
			            else 'select, insert, update, delete' end, r.name);
			    end loop;
			    grant usage, select on all sequences in schema public to APP_ROLE;
			end $$""";

}

package org.wenming.directory.internal;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the very first start (no account at all), creates the root org and the account {@code admin}
 * as its civilization-office admin, with a random password written once to the log. Off with
 * {@code wenming.initial-admin: false} (the tests' shared database, whose demo city brings its own
 * {@code admin}).
 */
@Component
@ConditionalOnProperty(name = "wenming.initial-admin", havingValue = "true", matchIfMissing = true)
@Order(100)
class InitialAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	InitialAdmin(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from account").query(Long.class).single() > 0) {
			return;
		}
		long org = jdbc.sql("select id from org where parent_id is null order by id limit 1")
			.query(Long.class)
			.optional()
			.orElseGet(() -> {
				long id = jdbc.sql("select nextval('org_id_seq')").query(Long.class).single();
				jdbc.sql("insert into org (id, name, type, path, depth) values (?, '本市', 'CITY', ?, 0)")
					.params(id, "/" + id + "/")
					.update();
				return id;
			});
		long person = jdbc.sql("insert into person (name, work_org_id) values ('系统管理员', ?) returning id")
			.param(org)
			.query(Long.class)
			.single();
		String password = randomPassword();
		long account = jdbc.sql("insert into account (person_id, username, password_hash) values (?, 'admin', ?) returning id")
			.params(person, encoder.encode(password))
			.query(Long.class)
			.single();
		jdbc.sql("insert into role_assignment (account_id, role, org_id) values (?, 'OFFICE_ADMIN', ?)")
			.params(account, org)
			.update();
		jdbc.sql("insert into audit_log (actor, entity_type, entity_id, action, org_id, summary) values ('system', 'account', ?, 'CREATE', ?, '首次启动创建管理员账号 admin')")
			.params(String.valueOf(account), org)
			.update();
		log.warn("""

				==============================================================
				首次启动：已创建管理员账号 admin，初始密码：{}
				First start: created the account admin with the password above.
				This password is shown only once; change it after signing in.
				==============================================================""", password);
	}

	private static String randomPassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.append(random.nextInt(10)).toString();
	}

}

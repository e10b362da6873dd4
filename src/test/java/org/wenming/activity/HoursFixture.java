package org.wenming.activity;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.wenming.TestIdNumbers;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;
import org.wenming.directory.People;
import org.wenming.directory.PersonCommand;
import org.wenming.directory.Role;
import org.wenming.platform.DomainException;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A tree of its own for one test of check-in and hours: a city with a community and another
 * community, the community's team leader (organizer), its unit admin, a unit admin of the other
 * community, and volunteers made on demand. Activities are rows written straight into their table,
 * as the module's activities service would leave them.
 */
final class HoursFixture {

	static final String PASSWORD = "Passw0rd-Hours";

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final SecureRandom RANDOM = new SecureRandom();

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final Org city;

	final Org community;

	final Org other;

	final String leader;

	final String admin;

	final String otherAdmin;

	private final People people;

	private final Accounts accounts;

	private final UserDetailsService users;

	private final JdbcClient jdbc;

	private int volunteers;

	HoursFixture(ApplicationContext context) {
		OrgDirectory orgs = context.getBean(OrgDirectory.class);
		people = context.getBean(People.class);
		accounts = context.getBean(Accounts.class);
		users = context.getBean(UserDetailsService.class);
		jdbc = context.getBean(JdbcClient.class);
		city = DataScopes.asSystem(() -> orgs.create(null, "时长市" + tag, OrgType.CITY, null));
		Org street = DataScopes.asSystem(() -> orgs.create(city.id(), "时长街道" + tag, OrgType.STREET, null));
		community = DataScopes.asSystem(() -> orgs.create(street.id(), "时长社区" + tag, OrgType.COMMUNITY, null));
		other = DataScopes.asSystem(() -> orgs.create(street.id(), "别的社区" + tag, OrgType.COMMUNITY, null));
		leader = account("hours-leader-" + tag, Role.TEAM_LEADER, community);
		admin = account("hours-admin-" + tag, Role.UNIT_ADMIN, community);
		otherAdmin = account("hours-other-" + tag, Role.UNIT_ADMIN, other);
	}

	/** A new volunteer living in the community; their user name. */
	String volunteer() {
		return account("hours-vol-" + tag + "-" + (++volunteers), Role.VOLUNTEER, community);
	}

	private String account(String username, Role role, Org at) {
		return DataScopes.asSystem(() -> {
			long person = people.create(new PersonCommand("志愿者" + username.substring(username.lastIndexOf('-') + 1), null,
					null, TestIdNumbers.next(), null, null, "群众", List.of("居民"), null, at.id()));
			accounts.create(person, username, PASSWORD, List.of(new Accounts.Grant(role, at.id())));
			return username;
		});
	}

	long personId(String username) {
		return jdbc.sql("select person_id from account where username = ?").param(username).query(Long.class).single();
	}

	/** An activity of the community, running (进行中), open to registered volunteers, without coordinates. */
	long activity(LocalDateTime start, LocalDateTime end) {
		return activity(start, end, Audience.VOLUNTEERS, null, null, null);
	}

	long activity(LocalDateTime start, LocalDateTime end, Audience audience, Double lat, Double lng,
			java.math.BigDecimal fixedHours) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return jdbc.sql("""
				insert into activity (title, type, organizer_org_id, place, lat, lng, radius_m, starts_at, ends_at, capacity,
				  audience, hours_rule, fixed_hours, status, checkin_secret, created_by)
				values (?, 'VOLUNTEER_SERVICE', ?, '社区广场', ?, ?, 300, ?, ?, 100, ?, ?, ?, 'ONGOING', ?, ?) returning id""")
			.params("清洁家园" + tag, community.id(), lat, lng, at(start), at(end), audience.name(),
					fixedHours == null ? "ACTUAL" : "FIXED", fixedHours, secret, leader)
			.query(Long.class)
			.single();
	}

	void signUp(long activityId, String username) {
		jdbc.sql("insert into activity_signup (activity_id, person_id, status, confirmed_at) values (?, ?, 'CONFIRMED', now())")
			.params(activityId, personId(username))
			.update();
	}

	static OffsetDateTime at(LocalDateTime time) {
		return time.atZone(ZONE).toOffsetDateTime();
	}

	List<String> notificationsOf(String username) {
		return jdbc.sql("select title from notification where recipient = ? order by id")
			.param(username)
			.query(String.class)
			.list();
	}

	<T> T as(String username, Supplier<T> work) {
		UserDetails user = users.loadUserByUsername(username);
		var before = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

	/** Asserts that the work is refused with the message key. */
	static void refused(Runnable work, String code) {
		assertThatThrownBy(work::run).isInstanceOfSatisfying(DomainException.class,
				ex -> org.assertj.core.api.Assertions.assertThat(ex.code()).isEqualTo(code));
	}

}

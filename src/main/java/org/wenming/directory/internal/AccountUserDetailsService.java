package org.wenming.directory.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.wenming.directory.Role;
import org.wenming.platform.security.WenmingUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads an account for login: its password hash, whether it is locked, and the permissions its
 * roles grant (as authorities {@code org:read} …, plus {@code ROLE_<role>}).
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final JdbcClient jdbc;

	AccountUserDetailsService(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One statement (account, person, the roles in open orgs and whether logins from the current
	 * client address are locked), so no transaction is needed. Locks are per account and address:
	 * see {@link AccountLockout}.
	 */
	@Override
	public UserDetails loadUserByUsername(String username) {
		record Row(long id, long personId, String name, String hash, boolean enabled, Instant lockedUntil,
				List<Role> roles) {
		}
		Row row = jdbc.sql("""
				select a.id, a.person_id, p.name, a.password_hash, a.enabled,
				       (select l.locked_until from account_login_lock l where l.account_id = a.id and l.address = ?)
				         as locked_until,
				       array(select distinct r.role from role_assignment r join org o on o.id = r.org_id
				             where r.account_id = a.id and o.closed_at is null order by r.role) as roles
				from account a join person p on p.id = a.person_id where a.username = ?""")
			.params(AccountLockout.address(), username)
			.query((rs, i) -> {
				OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
				List<Role> roles = new ArrayList<>();
				for (String role : (String[]) rs.getArray("roles").getArray()) {
					roles.add(Role.valueOf(role));
				}
				return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
						locked == null ? null : locked.toInstant(), roles);
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
		List<Role> roles = row.roles();
		Set<SimpleGrantedAuthority> authorities = new LinkedHashSet<>();
		for (Role role : roles) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
			role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
		}
		boolean nonLocked = row.lockedUntil() == null || row.lockedUntil().isBefore(Instant.now());
		return new WenmingUser(row.id(), row.personId(), username, row.name(), row.hash(), row.enabled(), nonLocked,
				authorities);
	}

}

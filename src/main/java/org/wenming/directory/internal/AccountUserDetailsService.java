package org.wenming.directory.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
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
import org.springframework.transaction.annotation.Transactional;

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

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		record Row(long id, long personId, String name, String hash, boolean enabled, Instant lockedUntil) {
		}
		Row row = jdbc.sql("""
				select a.id, a.person_id, p.name, a.password_hash, a.enabled, a.locked_until
				from account a join person p on p.id = a.person_id where a.username = ?""")
			.param(username)
			.query((rs, i) -> {
				OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
				return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
						locked == null ? null : locked.toInstant());
			})
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
		List<Role> roles = jdbc.sql("""
				select distinct r.role from role_assignment r join org o on o.id = r.org_id
				where r.account_id = ? and o.closed_at is null""")
			.param(row.id())
			.query((rs, i) -> Role.valueOf(rs.getString(1)))
			.list();
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

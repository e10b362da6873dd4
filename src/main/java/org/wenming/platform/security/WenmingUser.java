package org.wenming.platform.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in user: an account of a person, with the permissions its roles grant. Which orgs
 * each permission covers is the data scope, computed by the directory on every request.
 */
public class WenmingUser extends User {

	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final long personId;

	private final String displayName;

	public WenmingUser(long accountId, long personId, String username, String displayName, String passwordHash,
			boolean enabled, boolean accountNonLocked, Collection<? extends GrantedAuthority> authorities) {
		super(username, passwordHash, enabled, true, true, accountNonLocked, authorities);
		this.accountId = accountId;
		this.personId = personId;
		this.displayName = displayName;
	}

	public long accountId() {
		return accountId;
	}

	public long personId() {
		return personId;
	}

	public String displayName() {
		return displayName;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other);
	}

	@Override
	public int hashCode() {
		return super.hashCode();
	}

}

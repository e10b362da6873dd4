package org.wenming.directory.web;

import java.util.List;

import org.wenming.directory.Accounts;
import org.wenming.directory.Role;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.WorkbenchItems;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Tells an office or unit admin on the workbench how many accounts in their scope are locked.
 */
@Component
class LockedAccountsTodo implements WorkbenchItems {

	private static final List<SimpleGrantedAuthority> ADMINS = List.of(
			new SimpleGrantedAuthority("ROLE_" + Role.OFFICE_ADMIN.name()),
			new SimpleGrantedAuthority("ROLE_" + Role.UNIT_ADMIN.name()));

	private final Accounts accounts;

	LockedAccountsTodo(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public List<Todo> todosFor(WenmingUser user) {
		if (user == null || user.getAuthorities().stream().noneMatch(ADMINS::contains)) {
			return List.of();
		}
		long locked = accounts.countLocked();
		return locked == 0 ? List.of()
				: List.of(new Todo("dir.todo.lockedAccounts", List.of(locked), "/accounts?locked=1", locked));
	}

}

package org.wenming.directory;

import java.util.EnumSet;
import java.util.Set;

import static org.wenming.directory.Permission.*;

/**
 * The roles of DESIGN.md. A role is always held for an org and covers that org's whole subtree.
 */
public enum Role {

	OFFICE_ADMIN("文明办管理员", EnumSet.allOf(Permission.class)),
	UNIT_ADMIN("单位管理员", EnumSet.of(ORG_READ, ORG_WRITE, PERSON_READ, PERSON_WRITE, PERSON_FULL_VIEW, ACCOUNT_MANAGE,
			IMPORT_RUN, EXPORT_RUN, PLAN_READ, PLAN_WRITE, ACTIVITY_READ, ACTIVITY_WRITE, HOURS_CONFIRM,
			VOLUNTEER_READ, VOLUNTEER_WRITE, ORDER_MANAGE, STORE_MANAGE)),
	INSPECTOR("督查员", EnumSet.of(ORG_READ, PERSON_READ, PLAN_READ, ACTIVITY_READ, VOLUNTEER_READ)),
	ASSESSOR("测评员", EnumSet.of(ORG_READ, PLAN_READ)),
	TEAM_LEADER("志愿服务队长",
			EnumSet.of(ORG_READ, ACTIVITY_READ, ACTIVITY_WRITE, HOURS_CONFIRM, VOLUNTEER_READ, ORDER_MANAGE)),
	VOLUNTEER("志愿者", EnumSet.noneOf(Permission.class)),
	RESIDENT("居民", EnumSet.noneOf(Permission.class));

	private final String label;

	private final Set<Permission> permissions;

	Role(String label, Set<Permission> permissions) {
		this.label = label;
		this.permissions = permissions;
	}

	public String label() {
		return label;
	}

	public Set<Permission> permissions() {
		return permissions;
	}

	public boolean grants(Permission permission) {
		return permissions.contains(permission);
	}

	/** Reads a role from its code or its Chinese name. */
	public static Role parse(String text) {
		if (text == null) {
			return null;
		}
		for (Role role : values()) {
			if (role.name().equalsIgnoreCase(text.trim()) || role.label.equals(text.trim())) {
				return role;
			}
		}
		return null;
	}

}

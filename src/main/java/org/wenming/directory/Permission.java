package org.wenming.directory;

/**
 * What a role lets its holder do inside the org subtree it is assigned to. The authority string
 * is what URL rules and templates check.
 */
public enum Permission {

	ORG_READ("org:read"), ORG_WRITE("org:write"), PERSON_READ("person:read"), PERSON_WRITE("person:write"),
	PERSON_FULL_VIEW("person:full"), ACCOUNT_MANAGE("account:manage"), AUDIT_READ("audit:read"),
	IMPORT_RUN("import:run"), EXPORT_RUN("export:run"), PLAN_READ("plan:read"), PLAN_WRITE("plan:write"),
	ACTIVITY_READ("activity:read"), ACTIVITY_WRITE("activity:write"), HOURS_CONFIRM("hours:confirm"),
	VOLUNTEER_READ("volunteer:read"), VOLUNTEER_WRITE("volunteer:write"), ORDER_MANAGE("order:manage"),
	STORE_MANAGE("store:manage");

	private final String authority;

	Permission(String authority) {
		this.authority = authority;
	}

	public String authority() {
		return authority;
	}

}

package org.wenming.volunteer;

import java.time.Instant;

/** A volunteer team (志愿服务队) as shown, with the number of its active members. */
public record Team(long id, String name, long orgId, String orgName, long leaderPersonId, String leaderName,
		String description, String serviceAreas, Instant createdAt, Instant closedAt, long members) {

	public boolean isClosed() {
		return closedAt != null;
	}

	/** The team as a picker shows it: its name, then its org and leader. */
	public org.wenming.platform.web.PickerSearch.Choice choice() {
		return org.wenming.platform.web.PickerSearch.Choice.of(id, name, orgName + " · " + leaderName);
	}

}

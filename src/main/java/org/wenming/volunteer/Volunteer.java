package org.wenming.volunteer;

import java.time.Instant;

/**
 * A volunteer registration as shown: the emergency phone masked, the person by name only.
 *
 * @param volunteerNo 志愿者编号, given on approval
 * @param source {@code SELF} from a phone or {@code UNIT} by a unit
 */
public record Volunteer(long id, long personId, String personName, String volunteerNo, long orgId, String orgName,
		VolunteerStatus status, String source, String skills, String serviceAreas, String availability,
		String education, String politicalStatus, String emergencyContact, String emergencyPhoneMasked,
		int starLevel, Instant registeredAt, String reviewNote, String deregisterReason) {

	public boolean isActive() {
		return status == VolunteerStatus.ACTIVE;
	}

}

package org.wenming.volunteer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code wenming.volunteer.*}.
 *
 * @param noShowLimit no-shows after which a volunteer is listed as a candidate for deregistration
 * @param maxTeamsPerPerson how many teams one person may be an active member of
 */
@ConfigurationProperties("wenming.volunteer")
public record VolunteerProperties(Integer noShowLimit, Integer maxTeamsPerPerson) {

	public VolunteerProperties {
		noShowLimit = noShowLimit == null ? 3 : noShowLimit;
		maxTeamsPerPerson = maxTeamsPerPerson == null ? 3 : maxTeamsPerPerson;
	}

	/** Whether that many no-shows make a volunteer a candidate for deregistration. */
	public boolean reachesNoShowLimit(int noShows) {
		return noShows >= noShowLimit;
	}

}

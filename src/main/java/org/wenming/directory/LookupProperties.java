package org.wenming.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code wenming.lookups.*}.
 *
 * @param perHour how many look-ups that can confirm a full ID number or phone number (exact
 * search, the ID check of a self-registration, a refused duplicate) one account may make in any
 * hour, across all instances
 */
@ConfigurationProperties("wenming.lookups")
public record LookupProperties(Integer perHour) {

	public LookupProperties {
		perHour = perHour == null ? 30 : perHour;
	}

}

package org.wenming.volunteer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code wenming.volunteer.*} for points.
 *
 * @param pointsPerHour points credited for one confirmed hour of service (default 10); part hours
 * earn their share, rounded down to whole points
 */
@ConfigurationProperties("wenming.volunteer")
public record PointsProperties(Integer pointsPerHour) {

	public PointsProperties {
		pointsPerHour = pointsPerHour == null ? 10 : pointsPerHour;
		if (pointsPerHour < 0) {
			throw new IllegalArgumentException("wenming.volunteer.points-per-hour must not be negative");
		}
	}

}

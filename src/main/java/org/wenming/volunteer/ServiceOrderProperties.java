package org.wenming.volunteer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code wenming.service-orders.*}.
 *
 * @param dispatchWithin how long after approval an order may wait for dispatching (24 h)
 * @param acceptWithin how long after dispatching an order may wait for a team to accept it (48 h)
 * @param closeUnratedAfterDays days after the service was finished before staff may close an order
 * the resident did not rate (7)
 * @param chaseInterval how often a resident may chase one order (1 h)
 */
@ConfigurationProperties("wenming.service-orders")
public record ServiceOrderProperties(Duration dispatchWithin, Duration acceptWithin, Integer closeUnratedAfterDays,
		Duration chaseInterval) {

	public ServiceOrderProperties {
		dispatchWithin = dispatchWithin == null ? Duration.ofHours(24) : dispatchWithin;
		acceptWithin = acceptWithin == null ? Duration.ofHours(48) : acceptWithin;
		closeUnratedAfterDays = closeUnratedAfterDays == null ? 7 : closeUnratedAfterDays;
		chaseInterval = chaseInterval == null ? Duration.ofHours(1) : chaseInterval;
		if (dispatchWithin.isNegative() || acceptWithin.isNegative() || closeUnratedAfterDays < 0
				|| chaseInterval.isNegative()) {
			throw new IllegalArgumentException("wenming.service-orders.* must not be negative");
		}
	}

}

package org.wenming.plan;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code wenming.plan.*} for overdue work.
 *
 * @param escalateAfterDays days a task or submission stays overdue before the parent org of the one
 * that owes it is told
 */
@ConfigurationProperties("wenming.plan")
public record OverdueProperties(Integer escalateAfterDays) {

	public OverdueProperties {
		escalateAfterDays = escalateAfterDays == null ? 3 : escalateAfterDays;
		if (escalateAfterDays < 0) {
			throw new IllegalArgumentException("wenming.plan.escalate-after-days must not be negative");
		}
	}

}

package org.wenming.activity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.activity.Activities;
import org.wenming.directory.DataScopes;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: moves open activities that have started to 进行中 and ended ones to 已结束. Each
 * change is a conditional update of locked rows, so instances running it at once do not clash.
 */
@Component
class ActivityClockJob {

	private static final Logger log = LoggerFactory.getLogger(ActivityClockJob.class);

	private final Activities activities;

	ActivityClockJob(Activities activities) {
		this.activities = activities;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	void tick() {
		int changed = DataScopes.asSystem(activities::advance);
		if (changed > 0) {
			log.info("Activities moved on by the clock: {}", changed);
		}
	}

}

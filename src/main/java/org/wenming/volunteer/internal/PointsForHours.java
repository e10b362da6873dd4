package org.wenming.volunteer.internal;

import org.wenming.activity.HoursRecorded;
import org.wenming.volunteer.Points;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Credits points for hours as they enter the hours ledger, in the same transaction, so that the
 * points commit or roll back with the hours.
 */
@Component
class PointsForHours {

	private final Points points;

	PointsForHours(Points points) {
		this.points = points;
	}

	@EventListener
	void on(HoursRecorded hours) {
		points.recordHours(hours);
	}

}

package org.wenming.volunteer;

import org.wenming.activity.Activities;
import org.wenming.activity.Activity;
import org.wenming.activity.ActivityType;
import org.wenming.activity.Audience;
import org.wenming.activity.HoursRule;
import org.wenming.activity.NewActivity;
import org.wenming.directory.DataScopes;

import org.springframework.stereotype.Component;

/**
 * The activity of an accepted order, through the activity module: a 志愿服务 of the team's org for the
 * team's members, in the desired time window, for the person (or care recipient) who ordered it.
 * The team's leader need not administer that org, so it is created for the system.
 */
@Component
class ServiceOrderActivityCreation implements ServiceOrderActivities {

	/** Enough places for a team turning out for one order. */
	static final int CAPACITY = 20;

	private final Activities activities;

	ServiceOrderActivityCreation(Activities activities) {
		this.activities = activities;
	}

	@Override
	public long createFor(ServiceOrder order, long teamOrgId, String categoryName) {
		NewActivity draft = new NewActivity(categoryName + "服务：" + abbreviate(order.description()),
				ActivityType.VOLUNTEER_SERVICE, teamOrgId, order.teamId(), order.siteOrgName(), null, null, null,
				order.desiredFrom(), order.desiredTo(), CAPACITY, null, null, null, Audience.TEAM_MEMBERS, null,
				order.teamId(), HoursRule.ACTUAL, null, order.personName(), order.careRecipientId());
		return DataScopes.asSystem(() -> {
			Activity created = activities.create(draft);
			activities.publish(created.id());
			return created.id();
		});
	}

	private static String abbreviate(String text) {
		return text.length() <= 60 ? text : text.substring(0, 59) + "…";
	}

}

package org.wenming.activity;

import java.util.Collection;
import java.util.Locale;

import org.wenming.directory.Accounts;
import org.wenming.platform.Times;
import org.wenming.platform.notify.Notifications;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells people signed up for an activity what happened to it, in the inbox of each of their
 * accounts.
 */
@Component
class ActivityNotices {

	static final String CATEGORY = "ACTIVITY";

	/** Notifications are stored once, in the office's language. */
	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private final Notifications notifications;

	private final Accounts accounts;

	private final MessageSource messages;

	private final Times times;

	ActivityNotices(Notifications notifications, Accounts accounts, MessageSource messages, Times times) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.messages = messages;
		this.times = times;
	}

	void cancelled(Activity activity, String reason, Collection<Long> people) {
		String title = message("activity.notice.cancelled.title", activity.title());
		String body = message("activity.notice.cancelled.body", activity.title(), when(activity), reason);
		people.forEach(person -> post(person, title, body, activity));
	}

	void promoted(Activity activity, long personId) {
		post(personId, message("activity.notice.promoted.title", activity.title()),
				message("activity.notice.promoted.body", activity.title(), when(activity), activity.place()), activity);
	}

	/** Tells the person that the hours of an attendance were confirmed, with a link to their hours. */
	void hoursConfirmed(long personId, String activityTitle, java.math.BigDecimal hours) {
		String title = message("hours.notice.confirmed.title", activityTitle);
		String body = message("hours.notice.confirmed.body", activityTitle, hours.stripTrailingZeros().toPlainString());
		accounts.usernamesOf(personId).forEach(username -> notifications.post(username, "HOURS", title, body, "/m/hours"));
	}

	/** The activity's start and end in the configured zone, as the notices and refusals say them. */
	String when(Activity activity) {
		return time(activity.startsAt()) + " 至 " + time(activity.endsAt());
	}

	/** A time as notices and refusals say it: {@code yyyy-MM-dd HH:mm} in the configured zone. */
	String time(java.time.OffsetDateTime time) {
		return times.format(time);
	}

	private void post(long personId, String title, String body, Activity activity) {
		accounts.usernamesOf(personId).forEach(username -> notifications.post(username, CATEGORY, title, body, "/m/activities/" + activity.id()));
	}

	private String message(String code, Object... args) {
		return messages.getMessage(code, args, LANGUAGE);
	}

}

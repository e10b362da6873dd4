package org.wenming.activity.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the check-in and hours API: anyone signed in checks themselves in and out and reads
 * their own hours; the organizer's token and 集体录入 need {@code activity:write}, the attendance
 * list {@code activity:read}, confirmation, corrections and anomalies {@code hours:confirm}. Which
 * activities a caller reaches is its data scope, applied by the services. Ordered first, so that
 * {@code /api/v1/people/me/hours} is not taken for a person's record.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HoursAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.POST, "/api/v1/activities/*/check-in", "/api/v1/activities/*/check-out")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/api/v1/people/me/hours")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/api/v1/activities/*/checkin-token")
			.hasAuthority("activity:write")
			.requestMatchers(HttpMethod.GET, "/api/v1/activities/*/attendance")
			.hasAuthority("activity:read")
			.requestMatchers(HttpMethod.POST, "/api/v1/activities/*/attendance")
			.hasAuthority("activity:write")
			.requestMatchers(HttpMethod.POST, "/api/v1/activities/*/attendance/confirm", "/api/v1/hours/corrections")
			.hasAuthority("hours:confirm")
			.requestMatchers(HttpMethod.GET, "/api/v1/hours/anomalies")
			.hasAuthority("hours:confirm");
	}

}

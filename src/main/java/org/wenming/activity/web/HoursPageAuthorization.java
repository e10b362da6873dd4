package org.wenming.activity.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may open the check-in and hours pages: the organizer's screen needs {@code activity:write},
 * an activity's attendance {@code activity:read} to read and {@code activity:write} to record, the
 * hours pages {@code hours:confirm}; everyone signed in scans and sees their own hours. A check-in
 * link opens for anyone: the page itself sends a visitor to sign in, noting when the link was opened. Exact
 * patterns, ordered first, so that the activity pages' own rules do not take these paths.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class HoursPageAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/activities/*/checkin", "/activities/*/checkin/token")
			.hasAuthority("activity:write")
			.requestMatchers(HttpMethod.GET, "/activities/*/attendance", "/activities/*/attendance/**")
			.hasAuthority("activity:read")
			.requestMatchers(HttpMethod.POST, "/activities/*/attendance/confirm")
			.hasAuthority("hours:confirm")
			.requestMatchers("/activities/*/attendance", "/activities/*/attendance/**")
			.hasAuthority("activity:write")
			.requestMatchers("/hours", "/hours/**", "/pickers/hours-entries")
			.hasAuthority("hours:confirm")
			.requestMatchers(HttpMethod.GET, "/m/checkin")
			.permitAll()
			.requestMatchers("/m/scan", "/m/scan/photo", "/m/checkin", "/m/checkin/*", "/m/hours", "/m/hours/export.xlsx")
			.authenticated();
	}

}

package org.wenming.activity.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may open the activity pages: the mobile pages anyone signed in (they act on the caller's
 * own person); the admin list and detail {@code activity:read}; the forms and every change
 * {@code activity:write}. Exact patterns, since check-in and attendance pages below
 * {@code /activities/*} have rules of their own.
 */
@Component
class ActivityPageAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/m", "/m/mine", "/m/activities", "/m/activities/*", "/m/activities/*/signup",
				"/m/activities/*/cancel", "/m/signups", "/m/signups/export.xlsx", "/m/activities/*/photos/*")
			.authenticated()
			.requestMatchers("/activities/new", "/activities/*/edit")
			.hasAuthority("activity:write")
			.requestMatchers(HttpMethod.GET, "/activities", "/activities/*", "/activities/*/photos/*")
			.hasAuthority("activity:read")
			.requestMatchers(HttpMethod.POST, "/activities/*/publish", "/activities/*/cancel", "/activities/*/finish",
					"/activities/*/summary", "/activities/*/photos")
			.hasAuthority("activity:write");
	}

}

package org.wenming.activity.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the activity API: anyone signed in reads activities (which ones is decided by
 * {@code Activities}: the {@code activity:read} scope, or what the caller may join) and signs
 * their own person up or off; the sign-up lists need {@code activity:read}; every change to an
 * activity {@code activity:write}. Exact patterns, since check-in and attendance paths below
 * {@code /api/v1/activities/*} have rules of their own.
 */
@Component
class ActivityAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/api/v1/activities/*/signups")
			.hasAuthority("activity:read")
			.requestMatchers(HttpMethod.GET, "/api/v1/activities", "/api/v1/activities/*", "/api/v1/activities/*/photos",
					"/api/v1/activities/*/photos/*")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/api/v1/activities/*/signups")
			.authenticated()
			.requestMatchers(HttpMethod.DELETE, "/api/v1/activities/*/signups/me")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/api/v1/activities", "/api/v1/activities/*/publish",
					"/api/v1/activities/*/cancel", "/api/v1/activities/*/finish", "/api/v1/activities/*/photos")
			.hasAuthority("activity:write")
			.requestMatchers(HttpMethod.PUT, "/api/v1/activities/*", "/api/v1/activities/*/summary")
			.hasAuthority("activity:write");
	}

}

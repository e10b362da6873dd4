package org.wenming.plan.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the task and submission API: reading needs {@code plan:read}, every change
 * {@code plan:write}. Which tasks and submissions a caller then reaches is its data scope, applied
 * by {@code Tasks} and {@code Submissions}.
 */
@Component
class TaskAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/api/v1/tasks", "/api/v1/tasks/**", "/api/v1/submissions/**")
			.hasAuthority("plan:read")
			.requestMatchers("/api/v1/tasks", "/api/v1/tasks/**", "/api/v1/submissions/**")
			.hasAuthority("plan:write");
	}

}

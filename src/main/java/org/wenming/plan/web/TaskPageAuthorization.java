package org.wenming.plan.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may open the task pages: reading needs {@code plan:read}, every form {@code plan:write}; which
 * tasks a caller reaches is its data scope, applied by {@code Tasks} and {@code Submissions}.
 */
@Component
class TaskPageAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/tasks", "/tasks/**", "/submissions/**", "/assignments")
			.hasAuthority("plan:read")
			.requestMatchers("/tasks", "/tasks/**", "/submissions/**", "/assignments")
			.hasAuthority("plan:write");
	}

}

package org.wenming.plan.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The plan pages: reading them needs plan:read, every change plan:write. */
@Component
class PlanPageAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/plans", "/plans/**").hasAuthority("plan:read");
		rules.requestMatchers("/plans", "/plans/**").hasAuthority("plan:write");
	}

}

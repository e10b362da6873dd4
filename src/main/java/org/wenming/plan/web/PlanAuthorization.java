package org.wenming.plan.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the plan module's URLs. Reading a document into an outline touches no stored data, so
 * any signed-in user may; plans are read with {@code plan:read} and changed with {@code plan:write},
 * and which plans is the data scope, applied by the services.
 */
@Component
class PlanAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.POST, "/api/v1/plan-documents/outline").authenticated()
			.requestMatchers(HttpMethod.GET, "/api/v1/plans", "/api/v1/plans/**", "/api/v1/plan-metrics")
			.hasAuthority("plan:read")
			.requestMatchers("/api/v1/plans", "/api/v1/plans/**").hasAuthority("plan:write");
	}

}

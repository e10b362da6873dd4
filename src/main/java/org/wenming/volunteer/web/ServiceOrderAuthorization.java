package org.wenming.volunteer.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the service order API. The board, review and dispatch need {@code order:manage}; every
 * other step is open to any signed-in caller, and {@code ServiceOrders} checks that the caller is the
 * resident, the team's leader or a registered volunteer, as the step asks.
 */
@Component
class ServiceOrderAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/api/v1/service-categories", "/api/v1/service-orders/mine")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/api/v1/service-orders").hasAuthority("order:manage")
			.requestMatchers(HttpMethod.GET, "/api/v1/service-orders/*", "/api/v1/service-orders/*/contact").authenticated()
			.requestMatchers(HttpMethod.POST, "/api/v1/service-orders").authenticated()
			.requestMatchers(HttpMethod.POST, "/api/v1/service-orders/*/review", "/api/v1/service-orders/*/dispatch")
			.hasAuthority("order:manage")
			.requestMatchers(HttpMethod.POST, "/api/v1/service-orders/*/accept", "/api/v1/service-orders/*/decline",
					"/api/v1/service-orders/*/start", "/api/v1/service-orders/*/finish",
					"/api/v1/service-orders/*/report", "/api/v1/service-orders/*/rate",
					"/api/v1/service-orders/*/cancel", "/api/v1/service-orders/*/chase",
					"/api/v1/service-orders/*/claim")
			.authenticated();
	}

}

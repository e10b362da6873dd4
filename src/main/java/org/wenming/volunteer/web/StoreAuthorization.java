package org.wenming.volunteer.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the store's URLs. Everyone signed in browses items, orders for themselves, reads
 * their points and cancels orders (the service lets only the orderer or the store's staff);
 * keeping items, collecting orders and giving bonuses need {@code store:manage}. Applied before the
 * directory's rules, whose {@code /api/v1/people/**} would otherwise take {@code /api/v1/people/me/points}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StoreAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/api/v1/store/items", "/api/v1/people/me/points").authenticated()
			.requestMatchers(HttpMethod.POST, "/api/v1/store/items/{id}/redemptions",
					"/api/v1/store/redemptions/{id}/cancel")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/api/v1/store/items", "/api/v1/store/redemptions/collect",
					"/api/v1/points/bonus")
			.hasAuthority("store:manage")
			.requestMatchers(HttpMethod.PUT, "/api/v1/store/items/{id}").hasAuthority("store:manage");
	}

}

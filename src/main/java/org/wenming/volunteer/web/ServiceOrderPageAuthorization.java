package org.wenming.volunteer.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may open the service order pages: a resident's own orders and the wishes on the phone, and the
 * team leader's view, to anyone signed in ({@code ServiceOrders} decides which orders); the board,
 * an order's admin page and the service menu need {@code order:manage}. The team view is matched
 * before the admin pages it lies under.
 */
@Component
class ServiceOrderPageAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/m/orders", "/m/orders/**", "/m/wishes", "/m/wishes/**").authenticated()
			.requestMatchers("/service-orders/team", "/service-orders/team/**").authenticated()
			.requestMatchers("/service-orders", "/service-orders/**").hasAuthority("order:manage");
	}

}

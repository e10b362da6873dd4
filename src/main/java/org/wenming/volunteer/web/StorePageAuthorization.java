package org.wenming.volunteer.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The store's pages: everyone signed in uses the store on the phone for themselves; keeping items,
 * orders and bonus points needs {@code store:manage}.
 */
@Component
class StorePageAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/m/store", "/m/store/**").authenticated();
		rules.requestMatchers("/store/items", "/store/items/**", "/store/redemptions", "/store/redemptions/**",
				"/store/bonus")
			.hasAuthority("store:manage");
	}

}

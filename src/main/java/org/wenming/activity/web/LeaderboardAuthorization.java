package org.wenming.activity.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may read the hours leaderboard as JSON: callers with {@code volunteer:read}, the permission
 * of the leaderboard pages; which orgs they reach is their scope for it, applied by the ledger.
 */
@Component
class LeaderboardAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/api/v1/hours/leaderboard").hasAuthority("volunteer:read");
	}

}

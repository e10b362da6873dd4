package org.wenming.volunteer.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.wenming.platform.security.HttpAuthorizationRules;

/**
 * The volunteer pages: the admin pages are read with {@code volunteer:read} and changed with
 * {@code volunteer:write} (a team's leader decides on applications, checked by the service); the
 * phone pages need a signed-in user; a certificate's verification page is public.
 */
@Component
@Order(0)
class VolunteerPageAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/certificates/*").permitAll()
			.requestMatchers(HttpMethod.GET, "/pickers/teams").authenticated()
			.requestMatchers("/m/volunteer", "/m/volunteer/**", "/m/teams", "/m/teams/**").authenticated()
			.requestMatchers(HttpMethod.POST, "/teams/*/applications/*/approve", "/teams/*/applications/*/reject")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/volunteers/*/certificate.pdf").hasAuthority("volunteer:write")
			.requestMatchers(HttpMethod.GET, "/volunteers", "/volunteers/**", "/teams", "/teams/**", "/leaderboards")
			.hasAuthority("volunteer:read")
			.requestMatchers("/volunteers", "/volunteers/**", "/teams", "/teams/**").hasAuthority("volunteer:write");
	}

}

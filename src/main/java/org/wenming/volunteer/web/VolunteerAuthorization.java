package org.wenming.volunteer.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.wenming.platform.security.HttpAuthorizationRules;

/**
 * Who may call the volunteer API: admins register, review and deregister with
 * {@code volunteer:write} and list with {@code volunteer:read}; anyone signed in registers themselves,
 * applies to a team and reads their own record (approving an application is checked by the service:
 * the team's leader or an admin over it); certificates are verified by anyone. Its patterns are
 * exact, and it goes before the modules with broad patterns ({@code /api/v1/people/**}).
 */
@Component
@Order(0)
class VolunteerAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/api/v1/certificates/*").permitAll()
			.requestMatchers(HttpMethod.POST, "/api/v1/volunteers/me", "/api/v1/teams/*/applications",
					"/api/v1/teams/*/applications/*/approve")
			.authenticated()
			.requestMatchers(HttpMethod.GET, "/api/v1/people/me/volunteer", "/api/v1/people/me/volunteer/certificate.pdf")
			.authenticated()
			.requestMatchers(HttpMethod.POST, "/api/v1/people/me/volunteer/certificate").authenticated()
			.requestMatchers(HttpMethod.POST, "/api/v1/volunteers/*/certificate").hasAuthority("volunteer:write")
			.requestMatchers(HttpMethod.GET, "/api/v1/volunteers/*/certificate.pdf").hasAuthority("volunteer:write")
			.requestMatchers(HttpMethod.GET, "/api/v1/volunteers").hasAuthority("volunteer:read")
			.requestMatchers(HttpMethod.GET, "/api/v1/volunteers/*/emergency-phone").hasAuthority("person:full")
			.requestMatchers(HttpMethod.POST, "/api/v1/volunteers", "/api/v1/volunteers/*/approve",
					"/api/v1/volunteers/*/reject", "/api/v1/volunteers/*/deregister", "/api/v1/teams")
			.hasAuthority("volunteer:write");
	}

}

package org.wenming.plan.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may export plans. Exporting an outline sent as text touches no stored data, so any signed-in
 * user may. (The bundled font under {@code /fonts/} is public, as the platform's static files are.)
 */
@Component
class PlanExportAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.POST, "/api/v1/plan-documents/export").authenticated();
	}

}

package org.wenming.directory.web;

import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the directory's pages and API. Which orgs and people they then see is the data
 * scope, applied by the services.
 */
@Component
class DirectoryAuthorization implements HttpAuthorizationRules {

	@Override
	public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers(HttpMethod.GET, "/api/v1/me").authenticated()
			.requestMatchers(HttpMethod.GET, "/pickers/orgs", "/pickers/people").authenticated()
			.requestMatchers("/me/password").authenticated()
			.requestMatchers(HttpMethod.GET, "/api/v1/orgs", "/api/v1/orgs/**").hasAuthority("org:read")
			.requestMatchers("/api/v1/orgs", "/api/v1/orgs/**").hasAuthority("org:write")
			.requestMatchers(HttpMethod.GET, "/api/v1/people/export").hasAuthority("export:run")
			.requestMatchers(HttpMethod.GET, "/api/v1/people/*/personal-data").hasAuthority("person:full")
			.requestMatchers(HttpMethod.GET, "/api/v1/people", "/api/v1/people/**", "/api/v1/care-recipients",
					"/api/v1/care-recipients/**")
			.hasAuthority("person:read")
			.requestMatchers("/api/v1/people", "/api/v1/people/**", "/api/v1/care-recipients",
					"/api/v1/care-recipients/**")
			.hasAuthority("person:write")
			.requestMatchers("/api/v1/accounts", "/api/v1/accounts/**").hasAuthority("account:manage")
			.requestMatchers("/api/v1/imports", "/api/v1/imports/**").hasAuthority("import:run")
			.requestMatchers(HttpMethod.GET, "/api/v1/audit", "/api/v1/audit/**").hasAuthority("audit:read")
			.requestMatchers(HttpMethod.GET, "/orgs", "/orgs/**").hasAuthority("org:read")
			.requestMatchers("/orgs", "/orgs/**").hasAuthority("org:write")
			.requestMatchers(HttpMethod.GET, "/people/export").hasAuthority("export:run")
			.requestMatchers("/people/*/personal-data").hasAuthority("person:full")
			.requestMatchers(HttpMethod.GET, "/people/new", "/people/*/edit", "/care-recipients/new")
			.hasAuthority("person:write")
			.requestMatchers(HttpMethod.GET, "/people", "/people/**", "/care-recipients", "/care-recipients/**")
			.hasAuthority("person:read")
			.requestMatchers("/people", "/people/**", "/care-recipients", "/care-recipients/**")
			.hasAuthority("person:write")
			.requestMatchers("/accounts", "/accounts/**").hasAuthority("account:manage")
			.requestMatchers("/imports", "/imports/**").hasAuthority("import:run")
			.requestMatchers(HttpMethod.GET, "/audit", "/audit/**").hasAuthority("audit:read");
	}

}

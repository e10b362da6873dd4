package org.wenming.platform.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's access rules for its own URLs. Every module declares one; whatever no module
 * declares is denied.
 */
@FunctionalInterface
public interface HttpAuthorizationRules {

	void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules);

}

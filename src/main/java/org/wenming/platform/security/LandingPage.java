package org.wenming.platform.security;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a form login lands: people whose only roles are 志愿者 and 居民 use the phone pages, so they
 * land on {@code /m}; everyone else on the workbench. A page asked for before signing in (a check-in
 * link, say) wins over both.
 */
class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {

	static final Set<String> PHONE_ROLES = Set.of("ROLE_VOLUNTEER", "ROLE_RESIDENT");

	LandingPage() {
		setDefaultTargetUrl("/");
	}

	@Override
	protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		return isPhoneUser(authentication) ? "/m" : "/";
	}

	/** Whether every role held is a phone role (and there is at least one). */
	static boolean isPhoneUser(Authentication authentication) {
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.collect(java.util.stream.Collectors.toSet());
		return !roles.isEmpty() && PHONE_ROLES.containsAll(roles);
	}

}

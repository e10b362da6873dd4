package org.wenming.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in user of a session on every request (one indexed statement, the same that
 * bearer calls already run), so that a role granted or revoked counts from the next request and a
 * disabled account's session ends even on an instance that did not see the change. Bearer calls
 * load their user fresh anyway and are left alone.
 */
class CurrentAuthoritiesFilter extends OncePerRequestFilter {

	private final UserDetailsService users;

	CurrentAuthoritiesFilter(UserDetailsService users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (!BearerTokenFilter.hasBearer(request) && signedIn != null
				&& signedIn.getPrincipal() instanceof WenmingUser user) {
			WenmingUser fresh = reload(user.getUsername());
			if (fresh == null || !fresh.isEnabled() || fresh.accountId() != user.accountId()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			else {
				fresh.eraseCredentials();
				UsernamePasswordAuthenticationToken current = UsernamePasswordAuthenticationToken.authenticated(fresh,
						null, fresh.getAuthorities());
				current.setDetails(signedIn.getDetails());
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(current);
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

	private WenmingUser reload(String username) {
		try {
			UserDetails user = users.loadUserByUsername(username);
			return user instanceof WenmingUser wenming ? wenming : null;
		}
		catch (UsernameNotFoundException ex) {
			return null;
		}
	}

}

package org.wenming.platform.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.HandlerMapping;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Two filter chains: the JSON API under {@code /api/**} (bearer tokens or the page session, problem
 * documents for every refusal) and the pages (form login, CSRF, sessions in PostgreSQL). Each module
 * adds the rules for its own URLs through {@link HttpAuthorizationRules}; anything else is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	/** The phone pages scan QR codes (camera) and check in or find activities near by (geolocation); nothing else. */
	static final String PERMISSIONS_POLICY = "camera=(self), geolocation=(self), microphone=(), payment=(), usb=(), "
			+ "serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
			+ "display-capture=(), fullscreen=(self)";

	/** The OpenAPI document and Swagger UI, public only with {@code wenming.api-docs-public: true}. */
	static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml" };

	static final String[] SWAGGER_UI = { "/swagger-ui.html", "/swagger-ui/**" };

	private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
			AuthenticationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		// A lock (per account and address) or a disabled account is told only after the right
		// password, and a lock then answers like a wrong password: no answer reveals a user name.
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(user -> {
			if (!user.isAccountNonLocked()) {
				throw new LockedException("locked for this address");
			}
			if (!user.isEnabled()) {
				throw new DisabledException("disabled");
			}
		});
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, List<HttpAuthorizationRules> modules, ApiTokens tokens,
			UserDetailsService users, ProblemWriter problems, LoginThrottle throttle,
			@Value("${wenming.api-docs-public:false}") boolean apiDocsPublic) throws Exception {
		ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
		http.securityMatcher(concat("/api/**", API_DOCS))
			.authorizeHttpRequests(rules -> {
				rules.requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll();
				openIf(apiDocsPublic, rules.requestMatchers(HttpMethod.GET, API_DOCS));
				rules.requestMatchers(HttpMethod.DELETE, "/api/v1/auth/token").authenticated();
				modules.forEach(module -> module.configure(rules));
				rules.anyRequest().denyAll();
			})
			.csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokenFilter::hasBearer,
					PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/auth/token")))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.addFilterBefore(new LoginThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new BearerTokenFilter(tokens, users, entryPoint), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new CurrentAuthoritiesFilter(users), AnonymousAuthenticationFilter.class)
			.exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler((request, response, denied) -> {
					// The CSRF filter refuses before anyone is known: a caller with neither token nor
					// session is asked to sign in (401), not told that it may not (403).
					if (TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())) {
						problems.write(request, response, 403, "error.forbidden");
					}
					else {
						entryPoint.commence(request, response,
								new InsufficientAuthenticationException(denied.getMessage(), denied));
					}
				}))
			.headers(headers -> hstsAndPermissions(headers).contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, List<HttpAuthorizationRules> modules, LoginThrottle throttle,
			ProblemWriter problems, UserDetailsService users, ApiTokens tokens, AuthenticationManager authentication,
			@Value("${wenming.api-docs-public:false}") boolean apiDocsPublic,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<HandlerMapping> pages) throws Exception {
		// The form login uses the same manager as the token endpoint (its checks reveal nothing).
		http.authenticationManager(authentication);
		http.authorizeHttpRequests(rules -> {
			publicPaths(rules);
			openIf(apiDocsPublic, rules.requestMatchers(SWAGGER_UI));
			rules.requestMatchers("/", "/workbench", "/notifications", "/notifications/**", "/preferences/**")
				.authenticated();
			modules.forEach(module -> module.configure(rules));
			rules.anyRequest().denyAll();
		})
			// A signed-in user who may not open a page gets the 403 page; one who asks for a page that
			// does not exist (refused by denyAll before any controller is reached) gets the 404 page.
			.exceptionHandling(handling -> handling.accessDeniedHandler((request, response, denied) -> response
				.sendError(exists(pages.getIfAvailable(), request) ? 403 : 404)))
			.formLogin(form -> form.loginPage("/login").successHandler(new LandingPage()).failureUrl("/login?error")
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
				.addLogoutHandler((request, response, signedIn) -> {
					if (signedIn != null && request.getParameter("revokeTokens") != null) {
						tokens.revokeAll(signedIn.getName());
					}
				}))
			.addFilterBefore(new LoginThrottleFilter(throttle, problems), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new CurrentAuthoritiesFilter(users), AnonymousAuthenticationFilter.class)
			.headers(headers -> hstsAndPermissions(headers).contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/** Whether a controller answers the request's path (with any method); unknown: assumed so. */
	private static boolean exists(HandlerMapping pages, HttpServletRequest request) {
		if (pages == null) {
			return true;
		}
		boolean parsed = org.springframework.web.util.ServletRequestPathUtils.hasParsedRequestPath(request);
		try {
			if (!parsed) {
				org.springframework.web.util.ServletRequestPathUtils.parseAndCache(request);
			}
			return pages.getHandler(request) != null;
		}
		catch (Exception ex) {
			// Wrong method or media type: the path is known.
			return true;
		}
		finally {
			if (!parsed) {
				org.springframework.web.util.ServletRequestPathUtils.clearParsedRequestPath(request);
			}
		}
	}

	private static void publicPaths(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
		rules.requestMatchers("/login", "/error", "/favicon.ico", "/webjars/**", "/css/**", "/js/**", "/img/**",
				"/fonts/**", "/actuator/health", "/preferences/large-font")
			.permitAll();
	}

	private static void openIf(boolean open, AuthorizeHttpRequestsConfigurer<?>.AuthorizedUrl paths) {
		if (open) {
			paths.permitAll();
		}
		else {
			paths.authenticated();
		}
	}

	/**
	 * HSTS on secure requests (also behind a trusted proxy that says {@code X-Forwarded-Proto: https})
	 * and the Permissions-Policy; the session cookie is {@code Secure} on the same requests (Spring
	 * Session's cookie serializer follows {@code request.isSecure()}).
	 */
	private static HeadersConfigurer<HttpSecurity> hstsAndPermissions(HeadersConfigurer<HttpSecurity> headers) {
		return headers.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
	}

	private static String[] concat(String first, String... more) {
		String[] all = new String[more.length + 1];
		all[0] = first;
		System.arraycopy(more, 0, all, 1, more.length);
		return all;
	}

}

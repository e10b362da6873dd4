package org.wenming.platform.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.wenming.platform.DomainException;
import org.wenming.platform.security.ApiTokens;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchanges a user name and password for an API bearer token.
 */
@RestController
@RequestMapping("/api/v1/auth")
class TokenController {

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	TokenController(AuthenticationManager authentication, ApiTokens tokens) {
		this.authentication = authentication;
		this.tokens = tokens;
	}

	@PostMapping("/token")
	TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken
			.unauthenticated(request.username(), request.password());
		// A web login like the form's: the login audit records only attempts that carry web details.
		attempt.setDetails(new WebAuthenticationDetails(http));
		try {
			Authentication result = authentication.authenticate(attempt);
			ApiTokens.IssuedToken issued = tokens.issue(result.getName());
			return new TokenResponse(issued.token(), issued.expiresAt());
		}
		catch (DisabledException ex) {
			// Only after the right password: someone guessing never learns that the account exists.
			throw new AuthenticationFailed("error.accountUnavailable");
		}
		catch (AuthenticationException ex) {
			// Unknown name, wrong password and a lock (for this address) answer alike.
			throw new AuthenticationFailed("error.badCredentials");
		}
	}

	/** Revokes the token the call is made with; it no longer works on any instance. */
	@DeleteMapping("/token")
	@Operation(summary = "Revoke the calling bearer token", description = "Ends the token given in the "
			+ "Authorization header at once; later calls with it answer 401. Signing out on the pages with "
			+ "\"revokeTokens\" ends all of a person's tokens.")
	@ApiResponse(responseCode = "204", description = "The token is revoked")
	ResponseEntity<Void> revoke(HttpServletRequest http) {
		String header = http.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			tokens.revoke(header.substring(7).trim());
		}
		return ResponseEntity.noContent().build();
	}

	record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
	}

	record TokenResponse(String token, Instant expiresAt) {
	}

	static class AuthenticationFailed extends DomainException {

		AuthenticationFailed(String code) {
			super(HttpStatus.UNAUTHORIZED, null, code);
		}

	}

}

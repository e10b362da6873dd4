package org.wenming.directory.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.wenming.directory.Account;
import org.wenming.directory.Accounts;
import org.wenming.directory.Role;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.Page;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts with their role assignments, and who the caller is.
 */
@RestController
@Validated
class AccountApi {

	private final Accounts accounts;

	AccountApi(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/me")
	Me me(@AuthenticationPrincipal WenmingUser user) {
		Account account = accounts.findByUsername(user.getUsername()).orElseThrow();
		return new Me(account.id(), account.personId(), account.personName(), account.username(), account.roles());
	}

	@GetMapping("/api/v1/accounts")
	Page<Account> list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return accounts.search(q, page, size);
	}

	@GetMapping("/api/v1/accounts/{id}")
	Account get(@PathVariable long id) {
		return accounts.get(id);
	}

	@PostMapping("/api/v1/accounts")
	ResponseEntity<Account> create(@Valid @RequestBody CreateAccount body) {
		long id = accounts.create(body.personId(), body.username(), body.password(),
				body.roles() == null ? List.of()
						: body.roles().stream().map(r -> new Accounts.Grant(r.role(), r.orgId())).toList());
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + id)).body(accounts.get(id));
	}

	@PostMapping("/api/v1/accounts/{id}/roles")
	Account grant(@PathVariable long id, @Valid @RequestBody RoleBody body) {
		accounts.grant(id, body.role(), body.orgId());
		return accounts.get(id);
	}

	@DeleteMapping("/api/v1/accounts/{id}/roles/{assignmentId}")
	Account revoke(@PathVariable long id, @PathVariable long assignmentId) {
		accounts.revoke(id, assignmentId);
		return accounts.get(id);
	}

	/**
	 * Sets a new password. For an account with admin permissions {@code callerPassword}, the
	 * caller's own password, is required; the account's sessions and tokens end.
	 */
	@PostMapping("/api/v1/accounts/{id}/password")
	ResponseEntity<Void> resetPassword(@PathVariable long id, @Valid @RequestBody PasswordBody body) {
		accounts.resetPassword(id, body.password(), body.callerPassword());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/accounts/{id}/enable")
	Account enable(@PathVariable long id) {
		accounts.setEnabled(id, true);
		return accounts.get(id);
	}

	/** Disables the account; its sessions and tokens end at once. */
	@PostMapping("/api/v1/accounts/{id}/disable")
	Account disable(@PathVariable long id) {
		accounts.setEnabled(id, false);
		return accounts.get(id);
	}

	@PostMapping("/api/v1/accounts/{id}/unlock")
	Account unlock(@PathVariable long id) {
		accounts.unlock(id);
		return accounts.get(id);
	}

	record PasswordBody(@NotBlank @Size(max = 128) String password, @Size(max = 128) String callerPassword) {
	}

	record CreateAccount(@NotNull Long personId, @NotBlank @Size(max = 64) String username,
			@NotBlank @Size(max = 128) String password, List<@Valid RoleBody> roles) {
	}

	record RoleBody(@NotNull Role role, @NotNull Long orgId) {
	}

	record Me(long accountId, long personId, String name, String username, List<Account.RoleAssignment> roles) {
	}

}

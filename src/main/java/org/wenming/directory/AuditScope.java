package org.wenming.directory;

import java.time.LocalDate;
import java.util.Optional;

import org.wenming.platform.audit.AuditQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits audit-log queries to the caller's org subtrees: every org of the subtrees the audit
 * permission covers; entries of no org (logins) only for whoever covers a root org.
 */
@Service
public class AuditScope {

	private final DataScopes scopes;

	private final OrgDirectory orgs;

	AuditScope(DataScopes scopes, OrgDirectory orgs) {
		this.scopes = scopes;
		this.orgs = orgs;
	}

	@Transactional(readOnly = true)
	public AuditQuery query(String actor, String action, String entityType, LocalDate from, LocalDate to) {
		DataScope scope = scopes.current(Permission.AUDIT_READ);
		if (scope.coversEverything()) {
			return new AuditQuery(actor, action, entityType, from, to, null, true);
		}
		boolean root = scope.roots().stream().anyMatch(path -> path.indexOf('/', 1) == path.length() - 1);
		return new AuditQuery(actor, action, entityType, from, to, orgs.subtreeIds(scope), root);
	}

	/** The first org of the caller's audit scope, to file the caller's own audit entries under. */
	@Transactional(readOnly = true)
	public Optional<Long> primaryOrgId() {
		return scopes.current(Permission.AUDIT_READ).rootOrgIds().stream().findFirst();
	}

}

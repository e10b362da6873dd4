package org.wenming.directory;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.wenming.platform.audit.AuditQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

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
		Set<Long> ids = new LinkedHashSet<>();
		boolean root = false;
		for (String path : scopes.current(Permission.AUDIT_READ).roots()) {
			String[] segments = StringUtils.tokenizeToStringArray(path, "/");
			if (segments.length == 0) {
				return new AuditQuery(actor, action, entityType, from, to, null, true);
			}
			root |= segments.length == 1;
			ids.addAll(orgs.subtreeIds(Long.parseLong(segments[segments.length - 1])));
		}
		return new AuditQuery(actor, action, entityType, from, to, ids, root);
	}

	/** The first org of the caller's audit scope, to file the caller's own audit entries under. */
	@Transactional(readOnly = true)
	public Optional<Long> primaryOrgId() {
		return scopes.current(Permission.AUDIT_READ).roots().stream().sorted().findFirst()
			.map(path -> StringUtils.tokenizeToStringArray(path, "/"))
			.filter(segments -> segments.length > 0)
			.map(segments -> Long.parseLong(segments[segments.length - 1]));
	}

}

package org.wenming.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.wenming.platform.audit.AuditQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits audit-log queries to the caller's org subtrees; entries without an org (logins) are seen
 * only by whoever's scope holds a root org.
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
		List<Long> ids = new ArrayList<>();
		boolean root = false;
		for (String path : scope.roots()) {
			String[] parts = path.split("/");
			long id = Long.parseLong(parts[parts.length - 1]);
			ids.addAll(orgs.subtreeIds(id));
			root |= parts.length == 2;
		}
		return new AuditQuery(actor, action, entityType, from, to, ids, root);
	}

}

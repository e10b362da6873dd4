package org.wenming.plan;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.wenming.directory.DataScope;
import org.wenming.directory.DataScopes;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;

import org.springframework.stereotype.Component;

/**
 * The caller's data scope applied to the orgs that tasks and submissions name. What the caller may
 * not read does not exist for it (404); what it may read but not change is forbidden (403).
 */
@Component
class PlanAccess {

	private final DataScopes scopes;

	private final OrgDirectory orgs;

	PlanAccess(DataScopes scopes, OrgDirectory orgs) {
		this.scopes = scopes;
		this.orgs = orgs;
	}

	boolean covers(Permission permission, long orgId) {
		DataScope scope = scopes.current(permission);
		return !scope.isEmpty() && orgs.find(orgId).map(scope::covers).orElse(false);
	}

	boolean coversAny(Permission permission, Collection<Long> orgIds) {
		DataScope scope = scopes.current(permission);
		if (scope.isEmpty()) {
			return false;
		}
		for (Long orgId : new LinkedHashSet<>(orgIds)) {
			if (orgs.find(orgId).map(scope::covers).orElse(false)) {
				return true;
			}
		}
		return false;
	}

	/** Ids of every org in the caller's scope for the permission (for queries by org id). */
	Long[] idsInScope(Permission permission) {
		return orgs.subtreeIds(scopes.current(permission)).toArray(Long[]::new);
	}

	/**
	 * The orgs the caller works for: those its roles are held at (the roots of its plan scopes), not
	 * everything below them.
	 */
	Long[] ownOrgIds(Permission... permissions) {
		Set<Long> ids = new LinkedHashSet<>();
		for (Permission permission : permissions) {
			ids.addAll(scopes.current(permission).rootOrgIds());
		}
		return ids.toArray(Long[]::new);
	}

	/**
	 * Passes when the caller may write to {@code orgId}; otherwise forbidden when it may read one of
	 * {@code readableVia}, not found when not even that.
	 */
	void requireWrite(long orgId, Collection<Long> readableVia) {
		if (covers(Permission.PLAN_WRITE, orgId)) {
			return;
		}
		throw coversAny(Permission.PLAN_READ, readableVia) ? DomainException.forbidden() : DomainException.notFound();
	}

	void requireWrite(long orgId) {
		requireWrite(orgId, List.of(orgId));
	}

}

package org.wenming.volunteer.web;

import java.util.List;

import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The orgs the volunteer pages offer: those of the caller's scope, or every community for residents. */
@Component
class VolunteerChoices {

	private final OrgDirectory orgs;

	private final DataScopes scopes;

	private final JdbcClient jdbc;

	VolunteerChoices(OrgDirectory orgs, DataScopes scopes, JdbcClient jdbc) {
		this.orgs = orgs;
		this.scopes = scopes;
		this.jdbc = jdbc;
	}

	/** Open orgs in the caller's scope for the permission, in tree order. */
	@Transactional(readOnly = true)
	List<OrgOption> inScope(Permission permission) {
		var scope = scopes.current(permission);
		return DataScopes.asSystem(() -> orgs.visibleTree(false)).stream()
			.filter(scope::covers)
			.map(org -> new OrgOption(org.id(), "\u3000".repeat(Math.max(0, org.depth() - depthOfRoot(scope))) + org.name()))
			.toList();
	}

	/** Open orgs in the caller's scope for the permission, each with its full path, for the org picker. */
	@Transactional(readOnly = true)
	List<org.wenming.platform.web.PickerSearch.Choice> paths(Permission permission) {
		var scope = scopes.current(permission);
		List<Org> open = DataScopes.asSystem(() -> orgs.visibleTree(false)).stream().filter(scope::covers).toList();
		java.util.Map<Long, String> labels = orgs.pathNames(open);
		return open.stream()
			.map(o -> org.wenming.platform.web.PickerSearch.Choice.of(o.id(), labels.get(o.id()), null))
			.toList();
	}

	private int depthOfRoot(org.wenming.directory.DataScope scope) {
		return scope.rootOrgIds().stream().map(orgs::find).flatMap(java.util.Optional::stream).mapToInt(Org::depth)
			.min().orElse(0);
	}

	record OrgOption(long id, String name) {
	}

}

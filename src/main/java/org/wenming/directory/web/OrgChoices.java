package org.wenming.directory.web;

import java.util.List;
import java.util.function.Predicate;

import org.wenming.directory.DataScope;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;

import org.springframework.stereotype.Component;

/**
 * The orgs a form may offer: open ones the caller can see, narrowed to what a permission covers.
 */
@Component
class OrgChoices {

	private final OrgDirectory orgs;

	private final DataScopes scopes;

	OrgChoices(OrgDirectory orgs, DataScopes scopes) {
		this.orgs = orgs;
		this.scopes = scopes;
	}

	/** Every open org the caller can see. */
	List<Option> visible() {
		return Option.orgs(orgs.visibleTree(false));
	}

	/** Open orgs whose subtree the caller holds the permission for. */
	List<Option> covered(Permission permission) {
		return Option.orgs(open(permission, org -> true));
	}

	/** Open communities and villages (where people live) the caller holds the permission for. */
	List<Option> residential(Permission permission) {
		return Option.orgs(open(permission, org -> org.type().isResidential()));
	}

	/** Communities and villages the caller can see. */
	List<Option> residential() {
		return Option.orgs(orgs.visibleTree(false).stream().filter(org -> org.type().isResidential()).toList());
	}

	List<Org> open(Permission permission, Predicate<Org> filter) {
		DataScope scope = scopes.current(permission);
		return orgs.visibleTree(false).stream().filter(scope::covers).filter(filter).toList();
	}

}

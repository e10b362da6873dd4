package org.wenming.directory.web;

import java.util.List;
import java.util.function.Predicate;

import org.wenming.directory.DataScope;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.platform.web.PickerSearch;

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

	/**
	 * Open orgs whose subtree the caller holds the permission for, each shown with its full path
	 * ("示范市 / 和平街道 / 和平社区 / 办公室"), for the org picker.
	 */
	List<PickerSearch.Choice> paths(Permission permission) {
		return paths(open(permission, org -> true));
	}

	/** Open communities and villages the caller holds the permission for, with their full path. */
	List<PickerSearch.Choice> residentialPaths(Permission permission) {
		return paths(open(permission, org -> org.type().isResidential()));
	}

	private List<PickerSearch.Choice> paths(List<Org> orgs) {
		java.util.Map<Long, String> labels = this.orgs.pathNames(orgs);
		return orgs.stream().map(org -> PickerSearch.Choice.of(org.id(), labels.get(org.id()), null)).toList();
	}

	List<Org> open(Permission permission, Predicate<Org> filter) {
		DataScope scope = scopes.current(permission);
		return orgs.visibleTree(false).stream().filter(scope::covers).filter(filter).toList();
	}

}

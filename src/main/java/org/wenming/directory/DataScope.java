package org.wenming.directory;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The org subtrees a caller may act on for one permission, given by the paths of their roots.
 * Every query and command of every module narrows itself with it.
 */
public record DataScope(Permission permission, Set<String> rootPaths) {

	public boolean isEmpty() {
		return rootPaths.isEmpty();
	}

	public boolean covers(String orgPath) {
		return orgPath != null && rootPaths.stream().anyMatch(orgPath::startsWith);
	}

	public boolean covers(Org org) {
		return covers(org.path());
	}

	/**
	 * An SQL condition that holds when the path column lies in scope, with its parameters
	 * appended to {@code params} ({@code false} when the scope is empty).
	 */
	public String sqlCondition(String pathColumn, Collection<Object> params) {
		if (rootPaths.isEmpty()) {
			return "false";
		}
		params.add(rootPaths.stream().map(path -> path + "%").toArray(String[]::new));
		return pathColumn + " like any(?)";
	}

	public List<String> roots() {
		return List.copyOf(rootPaths);
	}

	/** Whether the scope is the whole tree (the system itself). */
	public boolean coversEverything() {
		return rootPaths.contains("/");
	}

	/** The ids of the orgs at the roots of the scope, in path order; none for the whole tree. */
	public List<Long> rootOrgIds() {
		return rootPaths.stream().sorted().filter(path -> !path.equals("/")).map(DataScope::orgIdOf).toList();
	}

	/** The id of the org a path such as {@code /1/4/9/} ends at. */
	public static long orgIdOf(String path) {
		String trimmed = path.substring(0, path.length() - 1);
		return Long.parseLong(trimmed.substring(trimmed.lastIndexOf('/') + 1));
	}

}

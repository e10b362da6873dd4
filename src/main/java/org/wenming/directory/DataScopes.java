package org.wenming.directory;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Computes the caller's {@link DataScope} from their role assignments, once per request. Work
 * that runs for the system itself (demo data, scheduled jobs) runs inside {@link #asSystem}.
 */
@Service
public class DataScopes {

	private static final String CACHE = DataScopes.class.getName() + ".cache";

	private static final ThreadLocal<Boolean> SYSTEM = ThreadLocal.withInitial(() -> false);

	private final JdbcClient jdbc;

	DataScopes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Runs work with the whole tree in scope. */
	public static <T> T asSystem(Supplier<T> work) {
		boolean before = SYSTEM.get();
		SYSTEM.set(true);
		try {
			return work.get();
		}
		finally {
			SYSTEM.set(before);
		}
	}

	/** Whether the current thread works as the system (inside {@link #asSystem}) rather than for a caller. */
	public static boolean isSystem() {
		return SYSTEM.get();
	}

	public static void asSystem(Runnable work) {
		asSystem(() -> {
			work.run();
			return null;
		});
	}

	/** The current caller's scope for a permission. */
	@Transactional(readOnly = true)
	public DataScope current(Permission permission) {
		if (SYSTEM.get()) {
			return new DataScope(permission, Set.of("/"));
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof WenmingUser user)) {
			return new DataScope(permission, Set.of());
		}
		return forAccount(user.accountId()).get(permission);
	}

	/** Throws "not found" unless the org lies in the caller's scope for the permission. */
	public void require(Permission permission, String orgPath) {
		if (!current(permission).covers(orgPath)) {
			throw DomainException.notFound();
		}
	}

	@SuppressWarnings("unchecked")
	Map<Permission, DataScope> forAccount(long accountId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		String key = CACHE + "." + accountId;
		if (request != null && request.getAttribute(key, RequestAttributes.SCOPE_REQUEST) instanceof Map<?, ?> cached) {
			return (Map<Permission, DataScope>) cached;
		}
		List<Assignment> assignments = jdbc.sql("""
				select r.role, o.path from role_assignment r join org o on o.id = r.org_id
				where r.account_id = ? and o.closed_at is null""")
			.param(accountId)
			.query((rs, i) -> new Assignment(Role.valueOf(rs.getString(1)), rs.getString(2)))
			.list();
		Map<Permission, DataScope> scopes = new EnumMap<>(Permission.class);
		for (Permission permission : Permission.values()) {
			Set<String> roots = new LinkedHashSet<>();
			assignments.stream().filter(a -> a.role().grants(permission)).map(Assignment::path).sorted()
				.forEach(path -> {
					if (roots.stream().noneMatch(path::startsWith)) {
						roots.add(path);
					}
				});
			scopes.put(permission, new DataScope(permission, Set.copyOf(roots)));
		}
		if (request != null) {
			request.setAttribute(key, scopes, RequestAttributes.SCOPE_REQUEST);
		}
		return scopes;
	}

	private record Assignment(Role role, String path) {
	}

}

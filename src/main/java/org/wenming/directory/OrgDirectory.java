package org.wenming.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The org tree: read within the caller's scope, create, rename, move without cycles, and close
 * (a closed org keeps its history and its people).
 */
@Service
public class OrgDirectory {

	static final String COLUMNS = "id, parent_id, name, type, division_code, path, depth, closed_at";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final AuditLog audit;

	OrgDirectory(JdbcClient jdbc, DataScopes scopes, AuditLog audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
	}

	/** An org the caller may read; "not found" otherwise. */
	@Transactional(readOnly = true)
	public Org get(long id) {
		return find(id).filter(org -> scopes.current(Permission.ORG_READ).covers(org))
			.orElseThrow(DomainException::notFound);
	}

	/** An org regardless of scope, for modules that check scope themselves. */
	@Transactional(readOnly = true)
	public Optional<Org> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from org where id = ?").param(id).query(OrgDirectory::map).optional();
	}

	/** Every org the caller may read, in tree order. */
	@Transactional(readOnly = true)
	public List<Org> visibleTree(boolean includeClosed) {
		List<Object> params = new ArrayList<>();
		String condition = scopes.current(Permission.ORG_READ).sqlCondition("path", params);
		return jdbc.sql("select " + COLUMNS + " from org where " + condition
				+ (includeClosed ? "" : " and closed_at is null") + " order by path")
			.params(params)
			.query(OrgDirectory::map)
			.list();
	}

	/**
	 * Each org's full path of names from the root, such as "示范市 / 和平街道 / 和平社区 / 办公室", so
	 * that orgs of the same name can be told apart. Names of ancestors outside the caller's scope
	 * are shown too: only names, which the path needs to make sense.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> pathNames(Collection<Org> of) {
		Set<Long> ids = new HashSet<>();
		for (Org org : of) {
			for (String part : org.path().split("/")) {
				if (!part.isEmpty()) {
					ids.add(Long.parseLong(part));
				}
			}
		}
		java.util.Map<Long, String> names = new java.util.HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, name from org where id = any(?)")
				.param(ids.toArray(Long[]::new))
				.query((rs, i) -> names.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		java.util.Map<Long, String> labels = new java.util.LinkedHashMap<>();
		for (Org org : of) {
			List<String> parts = new ArrayList<>();
			for (String part : org.path().split("/")) {
				if (!part.isEmpty()) {
					parts.add(names.getOrDefault(Long.parseLong(part), "?"));
				}
			}
			labels.put(org.id(), String.join(" / ", parts));
		}
		return labels;
	}

	/** Ids of an org and everything below it (open or closed). */
	@Transactional(readOnly = true)
	public List<Long> subtreeIds(long orgId) {
		Org org = find(orgId).orElseThrow(DomainException::notFound);
		return jdbc.sql("select id from org where path like ?").param(org.path() + "%").query(Long.class).list();
	}

	/** Ids of every org (open or closed) the scope covers, in one query. */
	@Transactional(readOnly = true)
	public List<Long> subtreeIds(DataScope scope) {
		List<Object> params = new ArrayList<>();
		String condition = scope.sqlCondition("path", params);
		return jdbc.sql("select id from org where " + condition).params(params).query(Long.class).list();
	}

	/** Finds an open org by name among those the caller may read (import files name orgs). */
	@Transactional(readOnly = true)
	public List<Org> findByName(String name) {
		List<Object> params = new ArrayList<>();
		params.add(name.trim());
		String condition = scopes.current(Permission.ORG_READ).sqlCondition("path", params);
		return jdbc.sql("select " + COLUMNS + " from org where name = ? and closed_at is null and " + condition)
			.params(params)
			.query(OrgDirectory::map)
			.list();
	}

	@Transactional
	public Org create(Long parentId, String name, OrgType type, String divisionCode) {
		String checkedName = checkName(name);
		if (type == null) {
			throw DomainException.onField("type", "org.type.required");
		}
		String code = checkCode(divisionCode);
		Org parent = null;
		if (parentId == null) {
			if (!scopes.current(Permission.ORG_WRITE).covers("/")) {
				throw DomainException.onField("parentId", "org.parent.required");
			}
		}
		else {
			parent = writable(parentId);
			if (parent.isClosed()) {
				throw DomainException.onField("parentId", "org.parent.closed");
			}
		}
		long id = insert(parent, checkedName, type, code).id();
		audit.record("CREATE", "org", id, id, "新建组织：" + checkedName + "（" + type.label() + "）");
		return find(id).orElseThrow();
	}

	/** The problems of an org's name, type and division code; empty when they can be stored. */
	public List<FieldProblem> validate(String name, OrgType type, String divisionCode) {
		List<FieldProblem> problems = new ArrayList<>();
		try {
			checkName(name);
		}
		catch (DomainException ex) {
			problems.add(new FieldProblem("name", ex.code()));
		}
		if (type == null) {
			problems.add(new FieldProblem("type", "org.type.required"));
		}
		try {
			checkCode(divisionCode);
		}
		catch (DomainException ex) {
			problems.add(new FieldProblem("divisionCode", ex.code()));
		}
		return problems;
	}

	/** Which of these division codes open orgs already have. */
	@Transactional(readOnly = true)
	public Set<String> divisionCodesTaken(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select division_code from org where division_code = any(?) and closed_at is null")
			.param(codes.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Stores orgs that {@link #validate} passed, in order; a parent is a stored org the caller may
	 * write to or one stored earlier in the same call. The caller audits the whole import.
	 *
	 * @return the new ids, in the order of {@code orgs}
	 */
	@Transactional
	public List<Long> createAll(List<NewOrg> orgs) {
		List<Org> created = new ArrayList<>(orgs.size());
		DataScope scope = scopes.current(Permission.ORG_WRITE);
		for (NewOrg org : orgs) {
			Org parent;
			if (org.parentIndex() != null) {
				parent = created.get(org.parentIndex());
			}
			else if (org.parentId() != null) {
				parent = find(org.parentId()).filter(p -> scope.covers(p) && !p.isClosed())
					.orElseThrow(() -> DomainException.onField("parent", "org.parent.required"));
			}
			else if (scope.covers("/")) {
				parent = null;
			}
			else {
				throw DomainException.onField("parent", "org.parent.required");
			}
			created.add(insert(parent, checkName(org.name()), org.type(), checkCode(org.divisionCode())));
		}
		return created.stream().map(Org::id).toList();
	}

	private Org insert(Org parent, String name, OrgType type, String code) {
		long id = jdbc.sql("select nextval('org_id_seq')").query(Long.class).single();
		String path = (parent == null ? "/" : parent.path()) + id + "/";
		int depth = parent == null ? 0 : parent.depth() + 1;
		Long parentId = parent == null ? null : parent.id();
		jdbc.sql("""
				insert into org (id, parent_id, name, type, division_code, path, depth)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, parentId, name, type.name(), code, path, depth)
			.update();
		return new Org(id, parentId, name, type, code, path, depth, null);
	}

	@Transactional
	public Org rename(long id, String name, String divisionCode) {
		Org org = writable(id);
		String checkedName = checkName(name);
		String code = checkCode(divisionCode);
		jdbc.sql("update org set name = ?, division_code = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(checkedName, code, id)
			.update();
		audit.record("UPDATE", "org", id, id, "修改组织：" + org.name() + " → " + checkedName);
		return find(id).orElseThrow();
	}

	@Transactional
	public Org move(long id, long newParentId) {
		Org org = writable(id);
		Org parent = writable(newParentId);
		if (org.parentId() == null) {
			throw DomainException.onField("parentId", "org.move.root");
		}
		if (org.contains(parent)) {
			throw DomainException.onField("parentId", "org.move.cycle");
		}
		if (parent.isClosed()) {
			throw DomainException.onField("parentId", "org.parent.closed");
		}
		String newPath = parent.path() + id + "/";
		int depthDelta = parent.depth() + 1 - org.depth();
		jdbc.sql("update org set parent_id = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(newParentId, id)
			.update();
		jdbc.sql("""
				update org set path = ? || substr(path, ?), depth = depth + ?
				where path like ?""")
			.params(newPath, org.path().length() + 1, depthDelta, org.path() + "%")
			.update();
		audit.record("MOVE", "org", id, id, "移动组织：" + org.name() + " 至 " + parent.name() + " 之下");
		return find(id).orElseThrow();
	}

	@Transactional
	public Org close(long id) {
		Org org = writable(id);
		if (org.isClosed()) {
			return org;
		}
		if (org.parentId() == null) {
			throw DomainException.conflict("org.close.root");
		}
		long openChildren = jdbc.sql("select count(*) from org where parent_id = ? and closed_at is null")
			.param(id)
			.query(Long.class)
			.single();
		if (openChildren > 0) {
			throw DomainException.conflict("org.close.children");
		}
		jdbc.sql("update org set closed_at = now(), updated_at = now(), version = version + 1 where id = ?")
			.param(id)
			.update();
		audit.record("CLOSE", "org", id, id, "撤销组织：" + org.name());
		return find(id).orElseThrow();
	}

	private Org writable(long id) {
		Org org = find(id).orElseThrow(DomainException::notFound);
		if (!scopes.current(Permission.ORG_WRITE).covers(org)) {
			throw DomainException.notFound();
		}
		return org;
	}

	private static String checkName(String name) {
		if (!StringUtils.hasText(name)) {
			throw DomainException.onField("name", "org.name.required");
		}
		String trimmed = name.strip();
		if (trimmed.codePointCount(0, trimmed.length()) > 100) {
			throw DomainException.onField("name", "org.name.tooLong");
		}
		return trimmed;
	}

	private static String checkCode(String code) {
		if (!StringUtils.hasText(code)) {
			return null;
		}
		String trimmed = code.trim();
		if (!trimmed.matches("\\d{6}(\\d{3}(\\d{3})?)?")) {
			throw DomainException.onField("divisionCode", "org.divisionCode.format");
		}
		return trimmed;
	}

	/**
	 * An org to create in {@link #createAll}: under the stored org {@code parentId}, or under the
	 * one at {@code parentIndex} of the same call, or at the top when both are {@code null}.
	 */
	public record NewOrg(Long parentId, Integer parentIndex, String name, OrgType type, String divisionCode) {
	}

	static Org map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
		return new Org(rs.getLong("id"), parentId, rs.getString("name"), OrgType.valueOf(rs.getString("type")),
				rs.getString("division_code"), rs.getString("path"), rs.getInt("depth"),
				closed == null ? null : closed.toInstant());
	}

}

package org.wenming.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.wenming.directory.DataScope;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The items of the points stores (爱心超市) of practice sites: every signed-in user sees the active
 * ones; staff with {@code store:manage} keep those of the orgs in their scope.
 */
@Service
public class StoreItems {

	static final String SELECT = """
			select i.id, i.org_id, o.name as org_name, i.name, i.description, i.points, i.stock, i.active
			from store_item i join org o on o.id = i.org_id
			""";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final OrgDirectory orgs;

	private final AuditLog audit;

	StoreItems(JdbcClient jdbc, DataScopes scopes, OrgDirectory orgs, AuditLog audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.orgs = orgs;
		this.audit = audit;
	}

	/** The active items of every store, or of the stores in an org's subtree, cheapest first. */
	@Transactional(readOnly = true)
	public List<StoreItem> active(Long orgId) {
		List<Object> params = new ArrayList<>();
		String where = "i.active";
		if (orgId != null) {
			String path = orgs.find(orgId).map(Org::path).orElse("/none/");
			where += " and o.path like ?";
			params.add(path + "%");
		}
		return jdbc.sql(SELECT + " where " + where + " order by i.points, i.id").params(params)
			.query(StoreItems::map).list();
	}

	/** Every item of the stores in the caller's {@code store:manage} scope. */
	@Transactional(readOnly = true)
	public List<StoreItem> managed() {
		List<Object> params = new ArrayList<>();
		String where = scopes.current(Permission.STORE_MANAGE).sqlCondition("o.path", params);
		return jdbc.sql(SELECT + " where " + where + " order by o.path, i.name, i.id").params(params)
			.query(StoreItems::map).list();
	}

	/** An item of a store in the caller's {@code store:manage} scope. */
	@Transactional(readOnly = true)
	public StoreItem get(long id) {
		StoreItem item = find(id);
		requireScope(item.orgId());
		return item;
	}

	@Transactional
	public StoreItem create(StoreItemCommand command) {
		validate(command);
		requireScope(command.orgId());
		long id = jdbc.sql("""
				insert into store_item (org_id, name, description, points, stock, active, created_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(command.orgId(), command.name().strip(), description(command), command.points(), command.stock(),
					command.active() == null || command.active(), AuditLog.currentActor())
			.query(Long.class)
			.single();
		audit.record("STORE_ITEM_CREATE", "store_item", id, command.orgId(), command.name().strip());
		return find(id);
	}

	/** Changes an item, its stock included; the item stays at its store. */
	@Transactional
	public StoreItem update(long id, StoreItemCommand command) {
		StoreItem item = get(id);
		StoreItemCommand changed = new StoreItemCommand(item.orgId(), command.name(), command.description(),
				command.points(), command.stock(), command.active() == null ? item.active() : command.active());
		validate(changed);
		jdbc.sql("""
				update store_item set name = ?, description = ?, points = ?, stock = ?, active = ?, updated_at = now()
				where id = ?""")
			.params(changed.name().strip(), description(changed), changed.points(), changed.stock(), changed.active(),
					id)
			.update();
		audit.record("STORE_ITEM_UPDATE", "store_item", id, item.orgId(),
				changed.name().strip() + "：" + changed.points() + "/" + changed.stock());
		return find(id);
	}

	StoreItem find(long id) {
		return jdbc.sql(SELECT + " where i.id = ?").param(id).query(StoreItems::map).optional()
			.orElseThrow(DomainException::notFound);
	}

	void requireScope(long orgId) {
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		DataScope scope = scopes.current(Permission.STORE_MANAGE);
		if (!scope.covers(org)) {
			throw DomainException.notFound();
		}
	}

	private static void validate(StoreItemCommand command) {
		if (command.orgId() == null) {
			throw DomainException.onField("orgId", "store.item.org");
		}
		if (!StringUtils.hasText(command.name()) || command.name().strip().length() > 100) {
			throw DomainException.onField("name", "store.item.name", 100);
		}
		if (command.description() != null && command.description().strip().length() > 1000) {
			throw DomainException.onField("description", "store.item.description", 1000);
		}
		if (command.points() == null || command.points() <= 0 || command.points() > 1_000_000) {
			throw DomainException.onField("points", "store.item.points");
		}
		if (command.stock() == null || command.stock() < 0 || command.stock() > 1_000_000) {
			throw DomainException.onField("stock", "store.item.stock");
		}
	}

	private static String description(StoreItemCommand command) {
		return StringUtils.hasText(command.description()) ? command.description().strip() : null;
	}

	static StoreItem map(ResultSet rs, int row) throws SQLException {
		return new StoreItem(rs.getLong("id"), rs.getLong("org_id"), rs.getString("org_name"), rs.getString("name"),
				rs.getString("description"), rs.getInt("points"), rs.getInt("stock"), rs.getBoolean("active"));
	}

}

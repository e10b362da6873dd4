package org.wenming.volunteer;

import java.util.List;

import org.wenming.directory.DataScopes;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service menu: the categories residents order from. Everyone reads the active ones; admins with
 * {@code order:manage} add, rename and deactivate them.
 */
@Service
public class ServiceCategories {

	private static final int NAME_MAX = 50;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final AuditLog audit;

	ServiceCategories(JdbcClient jdbc, DataScopes scopes, AuditLog audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
	}

	/** The categories residents may order from, in menu order. */
	@Transactional(readOnly = true)
	public List<ServiceCategory> active() {
		return jdbc.sql("select id, name, position, active from service_category where active order by position, id")
			.query(ServiceCategory.class)
			.list();
	}

	/** Every category, the inactive ones too. */
	@Transactional(readOnly = true)
	public List<ServiceCategory> all() {
		return jdbc.sql("select id, name, position, active from service_category order by position, id")
			.query(ServiceCategory.class)
			.list();
	}

	@Transactional
	public long add(String name) {
		requireManager();
		String checked = checkedName(name, null);
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from service_category").query(Integer.class).single();
		long id = jdbc.sql("insert into service_category (name, position) values (?, ?) returning id")
			.params(checked, position)
			.query(Long.class)
			.single();
		audit.record("CREATE", "service_category", id, null, "新增服务类别：" + checked);
		return id;
	}

	@Transactional
	public void rename(long id, String name) {
		requireManager();
		ServiceCategory category = get(id);
		String checked = checkedName(name, id);
		jdbc.sql("update service_category set name = ? where id = ?").params(checked, id).update();
		audit.record("UPDATE", "service_category", id, null, "服务类别改名：" + category.name() + " → " + checked);
	}

	/** Takes the category off the menu, or puts it back; orders placed with it keep it. */
	@Transactional
	public void setActive(long id, boolean active) {
		requireManager();
		ServiceCategory category = get(id);
		jdbc.sql("update service_category set active = ? where id = ?").params(active, id).update();
		audit.record("UPDATE", "service_category", id, null, (active ? "启用" : "停用") + "服务类别：" + category.name());
	}

	@Transactional(readOnly = true)
	public ServiceCategory get(long id) {
		return jdbc.sql("select id, name, position, active from service_category where id = ?")
			.param(id)
			.query(ServiceCategory.class)
			.optional()
			.orElseThrow(DomainException::notFound);
	}

	private void requireManager() {
		if (scopes.current(Permission.ORDER_MANAGE).isEmpty()) {
			throw DomainException.forbidden();
		}
	}

	private String checkedName(String name, Long except) {
		String checked = name == null ? "" : name.strip();
		if (checked.isEmpty()) {
			throw DomainException.onField("name", "serviceOrder.category.name.required");
		}
		if (checked.length() > NAME_MAX) {
			throw DomainException.onField("name", "serviceOrder.category.name.tooLong", NAME_MAX);
		}
		boolean taken = jdbc.sql("select count(*) from service_category where name = ? and id <> ?")
			.params(checked, except == null ? -1L : except)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw DomainException.onField("name", "serviceOrder.category.name.taken");
		}
		return checked;
	}

}

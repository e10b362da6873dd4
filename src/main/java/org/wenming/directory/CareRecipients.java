package org.wenming.directory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Care recipients (帮扶对象) of the caller's scope: a person, a type, their needs and the
 * community responsible for them.
 */
@Service
public class CareRecipients {

	private static final String SELECT = """
			select c.id, c.person_id, p.name, p.id_number_masked, p.phone_masked, c.type, c.needs,
			       c.responsible_org_id, o.name as org_name, c.closed_at
			from care_recipient c join person p on p.id = c.person_id join org o on o.id = c.responsible_org_id
			""";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final People people;

	private final OrgDirectory orgs;

	private final AuditLog audit;

	CareRecipients(JdbcClient jdbc, DataScopes scopes, People people, OrgDirectory orgs, AuditLog audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.people = people;
		this.orgs = orgs;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Page<CareRecipient> search(CareRecipientType type, Long orgId, String name, int page, int size) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(scopes.current(Permission.PERSON_READ).sqlCondition("o.path", params));
		where.append(" and c.closed_at is null");
		if (type != null) {
			where.append(" and c.type = ?");
			params.add(type.name());
		}
		if (orgId != null) {
			Org org = orgs.find(orgId).orElse(null);
			where.append(" and o.path like ?");
			params.add((org == null ? "/none/" : org.path()) + "%");
		}
		if (StringUtils.hasText(name)) {
			where.append(" and p.name like ?");
			params.add("%" + name.strip().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		long total = jdbc.sql("select count(*) from care_recipient c join person p on p.id = c.person_id "
				+ "join org o on o.id = c.responsible_org_id where " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add((long) page * size);
		pageParams.add(size);
		List<CareRecipient> items = jdbc.sql(SELECT + " where " + where + " order by c.id desc offset ? limit ?")
			.params(pageParams)
			.query(CareRecipients::map)
			.list();
		return new Page<>(items, page, size, total, null);
	}

	@Transactional(readOnly = true)
	public List<CareRecipient> ofPerson(long personId) {
		people.get(personId);
		return jdbc.sql(SELECT + " where c.person_id = ? order by c.id").param(personId).query(CareRecipients::map).list();
	}

	@Transactional
	public long register(long personId, CareRecipientType type, String needs, long responsibleOrgId) {
		Person person = people.get(personId);
		if (type == null) {
			throw DomainException.onField("type", "care.type.required");
		}
		// Unknown and out-of-scope orgs get the same answer.
		Org org = orgs.find(responsibleOrgId).filter(o -> scopes.current(Permission.PERSON_WRITE).covers(o))
			.orElseThrow(() -> DomainException.onField("responsibleOrgId", "person.org.outOfScope"));
		if (!org.type().isResidential() || org.isClosed()) {
			throw DomainException.onField("responsibleOrgId", "care.org.notCommunity");
		}
		long open = jdbc.sql("select count(*) from care_recipient where person_id = ? and type = ? and closed_at is null")
			.params(personId, type.name())
			.query(Long.class)
			.single();
		if (open > 0) {
			throw DomainException.conflict("care.duplicate", person.name(), type.label());
		}
		long id = jdbc.sql("""
				insert into care_recipient (person_id, type, needs, responsible_org_id) values (?, ?, ?, ?) returning id""")
			.params(personId, type.name(), needs == null ? "" : needs.strip(), responsibleOrgId)
			.query(Long.class)
			.single();
		audit.record("CREATE", "care_recipient", id, responsibleOrgId, "登记帮扶对象：" + person.name() + "（" + type.label() + "）");
		return id;
	}

	@Transactional
	public void close(long id) {
		List<Object> params = new ArrayList<>();
		params.add(id);
		String scope = scopes.current(Permission.PERSON_WRITE).sqlCondition("o.path", params);
		CareRecipient recipient = jdbc.sql(SELECT + " where c.id = ? and " + scope)
			.params(params)
			.query(CareRecipients::map)
			.optional()
			.orElseThrow(DomainException::notFound);
		jdbc.sql("update care_recipient set closed_at = now(), version = version + 1 where id = ? and closed_at is null")
			.param(id)
			.update();
		audit.record("CLOSE", "care_recipient", id, recipient.responsibleOrgId(), "结束帮扶：" + recipient.personName());
	}

	static CareRecipient map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
		return new CareRecipient(rs.getLong("id"), rs.getLong("person_id"), rs.getString("name"),
				rs.getString("id_number_masked"), rs.getString("phone_masked"),
				CareRecipientType.valueOf(rs.getString("type")), rs.getString("needs"), rs.getLong("responsible_org_id"),
				rs.getString("org_name"), closed == null ? null : closed.toInstant());
	}

}

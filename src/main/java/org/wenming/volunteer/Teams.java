package org.wenming.volunteer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.security.WenmingUser;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Volunteer teams (志愿服务队): created by an org's admins with a leader, joined by application and
 * the leader's (or an admin's) approval, left, and closed. Nobody is an active member of more than
 * {@code wenming.volunteer.max-teams-per-person} teams.
 */
@Service
public class Teams {

	private static final String SELECT = """
			select t.*, o.name as org_name, p.name as leader_name,
			       (select count(*) from team_member m where m.team_id = t.id and m.status = 'ACTIVE') as members
			from volunteer_team t join org o on o.id = t.org_id join person p on p.id = t.leader_person_id""";

	private static final String MEMBERS = """
			select m.*, t.name as team_name, p.name as person_name from team_member m
			join volunteer_team t on t.id = m.team_id join person p on p.id = m.person_id""";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final OrgDirectory orgs;

	private final VolunteerProperties properties;

	private final Volunteers volunteers;

	private final AuditLog audit;

	private final Clock clock;

	Teams(JdbcClient jdbc, DataScopes scopes, OrgDirectory orgs, VolunteerProperties properties, Volunteers volunteers,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.orgs = orgs;
		this.properties = properties;
		this.volunteers = volunteers;
		this.audit = audit;
		this.clock = clock;
	}

	/** Creates a team of an org in the caller's scope; the leader gets no role by it. */
	@Transactional
	public Team create(NewTeam team) {
		// Unknown and out-of-scope orgs get the same answer (404), as do unknown and out-of-scope leaders.
		Org org = Optional.ofNullable(team.orgId()).flatMap(orgs::find)
			.filter(o -> scopes.current(Permission.VOLUNTEER_WRITE).covers(o))
			.orElseThrow(DomainException::notFound);
		if (org.isClosed()) {
			throw DomainException.onField("orgId", "volunteer.org.unknown");
		}
		if (!StringUtils.hasText(team.name())) {
			throw DomainException.onField("name", "volunteer.team.name.required");
		}
		if (team.leaderPersonId() == null || volunteers.personInScope(team.leaderPersonId()).isEmpty()) {
			throw DomainException.onField("leaderPersonId", "volunteer.person.unknown");
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into volunteer_team (name, org_id, leader_person_id, description, service_areas)
					values (?, ?, ?, ?, ?) returning id""")
				.params(team.name().strip(), org.id(), team.leaderPersonId(),
						team.description() == null ? "" : team.description().strip(),
						team.serviceAreas() == null ? "" : team.serviceAreas().strip())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("volunteer.team.name.taken");
		}
		audit.record("CREATE", "volunteer_team", id, org.id(), "成立志愿服务队：" + team.name().strip());
		return load(id);
	}

	/** A team the caller may read (admins in scope, its leader and its members). */
	@Transactional(readOnly = true)
	public Team get(long id) {
		Team team = find(id).orElseThrow(DomainException::notFound);
		if (!canRead(team)) {
			throw DomainException.notFound();
		}
		return team;
	}

	/** Teams of the caller's scope ({@code volunteer:read}), of an org's subtree if given. */
	@Transactional(readOnly = true)
	public List<Team> list(Long orgId, boolean includeClosed) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder(SELECT).append(" where ")
			.append(scopes.current(Permission.VOLUNTEER_READ).sqlCondition("o.path", params));
		if (orgId != null) {
			Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
			scopes.require(Permission.VOLUNTEER_READ, org.path());
			sql.append(" and o.path like ?");
			params.add(org.path() + "%");
		}
		if (!includeClosed) {
			sql.append(" and t.closed_at is null");
		}
		sql.append(" order by o.path, t.name limit 500");
		return jdbc.sql(sql.toString()).params(params).query(Teams::map).list();
	}

	/**
	 * The open teams a team picker offers: at most {@code limit} whose name contains {@code name}
	 * (all when blank), of orgs in the caller's scope for the permission, in tree order.
	 */
	@Transactional(readOnly = true)
	public List<Team> pick(String name, Permission permission, int limit) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder(SELECT).append(" where t.closed_at is null and ")
			.append(scopes.current(permission).sqlCondition("o.path", params));
		if (StringUtils.hasText(name)) {
			sql.append(" and t.name like ?");
			params.add("%" + name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		sql.append(" order by o.path, t.name limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(Teams::map).list();
	}

	/**
	 * Open teams near a person: of the orgs below the parent of the community they live or work in
	 * (their street), else every open team; at most 50.
	 */
	@Transactional(readOnly = true)
	public List<Team> near(long personId) {
		String area = jdbc.sql("""
				select coalesce(parent.path, o.path) from person p join org o on o.id = coalesce(p.home_org_id, p.work_org_id)
				left join org parent on parent.id = o.parent_id where p.id = ?""")
			.param(personId)
			.query(String.class)
			.optional()
			.orElse("/");
		return jdbc.sql(SELECT + " where t.closed_at is null and o.path like ? order by o.path, t.name limit 50")
			.param(area + "%")
			.query(Teams::map)
			.list();
	}

	/** The person's applications and memberships that are pending or active, of open teams. */
	@Transactional(readOnly = true)
	public List<TeamMember> memberships(long personId) {
		return jdbc.sql(MEMBERS + " where m.person_id = ? and m.status in ('PENDING', 'ACTIVE') and t.closed_at is null order by m.id")
			.param(personId)
			.query(Teams::member)
			.list();
	}

	/** The teams the person leads. */
	@Transactional(readOnly = true)
	public List<Team> led(long personId) {
		return jdbc.sql(SELECT + " where t.leader_person_id = ? and t.closed_at is null order by t.name")
			.param(personId)
			.query(Teams::map)
			.list();
	}

	/** The team's active members and pending applications, oldest first. */
	@Transactional(readOnly = true)
	public List<TeamMember> members(long teamId) {
		get(teamId);
		return jdbc.sql(MEMBERS + " where m.team_id = ? and m.status in ('PENDING', 'ACTIVE') order by m.status, m.id")
			.param(teamId)
			.query(Teams::member)
			.list();
	}

	/** The hours recorded for the team's activities. */
	@Transactional(readOnly = true)
	public BigDecimal hours(long teamId) {
		get(teamId);
		return jdbc.sql("select coalesce(sum(hours), 0) from hours_entry where team_id = ?")
			.param(teamId)
			.query(BigDecimal.class)
			.single();
	}

	/** A person applies to join an open team. */
	@Transactional
	public TeamMember apply(long teamId, long personId) {
		Team team = find(teamId).orElseThrow(DomainException::notFound);
		if (team.isClosed()) {
			throw DomainException.conflict("volunteer.team.closed");
		}
		lockPerson(personId);
		checkMaxTeams(personId);
		long id;
		try {
			id = jdbc.sql("insert into team_member (team_id, person_id) values (?, ?) returning id")
				.params(teamId, personId)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("volunteer.team.applied");
		}
		audit.record("APPLY", "team_member", id, team.orgId(), "申请加入志愿服务队：" + team.name());
		volunteers.notifyPerson(team.leaderPersonId(), "入队申请", "有人申请加入" + team.name());
		return member(id);
	}

	/** The leader or an admin over the team's org approves an application. */
	@Transactional
	public TeamMember approve(long teamId, long applicationId) {
		Team team = decide(teamId);
		TeamMember application = pending(teamId, applicationId);
		lockPerson(application.personId());
		checkMaxTeams(application.personId());
		jdbc.sql("update team_member set status = 'ACTIVE', decided_by = ?, decided_at = ? where id = ?")
			.params(AuditLog.currentActor(), OffsetDateTime.now(clock), applicationId)
			.update();
		audit.record("APPROVE", "team_member", applicationId, team.orgId(),
				"同意 " + application.personName() + " 加入" + team.name());
		volunteers.notifyPerson(application.personId(), "入队申请已通过", "您已加入" + team.name());
		return member(applicationId);
	}

	/** The leader or an admin over the team's org rejects an application. */
	@Transactional
	public TeamMember reject(long teamId, long applicationId, String reason) {
		Team team = decide(teamId);
		TeamMember application = pending(teamId, applicationId);
		jdbc.sql("update team_member set status = 'REJECTED', decided_by = ?, decided_at = ?, note = ? where id = ?")
			.params(AuditLog.currentActor(), OffsetDateTime.now(clock), StringUtils.hasText(reason) ? reason.strip() : null,
					applicationId)
			.update();
		audit.record("REJECT", "team_member", applicationId, team.orgId(),
				"未同意 " + application.personName() + " 加入" + team.name());
		volunteers.notifyPerson(application.personId(), "入队申请未通过",
				team.name() + (StringUtils.hasText(reason) ? "：" + reason.strip() : ""));
		return member(applicationId);
	}

	/** A member leaves a team (or withdraws a pending application). */
	@Transactional
	public void leave(long teamId, long personId) {
		Team team = find(teamId).orElseThrow(DomainException::notFound);
		int changed = jdbc.sql("""
				update team_member set status = 'LEFT', left_at = ? where team_id = ? and person_id = ?
				and status in ('PENDING', 'ACTIVE')""")
			.params(OffsetDateTime.now(clock), teamId, personId)
			.update();
		if (changed == 0) {
			throw DomainException.notFound();
		}
		audit.record("LEAVE", "team_member", teamId, team.orgId(), "退出志愿服务队：" + team.name());
	}

	/** An admin over the team's org closes it; its name becomes free again. */
	@Transactional
	public Team close(long teamId) {
		Team team = find(teamId).orElseThrow(DomainException::notFound);
		scopes.require(Permission.VOLUNTEER_WRITE, orgs.get(team.orgId()).path());
		if (team.isClosed()) {
			throw DomainException.conflict("volunteer.team.closed");
		}
		jdbc.sql("update volunteer_team set closed_at = ?, version = version + 1 where id = ?")
			.params(OffsetDateTime.now(clock), teamId)
			.update();
		audit.record("CLOSE", "volunteer_team", teamId, team.orgId(), "撤销志愿服务队：" + team.name());
		return load(teamId);
	}

	/** Whether the caller may decide on the team's applications: its leader, or an admin over its org. */
	@Transactional(readOnly = true)
	public boolean canDecide(Team team) {
		Long caller = callerPersonId();
		return (caller != null && caller == team.leaderPersonId())
				|| scopes.current(Permission.VOLUNTEER_WRITE).covers(orgs.get(team.orgId()).path());
	}

	private boolean canRead(Team team) {
		Long caller = callerPersonId();
		if (caller != null && (caller == team.leaderPersonId() || jdbc.sql(
				"select count(*) from team_member where team_id = ? and person_id = ? and status = 'ACTIVE'")
			.params(team.id(), caller).query(Long.class).single() > 0)) {
			return true;
		}
		return scopes.current(Permission.VOLUNTEER_READ).covers(orgs.get(team.orgId()).path());
	}

	private Team decide(long teamId) {
		Team team = find(teamId).orElseThrow(DomainException::notFound);
		if (!canDecide(team)) {
			if (canRead(team)) {
				throw DomainException.forbidden();
			}
			throw DomainException.notFound();
		}
		if (team.isClosed()) {
			throw DomainException.conflict("volunteer.team.closed");
		}
		return team;
	}

	private TeamMember pending(long teamId, long applicationId) {
		TeamMember application = jdbc.sql(MEMBERS + " where m.id = ? and m.team_id = ? for update of m")
			.params(applicationId, teamId)
			.query(Teams::member)
			.optional()
			.orElseThrow(DomainException::notFound);
		if (!"PENDING".equals(application.status())) {
			throw DomainException.conflict("volunteer.team.notPending");
		}
		return application;
	}

	private void checkMaxTeams(long personId) {
		long active = jdbc.sql("""
				select count(*) from team_member m join volunteer_team t on t.id = m.team_id
				where m.person_id = ? and m.status = 'ACTIVE' and t.closed_at is null""")
			.param(personId)
			.query(Long.class)
			.single();
		if (active >= properties.maxTeamsPerPerson()) {
			throw new DomainException("volunteer.team.tooMany", properties.maxTeamsPerPerson());
		}
	}

	// Applications and approvals of one person are serialized, so the team limit holds under races.
	private void lockPerson(long personId) {
		jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(5_2, (int) personId).query(Object.class).list();
	}

	private Optional<Team> find(long id) {
		return jdbc.sql(SELECT + " where t.id = ?").param(id).query(Teams::map).optional();
	}

	private Team load(long id) {
		return find(id).orElseThrow(DomainException::notFound);
	}

	private TeamMember member(long id) {
		return jdbc.sql(MEMBERS + " where m.id = ?").param(id).query(Teams::member).single();
	}

	static Long callerPersonId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof WenmingUser user ? user.personId()
				: null;
	}

	private static Team map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
		return new Team(rs.getLong("id"), rs.getString("name"), rs.getLong("org_id"), rs.getString("org_name"),
				rs.getLong("leader_person_id"), rs.getString("leader_name"), rs.getString("description"),
				rs.getString("service_areas"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				closed == null ? null : closed.toInstant(), rs.getLong("members"));
	}

	private static TeamMember member(ResultSet rs, int row) throws SQLException {
		return new TeamMember(rs.getLong("id"), rs.getLong("team_id"), rs.getString("team_name"),
				rs.getLong("person_id"), rs.getString("person_name"), rs.getString("status"),
				rs.getObject("applied_at", OffsetDateTime.class).toInstant(), rs.getString("note"));
	}

}

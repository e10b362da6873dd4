package org.wenming.directory;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.security.AccountThrottle;
import org.wenming.platform.security.LoginThrottle;
import org.wenming.platform.security.SignedInSessions;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.Page;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Accounts and their role assignments. A caller sees the accounts of people in its scope, grants
 * only roles whose every permission it holds itself over the org concerned, and manages an account
 * (password, enabling, unlocking, roles) only if it could have granted every role the account
 * holds: where a person lives gives no power over a city-wide account. Nobody manages their own
 * roles. Disabling, a new password or a revoked role ends the account's sessions and tokens at once.
 */
@Service
public class Accounts {

	private static final List<Role> ADMINS = List.of(Role.UNIT_ADMIN, Role.OFFICE_ADMIN);

	/**
	 * Permissions that make an account an admin one: resetting its password takes the caller's own
	 * password again (a stolen session alone must not turn into a takeover of an admin account).
	 */
	private static final Set<Permission> ADMIN_PERMISSIONS = Set.of(Permission.ACCOUNT_MANAGE, Permission.ORG_WRITE,
			Permission.PERSON_FULL_VIEW, Permission.AUDIT_READ);

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final People people;

	private final OrgDirectory orgs;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final SignedInSessions sessions;

	private final LoginThrottle throttle;

	private final AccountThrottle attempts;

	/** Re-entries of one's own password per account and minute, right or wrong. */
	static final int CALLER_PASSWORD_PER_MINUTE = 3;

	Accounts(JdbcClient jdbc, DataScopes scopes, People people, OrgDirectory orgs, PasswordEncoder encoder,
			AuditLog audit, SignedInSessions sessions, LoginThrottle throttle, AccountThrottle attempts) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.people = people;
		this.orgs = orgs;
		this.encoder = encoder;
		this.audit = audit;
		this.sessions = sessions;
		this.throttle = throttle;
		this.attempts = attempts;
	}

	@Transactional(readOnly = true)
	public Page<Account> search(String text, int page, int size) {
		return search(text, false, page, size);
	}

	/** A page of the accounts in scope, by user name or person name, optionally only those locked now. */
	@Transactional(readOnly = true)
	public Page<Account> search(String text, boolean lockedOnly, int page, int size) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(inScope(params));
		if (lockedOnly) {
			where.append(" and a.locked_until > now()");
		}
		if (StringUtils.hasText(text)) {
			where.append(" and (a.username like ? or p.name like ?)");
			String like = "%" + text.strip().replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
		}
		String from = " from account a join person p on p.id = a.person_id left join org w on w.id = p.work_org_id "
				+ "left join org h on h.id = p.home_org_id where ";
		long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add((long) page * size);
		pageParams.add(size);
		List<Long> ids = jdbc.sql("select a.id" + from + where + " order by a.username offset ? limit ?")
			.params(pageParams)
			.query(Long.class)
			.list();
		return new Page<>(load(ids), page, size, total, null);
	}

	/** How many accounts in scope are locked now (after too many failed logins). */
	@Transactional(readOnly = true)
	public long countLocked() {
		List<Object> params = new ArrayList<>();
		String where = inScope(params);
		return jdbc.sql("select count(*) from account a join person p on p.id = a.person_id "
				+ "left join org w on w.id = p.work_org_id left join org h on h.id = p.home_org_id "
				+ "where a.locked_until > now() and " + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public Account get(long id) {
		List<Object> params = new ArrayList<>();
		params.add(id);
		String scope = inScope(params);
		boolean visible = jdbc.sql("select count(*) from account a join person p on p.id = a.person_id "
				+ "left join org w on w.id = p.work_org_id left join org h on h.id = p.home_org_id where a.id = ? and "
				+ scope)
			.params(params)
			.query(Long.class)
			.single() > 0;
		if (!visible) {
			throw DomainException.notFound();
		}
		return load(List.of(id)).get(0);
	}

	@Transactional(readOnly = true)
	public Optional<Account> findByUsername(String username) {
		return jdbc.sql("select id from account where username = ?")
			.param(username)
			.query(Long.class)
			.optional()
			.map(id -> load(List.of(id)).get(0));
	}

	/** Creates an account for a person in scope, with its first roles; no change of password is asked for. */
	@Transactional
	public long create(long personId, String username, String password, List<Grant> grants) {
		return create(personId, username, password, grants, false);
	}

	/**
	 * Creates an account for a person in scope, with its first roles. With {@code mustChangePassword}
	 * its user is sent to change the password at the first sign-in, before anything else.
	 */
	@Transactional
	public long create(long personId, String username, String password, List<Grant> grants,
			boolean mustChangePassword) {
		Person person = people.get(personId);
		requireManageable(person);
		// A new account acts as its person (their team leadership, orders, points): nobody opens one
		// for a person who already holds an account beyond the caller's reach, nor for themselves.
		if (isSelfPerson(personId)) {
			throw new Refused("account.person.self");
		}
		for (Account existing : load(jdbc.sql("select id from account where person_id = ?").param(personId)
			.query(Long.class)
			.list())) {
			if (!mayManage(existing)) {
				throw new Refused("account.person.beyondOwn");
			}
		}
		String name = checkUsername(username);
		checkPassword(password);
		// User names differ by more than case: "Admin" beside "admin" would pass for the city admin.
		if (jdbc.sql("select count(*) from account where lower(username) = lower(?)").param(name).query(Long.class)
			.single() > 0) {
			throw DomainException.onField("username", "account.username.taken");
		}
		long id = jdbc.sql("""
				insert into account (person_id, username, password_hash, must_change_password) values (?, ?, ?, ?)
				returning id""")
			.params(personId, name, encoder.encode(password), mustChangePassword)
			.query(Long.class)
			.single();
		audit.record("CREATE", "account", id, orgOf(person), "新建账号：" + name + "（" + person.name() + "）");
		for (Grant grant : grants == null ? List.<Grant>of() : grants) {
			grant(id, grant.role(), grant.orgId());
		}
		return id;
	}

	/** Gives an account a role over an org's subtree. */
	@Transactional
	public void grant(long accountId, Role role, long orgId) {
		Account account = manageable(accountId);
		refuseSelf(accountId);
		if (role == null) {
			throw DomainException.onField("role", "account.role.required");
		}
		Org org = orgs.find(orgId).orElseThrow(() -> DomainException.onField("orgId", "account.role.orgUnknown"));
		if (!scopes.current(Permission.ACCOUNT_MANAGE).covers(org)) {
			// Like a missing org: a refusal must not name an org the caller cannot see.
			throw DomainException.onField("orgId", "account.role.orgUnknown");
		}
		if (org.isClosed()) {
			throw DomainException.onField("orgId", "org.parent.closed");
		}
		for (Permission permission : role.permissions()) {
			if (!scopes.current(permission).covers(org)) {
				throw DomainException.onField("role", "account.role.beyondOwn", role.label(), org.name());
			}
		}
		if (!scopes.current(Permission.ACCOUNT_MANAGE).covers(org)) {
			throw DomainException.onField("orgId", "account.role.beyondOwn", role.label(), org.name());
		}
		int inserted = jdbc.sql("""
				insert into role_assignment (account_id, role, org_id) values (?, ?, ?)
				on conflict (account_id, role, org_id) do nothing""")
			.params(accountId, role.name(), orgId)
			.update();
		if (inserted > 0) {
			audit.record("ROLE_GRANT", "account", accountId, orgId,
					"授予角色：" + account.username() + " 在 " + org.name() + " 为 " + role.label());
		}
	}

	@Transactional
	public void revoke(long accountId, long assignmentId) {
		Account account = manageable(accountId);
		refuseSelf(accountId);
		Account.RoleAssignment assignment = account.roles().stream()
			.filter(r -> r.id() == assignmentId)
			.findFirst()
			.orElseThrow(DomainException::notFound);
		Org org = orgs.find(assignment.orgId()).orElseThrow();
		if (!scopes.current(Permission.ACCOUNT_MANAGE).covers(org)) {
			throw DomainException.notFound();
		}
		jdbc.sql("delete from role_assignment where id = ?").param(assignmentId).update();
		sessions.endAll(account.username());
		audit.record("ROLE_REVOKE", "account", accountId, assignment.orgId(),
				"撤销角色：" + account.username() + " 在 " + org.name() + " 的 " + assignment.role().label());
	}

	@Transactional
	public void setEnabled(long accountId, boolean enabled) {
		Account account = manageable(accountId);
		if (!enabled && isSelf(accountId)) {
			// Whoever disabled themselves could not undo it, and might leave the unit without an admin.
			throw DomainException.conflict("account.disableSelf");
		}
		jdbc.sql("update account set enabled = ?, version = version + 1 where id = ?").params(enabled, accountId).update();
		if (!enabled) {
			sessions.endAll(account.username());
		}
		audit.record(enabled ? "ENABLE" : "DISABLE", "account", accountId, null,
				(enabled ? "启用账号：" : "停用账号：") + account.username());
	}

	/**
	 * Sets a new password and ends the account's other sessions and its tokens. For an account with
	 * admin permissions the caller gives their own password again; a wrong one changes nothing and
	 * counts as a failed login of the caller's address.
	 */
	@Transactional
	public void resetPassword(long accountId, String password, String callerPassword) {
		Account account = manageable(accountId);
		if (needsCallerPassword(account)) {
			requireCallerPassword(callerPassword);
		}
		checkPassword(password);
		// Whoever set it knows it: its user chooses a password of their own at the next sign-in.
		jdbc.sql("""
				update account set password_hash = ?, failed_attempts = 0, locked_until = null,
				  must_change_password = true where id = ?""")
			.params(encoder.encode(password), accountId)
			.update();
		jdbc.sql("delete from account_login_lock where account_id = ?").param(accountId).update();
		sessions.endAll(account.username());
		audit.record("PASSWORD_RESET", "account", accountId, null, "重置密码：" + account.username());
	}

	/**
	 * The signed-in user changes their own password: the current one again (a wrong one counts as a
	 * failed sign-in of the address, as for the caller's password elsewhere), the new one twice,
	 * under the password policy and different from the current one. Ends the account's other
	 * sessions and its tokens, and lifts a required change.
	 */
	@Transactional
	public void changeOwnPassword(String currentPassword, String password, String repeated) {
		WenmingUser self = SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof WenmingUser user
						? user : null;
		if (self == null) {
			throw DomainException.forbidden();
		}
		try {
			requireCallerPassword(currentPassword);
		}
		catch (DomainException ex) {
			throw ex.status() == HttpStatus.TOO_MANY_REQUESTS ? new Throttled("currentPassword")
					: DomainException.onField("currentPassword", "account.currentPassword.wrong");
		}
		checkPassword(password);
		if (!password.equals(repeated)) {
			throw DomainException.onField("repeatPassword", "account.password.mismatch");
		}
		if (password.equals(currentPassword)) {
			throw DomainException.onField("password", "account.password.unchanged");
		}
		jdbc.sql("update account set password_hash = ?, must_change_password = false where id = ?")
			.params(encoder.encode(password), self.accountId())
			.update();
		sessions.endAll(self.getUsername());
		audit.record("PASSWORD_CHANGE", "account", self.accountId(), null, "修改本人密码：" + self.getUsername());
	}

	/** Whether the account must change its password before anything else (set by an admin). */
	@Transactional(readOnly = true)
	public boolean mustChangePassword(long accountId) {
		return jdbc.sql("select must_change_password from account where id = ?")
			.param(accountId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Transactional
	public void unlock(long accountId) {
		Account account = manageable(accountId);
		jdbc.sql("update account set failed_attempts = 0, locked_until = null where id = ?").param(accountId).update();
		jdbc.sql("delete from account_login_lock where account_id = ?").param(accountId).update();
		audit.record("UNLOCK", "account", accountId, null, "解锁账号：" + account.username());
	}

	/**
	 * Whether the caller may manage the account: every role it holds lies in the caller's
	 * account-management scope, with every permission of the role held by the caller over that
	 * org. An account without roles is managed by whoever has its person in scope.
	 */
	@Transactional(readOnly = true)
	public boolean mayManage(Account account) {
		DataScope manage = scopes.current(Permission.ACCOUNT_MANAGE);
		for (Account.RoleAssignment assignment : account.roles()) {
			Optional<Org> org = orgs.find(assignment.orgId());
			if (org.isEmpty() || !manage.covers(org.get())) {
				return false;
			}
			for (Permission permission : assignment.role().permissions()) {
				if (!scopes.current(permission).covers(org.get())) {
					return false;
				}
			}
		}
		return true;
	}

	/** Whether the caller may grant and revoke roles of the account: manage it, and not be it. */
	@Transactional(readOnly = true)
	public boolean mayManageRoles(Account account) {
		return !isSelf(account.id()) && mayManage(account);
	}

	/** Whether resetting the account's password takes the caller's own password again. */
	public boolean needsCallerPassword(Account account) {
		return account.roles()
			.stream()
			.anyMatch(r -> r.role().permissions().stream().anyMatch(ADMIN_PERMISSIONS::contains));
	}

	/** Accounts (user names) that hold a role over the org or one of its ancestors, for notifications. */
	@Transactional(readOnly = true)
	public List<String> usernamesWithRoleOver(long orgId, Role role) {
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		return jdbc.sql("""
				select distinct a.username from account a join role_assignment r on r.account_id = a.id
				join org o on o.id = r.org_id where r.role = ? and ? like o.path || '%' and a.enabled""")
			.params(role.name(), org.path())
			.query(String.class)
			.list();
	}

	/** The user names of the person's enabled accounts, for notifications to the person. */
	@Transactional(readOnly = true)
	public List<String> usernamesOf(long personId) {
		return jdbc.sql("select username from account where person_id = ? and enabled order by id")
			.param(personId)
			.query(String.class)
			.list();
	}

	/**
	 * The admins (单位管理员, 文明办管理员) of the org itself, not those who hold their role at an
	 * ancestor; none for an unknown org.
	 */
	@Transactional(readOnly = true)
	public Set<String> adminsOf(long orgId) {
		Optional<Org> org = orgs.find(orgId);
		if (org.isEmpty()) {
			return Set.of();
		}
		Set<String> admins = new LinkedHashSet<>();
		for (Role role : ADMINS) {
			admins.addAll(usernamesWithRoleOver(orgId, role));
		}
		Long parentId = org.get().parentId();
		if (parentId != null) {
			for (Role role : ADMINS) {
				admins.removeAll(usernamesWithRoleOver(parentId, role));
			}
		}
		return admins;
	}

	/** The admins of the org, or of its nearest ancestor that has any: someone answers for every org. */
	@Transactional(readOnly = true)
	public Set<String> responsibleFor(long orgId) {
		Long current = orgId;
		while (current != null) {
			Set<String> admins = adminsOf(current);
			if (!admins.isEmpty()) {
				return admins;
			}
			current = orgs.find(current).map(Org::parentId).orElse(null);
		}
		return Set.of();
	}

	static void checkPassword(String password) {
		if (password == null || password.length() < 8 || password.length() > 128
				|| !password.matches(".*[A-Za-z].*") || !password.matches(".*\\d.*")) {
			throw DomainException.onField("password", "account.password.weak");
		}
	}

	private static String checkUsername(String username) {
		if (username == null || !username.strip().matches("[A-Za-z0-9_.@-]{3,64}")) {
			throw DomainException.onField("username", "account.username.format");
		}
		return username.strip();
	}

	/** The account, if in view ({@link #get}) and manageable by the caller; refused with 403 otherwise. */
	private Account manageable(long accountId) {
		Account account = get(accountId);
		if (!mayManage(account)) {
			throw new Refused("account.manage.beyondOwn", account.username());
		}
		return account;
	}

	private void refuseSelf(long accountId) {
		if (isSelf(accountId)) {
			throw new Refused("account.role.self");
		}
	}

	/** Whether the account is the caller's own or another account of the caller's person. */
	private boolean isSelf(long accountId) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication != null && authentication.getPrincipal() instanceof WenmingUser self)) {
			return false;
		}
		return self.accountId() == accountId || jdbc.sql("select person_id from account where id = ?")
			.param(accountId)
			.query(Long.class)
			.optional()
			.map(person -> person == self.personId())
			.orElse(false);
	}

	private static boolean isSelfPerson(long personId) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof WenmingUser self
				&& self.personId() == personId;
	}

	private void requireCallerPassword(String callerPassword) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		// Guessing one's password through a stolen session is as slow as guessing it at sign-in.
		if (StringUtils.hasText(callerPassword) && authentication != null
				&& authentication.getPrincipal() instanceof WenmingUser caller && (throttle.isBlocked(AuditLog.currentAddress())
						|| !attempts.tryAcquire("caller-password", caller.accountId(), CALLER_PASSWORD_PER_MINUTE))) {
			throw new Throttled();
		}
		String hash = authentication != null && authentication.getPrincipal() instanceof WenmingUser self
				? jdbc.sql("select password_hash from account where id = ?").param(self.accountId()).query(String.class)
					.optional().orElse(null)
				: null;
		if (!StringUtils.hasText(callerPassword) || callerPassword.length() > 128 || hash == null
				|| !encoder.matches(callerPassword, hash)) {
			if (StringUtils.hasText(callerPassword)) {
				throttle.recordFailure(AuditLog.currentAddress());
			}
			throw DomainException.onField("callerPassword", "account.callerPassword.wrong");
		}
	}

	private void requireManageable(Person person) {
		DataScope scope = scopes.current(Permission.ACCOUNT_MANAGE);
		boolean covered = false;
		for (Long orgId : new Long[] { person.workOrgId(), person.homeOrgId() }) {
			if (orgId != null) {
				covered |= orgs.find(orgId).map(scope::covers).orElse(false);
			}
		}
		if (!covered) {
			throw DomainException.notFound();
		}
	}

	private String inScope(List<Object> params) {
		DataScope scope = scopes.current(Permission.ACCOUNT_MANAGE);
		return "(" + scope.sqlCondition("w.path", params) + " or " + scope.sqlCondition("h.path", params) + ")";
	}

	private static Long orgOf(Person person) {
		return person.homeOrgId() != null ? person.homeOrgId() : person.workOrgId();
	}

	private List<Account> load(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] array = ids.toArray(Long[]::new);
		Map<Long, List<Account.RoleAssignment>> roles = new LinkedHashMap<>();
		jdbc.sql("""
				select r.id, r.account_id, r.role, r.org_id, o.name from role_assignment r join org o on o.id = r.org_id
				where r.account_id = any(?) order by r.id""")
			.param(array)
			.query(rs -> {
				roles.computeIfAbsent(rs.getLong("account_id"), k -> new ArrayList<>())
					.add(new Account.RoleAssignment(rs.getLong("id"), Role.valueOf(rs.getString("role")),
							rs.getLong("org_id"), rs.getString("name")));
			});
		Map<Long, Account> accounts = new LinkedHashMap<>();
		jdbc.sql("""
				select a.id, a.person_id, p.name, a.username, a.enabled, a.locked_until from account a
				join person p on p.id = a.person_id where a.id = any(?)""")
			.param(array)
			.query(rs -> {
				OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
				long id = rs.getLong("id");
				accounts.put(id, new Account(id, rs.getLong("person_id"), rs.getString("name"), rs.getString("username"),
						rs.getBoolean("enabled"), locked == null ? null : locked.toInstant(),
						List.copyOf(roles.getOrDefault(id, List.of()))));
			});
		return ids.stream().map(accounts::get).toList();
	}

	/** The caller may see the account but not do this to it. */
	/** Too many re-entries of one's own password: 429. */
	static class Throttled extends DomainException {

		Throttled() {
			this("callerPassword");
		}

		Throttled(String field) {
			super(HttpStatus.TOO_MANY_REQUESTS, field, "account.callerPassword.tooMany");
		}

	}

	static class Refused extends DomainException {

		Refused(String code, Object... args) {
			super(HttpStatus.FORBIDDEN, null, code, args);
		}

	}

	/** A role to grant over an org. */
	public record Grant(Role role, long orgId) {
	}

}

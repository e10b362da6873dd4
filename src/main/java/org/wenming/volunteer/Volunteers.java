package org.wenming.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.IdNumbers;
import org.wenming.directory.LookupThrottle;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;
import org.wenming.directory.People;
import org.wenming.directory.Permission;
import org.wenming.directory.Person;
import org.wenming.directory.PersonCommand;
import org.wenming.platform.Bounds;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.crypto.Masking;
import org.wenming.platform.crypto.PersonalDataCipher;
import org.wenming.platform.notify.Notifications;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Registered volunteers: people registering themselves from a phone (their ID number checked against
 * the directory) for their community to review, units registering people directly, and
 * deregistration. Admins act within their scope for {@code volunteer:read} / {@code volunteer:write}.
 *
 * <p>A volunteer number (志愿者编号) is {@code ZY}, the year of approval and a six-digit number from
 * one sequence of the whole platform ({@code ZY2026000042}): unique, and it never changes.
 */
@Service
public class Volunteers {

	static final String EMERGENCY_PHONE_FIELD = "volunteer.emergency_phone";

	static final String SELECT = """
			select v.*, p.name as person_name, o.name as org_name from volunteer v
			join person p on p.id = v.person_id join org o on o.id = v.org_id""";

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final OrgDirectory orgs;

	private final People people;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final Notifications notifications;

	private final Accounts accounts;

	private final Clock clock;

	private final LookupThrottle throttle;

	Volunteers(JdbcClient jdbc, DataScopes scopes, OrgDirectory orgs, People people, PersonalDataCipher cipher,
			AuditLog audit, Notifications notifications, Accounts accounts, Clock clock, LookupThrottle throttle) {
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.orgs = orgs;
		this.people = people;
		this.cipher = cipher;
		this.audit = audit;
		this.notifications = notifications;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * A person registers themselves for the community they chose to review it (待审核). The ID number
	 * typed must be valid and the person's own: it must match the one stored, or is stored on the
	 * person when none is.
	 */
	@Transactional
	public Volunteer registerSelf(long personId, VolunteerRegistration registration) {
		Org org = ownOrg(personId, openOrg(registration.orgId()));
		checkIdNumber(personId, registration.idNumber());
		long id = insert(personId, org.id(), "SELF", VolunteerStatus.PENDING, registration);
		audit.record("CREATE", "volunteer", id, org.id(), "申请注册志愿者");
		return load(id);
	}

	/** A unit registers one of its people: registered at once, with a number. */
	@Transactional
	public Volunteer registerByUnit(VolunteerRegistration registration) {
		if (registration.orgId() == null) {
			throw DomainException.onField("orgId", "volunteer.org.required");
		}
		// Unknown and out-of-scope orgs get the same answer (404).
		Org org = orgs.find(registration.orgId()).filter(o -> scopes.current(Permission.VOLUNTEER_WRITE).covers(o))
			.orElseThrow(DomainException::notFound);
		if (org.isClosed()) {
			throw DomainException.onField("orgId", "volunteer.org.unknown");
		}
		if (registration.personId() == null) {
			throw DomainException.onField("personId", "volunteer.person.required");
		}
		Person person = personInScope(registration.personId())
			.orElseThrow(() -> DomainException.onField("personId", "volunteer.person.unknown"));
		long id = insert(person.id(), org.id(), "UNIT", VolunteerStatus.ACTIVE, registration);
		jdbc.sql("update volunteer set volunteer_no = ?, reviewed_by = ?, reviewed_at = ? where id = ?")
			.params(nextNumber(), AuditLog.currentActor(), OffsetDateTime.now(clock), id)
			.update();
		audit.record("CREATE", "volunteer", id, org.id(), "单位注册志愿者：" + person.name());
		return load(id);
	}

	/** The community approves a pending registration: registered, with a volunteer number. */
	@Transactional
	public Volunteer approve(long id) {
		Volunteer volunteer = forWrite(id);
		if (volunteer.status() != VolunteerStatus.PENDING) {
			throw DomainException.conflict("volunteer.review.notPending");
		}
		String number = nextNumber();
		jdbc.sql("""
				update volunteer set status = 'ACTIVE', volunteer_no = ?, reviewed_by = ?, reviewed_at = ?,
				    version = version + 1 where id = ?""")
			.params(number, AuditLog.currentActor(), OffsetDateTime.now(clock), id)
			.update();
		audit.record("APPROVE", "volunteer", id, volunteer.orgId(), "志愿者注册通过：" + volunteer.personName() + " " + number);
		notifyPerson(volunteer.personId(), "志愿者注册已通过", "您的志愿者编号：" + number);
		return load(id);
	}

	/** The community refuses a pending registration, saying why. */
	@Transactional
	public Volunteer reject(long id, String reason) {
		Volunteer volunteer = forWrite(id);
		if (volunteer.status() != VolunteerStatus.PENDING) {
			throw DomainException.conflict("volunteer.review.notPending");
		}
		String note = requireReason(reason);
		jdbc.sql("""
				update volunteer set status = 'REJECTED', review_note = ?, reviewed_by = ?, reviewed_at = ?,
				    version = version + 1 where id = ?""")
			.params(note, AuditLog.currentActor(), OffsetDateTime.now(clock), id)
			.update();
		audit.record("REJECT", "volunteer", id, volunteer.orgId(), "志愿者注册未通过：" + volunteer.personName() + "，" + note);
		notifyPerson(volunteer.personId(), "志愿者注册未通过", note);
		return load(id);
	}

	/** The org ends a registration (pending or registered), saying why. */
	@Transactional
	public Volunteer deregister(long id, String reason) {
		Volunteer volunteer = forWrite(id);
		return end(volunteer, reason, true);
	}

	/** People end their own registration. */
	@Transactional
	public Volunteer deregisterSelf(long personId, String reason) {
		Volunteer volunteer = current(personId).orElseThrow(DomainException::notFound);
		return end(volunteer, reason, false);
	}

	/** A registration the caller may read. */
	@Transactional(readOnly = true)
	public Volunteer get(long id) {
		Volunteer volunteer = find(id).orElseThrow(DomainException::notFound);
		scopes.require(Permission.VOLUNTEER_READ, orgs.get(volunteer.orgId()).path());
		return volunteer;
	}

	/**
	 * The emergency phone number of a registration in full, for staff with {@code person:full} over
	 * the volunteer (where they live or work); every look is audited. Staff who may read the
	 * registration but not see the person in full are refused.
	 */
	@Transactional
	public String emergencyPhone(long id) {
		Volunteer volunteer = get(id);
		if (!mayViewInFull(volunteer.personId())) {
			throw DomainException.forbidden();
		}
		byte[] stored = jdbc.sql("select emergency_phone_cipher from volunteer where id = ?")
			.param(id)
			.query((rs, i) -> Optional.ofNullable(rs.getBytes(1)))
			.single()
			.orElse(null);
		audit.record("VIEW_FULL", "volunteer", id, volunteer.orgId(), "查看紧急联系电话：" + volunteer.personName());
		return cipher.decrypt(EMERGENCY_PHONE_FIELD, stored);
	}

	/** Whether the caller has {@code person:full} over the volunteer as a person. */
	@Transactional(readOnly = true)
	public boolean mayViewInFull(long personId) {
		var scope = scopes.current(Permission.PERSON_FULL_VIEW);
		if (scope.isEmpty()) {
			return false;
		}
		Person person = DataScopes.asSystem(() -> people.get(personId));
		return java.util.stream.Stream.of(person.homeOrgId(), person.workOrgId())
			.filter(java.util.Objects::nonNull)
			.anyMatch(org -> scope.covers(orgs.get(org).path()));
	}

	/** The person's pending or approved registration, if any. */
	@Transactional(readOnly = true)
	public Optional<Volunteer> current(long personId) {
		return jdbc.sql(SELECT + " where v.person_id = ? and v.status in ('PENDING', 'ACTIVE')")
			.param(personId)
			.query(Volunteers::map)
			.optional();
	}

	/** The person's latest registration, whatever became of it. */
	@Transactional(readOnly = true)
	public Optional<Volunteer> latest(long personId) {
		return jdbc.sql(SELECT + " where v.person_id = ? order by (v.status in ('PENDING', 'ACTIVE')) desc, v.id desc limit 1")
			.param(personId)
			.query(Volunteers::map)
			.optional();
	}

	/**
	 * Registrations in the caller's scope: of an org's subtree if given, in a status if given, the
	 * name or number containing {@code text} if given; newest first, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<Volunteer> search(Long orgId, VolunteerStatus status, String text, int limit) {
		return search(orgId, status, text, 0, Math.max(1, Math.min(limit, 500)));
	}

	/** One page of {@link #search(Long, VolunteerStatus, String, int)}: {@code limit} from {@code offset}. */
	@Transactional(readOnly = true)
	public List<Volunteer> search(Long orgId, VolunteerStatus status, String text, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		StringBuilder sql = where(new StringBuilder(SELECT), orgId, status, text, params);
		sql.append(" order by v.id desc offset ? limit ?");
		params.add(Math.max(0, offset));
		params.add(Math.max(1, limit));
		return jdbc.sql(sql.toString()).params(params).query(Volunteers::map).list();
	}

	/** How many registrations {@link #search(Long, VolunteerStatus, String, int, int)} finds in all. */
	@Transactional(readOnly = true)
	public long count(Long orgId, VolunteerStatus status, String text) {
		List<Object> params = new ArrayList<>();
		String select = "select count(*) " + SELECT.substring(SELECT.toLowerCase().indexOf(" from "));
		StringBuilder sql = where(new StringBuilder(select), orgId, status, text, params);
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	private StringBuilder where(StringBuilder sql, Long orgId, VolunteerStatus status, String text, List<Object> params) {
		sql.append(" where ").append(scopes.current(Permission.VOLUNTEER_READ).sqlCondition("o.path", params));
		if (orgId != null) {
			Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
			scopes.require(Permission.VOLUNTEER_READ, org.path());
			sql.append(" and o.path like ?");
			params.add(org.path() + "%");
		}
		if (status != null) {
			sql.append(" and v.status = ?");
			params.add(status.name());
		}
		if (StringUtils.hasText(text)) {
			sql.append(" and (p.name like ? or v.volunteer_no like ?)");
			params.add("%" + text.strip() + "%");
			params.add("%" + text.strip() + "%");
		}
		return sql;
	}

	private Volunteer end(Volunteer volunteer, String reason, boolean byOrg) {
		if (volunteer.status() != VolunteerStatus.PENDING && volunteer.status() != VolunteerStatus.ACTIVE) {
			throw DomainException.conflict("volunteer.deregister.notLive");
		}
		String note = requireReason(reason);
		jdbc.sql("""
				update volunteer set status = 'DEREGISTERED', deregistered_at = ?, deregister_reason = ?,
				    version = version + 1 where id = ?""")
			.params(OffsetDateTime.now(clock), note, volunteer.id())
			.update();
		audit.record("DEREGISTER", "volunteer", volunteer.id(), volunteer.orgId(),
				(byOrg ? "注销志愿者：" : "本人注销志愿者：") + volunteer.personName() + "，" + note);
		if (byOrg) {
			notifyPerson(volunteer.personId(), "志愿者注册已注销", note);
		}
		return load(volunteer.id());
	}

	private long insert(long personId, long orgId, String source, VolunteerStatus status,
			VolunteerRegistration registration) {
		// The lengths of the columns: a longer text is the user's to shorten, not a conflict.
		Bounds.length("skills", registration.skills(), 500);
		Bounds.length("serviceAreas", registration.serviceAreas(), 500);
		Bounds.length("availability", registration.availability(), 200);
		Bounds.length("emergencyContact", registration.emergencyContact(), 50);
		String phone = blankToNull(IdNumbers.normalizePhone(registration.emergencyPhone()));
		if (phone != null) {
			IdNumbers.phoneProblem(phone).ifPresent(code -> {
				throw DomainException.onField("emergencyPhone", code);
			});
		}
		if (StringUtils.hasText(registration.education())
				&& !VolunteerRegistration.EDUCATIONS.contains(registration.education())) {
			throw DomainException.onField("education", "volunteer.education.unknown");
		}
		if (StringUtils.hasText(registration.politicalStatus())
				&& !PersonCommand.POLITICAL_STATUSES.contains(registration.politicalStatus())) {
			throw DomainException.onField("politicalStatus", "volunteer.politicalStatus.unknown");
		}
		try {
			return jdbc.sql("""
					insert into volunteer (person_id, org_id, status, source, skills, service_areas, availability,
					    education, political_status, emergency_contact, emergency_phone_cipher, emergency_phone_masked)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(personId, orgId, status.name(), source, text(registration.skills()),
						text(registration.serviceAreas()), text(registration.availability()),
						blankToNull(registration.education()), blankToNull(registration.politicalStatus()),
						blankToNull(registration.emergencyContact()), cipher.encrypt(EMERGENCY_PHONE_FIELD, phone),
						Masking.phone(phone))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("volunteer.register.exists");
		}
	}

	private void checkIdNumber(long personId, String typed) {
		IdNumbers.problem(typed).ifPresent(code -> {
			throw DomainException.onField("idNumber", code);
		});
		String idNumber = IdNumbers.normalize(typed);
		// Each check confirms or refutes a typed number: counted per account, and a number that
		// someone else holds gets the same neutral answer as one that is not the caller's.
		throttle.charge();
		DataScopes.asSystem(() -> {
			Person person = people.get(personId);
			if (person.idNumberMasked() != null) {
				// Compared through the keyed hash the directory keeps: the stored number is never decrypted.
				boolean same = people.findByIdNumber(idNumber).map(found -> found.id() == personId).orElse(false);
				if (!same) {
					throw DomainException.onField("idNumber", "volunteer.idNumber.mismatch");
				}
			}
			else {
				if (people.idNumberTaken(idNumber, personId)) {
					throw DomainException.onField("idNumber", "volunteer.idNumber.unverified");
				}
				people.update(personId, new PersonCommand(person.name(), person.gender(), null, idNumber,
						null, null, person.politicalStatus(), person.tags(), person.workOrgId(), person.homeOrgId()));
			}
		});
	}

	/**
	 * The person if it lives or works in the caller's {@code volunteer:write} scope; empty when it
	 * does not exist or lies outside, so that neither its existence nor its name leaks.
	 */
	Optional<Person> personInScope(long personId) {
		return people.findInScope(personId, Permission.VOLUNTEER_WRITE);
	}

	/**
	 * The orgs a person may register with by themselves: where they live or work, and the community
	 * or village that either lies in (whose admins know them and review the registration).
	 */
	@Transactional(readOnly = true)
	public List<Org> selfRegistrationOrgs(long personId) {
		Person person = DataScopes.asSystem(() -> people.get(personId));
		List<Org> own = new ArrayList<>();
		for (Long id : java.util.Arrays.asList(person.homeOrgId(), person.workOrgId())) {
			Org org = id == null ? null : orgs.find(id).filter(o -> !o.isClosed()).orElse(null);
			if (org == null) {
				continue;
			}
			String[] path = org.path().split("/");
			for (int i = path.length - 1; i > 0; i--) {
				Org above = orgs.find(Long.parseLong(path[i])).orElse(null);
				if (above != null && !above.isClosed() && (above.id() == org.id() || isCommunity(above))
						&& own.stream().noneMatch(o -> o.id() == above.id())) {
					own.add(above);
				}
			}
		}
		return own;
	}

	private Org ownOrg(long personId, Org org) {
		if (selfRegistrationOrgs(personId).stream().noneMatch(own -> own.id() == org.id())) {
			throw DomainException.onField("orgId", "volunteer.org.notOwn");
		}
		return org;
	}

	private static boolean isCommunity(Org org) {
		return org.type() == OrgType.COMMUNITY || org.type() == OrgType.VILLAGE;
	}

	private Org openOrg(Long orgId) {
		if (orgId == null) {
			throw DomainException.onField("orgId", "volunteer.org.required");
		}
		Org org = orgs.find(orgId).orElseThrow(() -> DomainException.onField("orgId", "volunteer.org.unknown"));
		if (org.isClosed()) {
			throw DomainException.onField("orgId", "volunteer.org.unknown");
		}
		return org;
	}

	private Volunteer forWrite(long id) {
		Volunteer volunteer = find(id).orElseThrow(DomainException::notFound);
		scopes.require(Permission.VOLUNTEER_WRITE, orgs.get(volunteer.orgId()).path());
		jdbc.sql("select id from volunteer where id = ? for update").param(id).query(Long.class).single();
		return load(id);
	}

	private Optional<Volunteer> find(long id) {
		return jdbc.sql(SELECT + " where v.id = ?").param(id).query(Volunteers::map).optional();
	}

	private Volunteer load(long id) {
		return find(id).orElseThrow(DomainException::notFound);
	}

	private String nextNumber() {
		long next = jdbc.sql("select nextval('volunteer_no_seq')").query(Long.class).single();
		return "ZY" + Year.now(clock).getValue() + String.format("%06d", next);
	}

	void notifyPerson(long personId, String title, String body) {
		accounts.usernamesOf(personId).forEach(username -> notifications.post(username, "VOLUNTEER", title, body, "/m/volunteer"));
	}

	private static String requireReason(String reason) {
		if (!StringUtils.hasText(reason)) {
			throw DomainException.onField("reason", "volunteer.reason.required");
		}
		String note = reason.strip();
		if (note.length() > 500) {
			throw DomainException.onField("reason", "volunteer.reason.tooLong");
		}
		return note;
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.strip() : null;
	}

	static Volunteer map(ResultSet rs, int row) throws SQLException {
		return new Volunteer(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getString("volunteer_no"), rs.getLong("org_id"), rs.getString("org_name"),
				VolunteerStatus.valueOf(rs.getString("status")), rs.getString("source"), rs.getString("skills"),
				rs.getString("service_areas"), rs.getString("availability"), rs.getString("education"),
				rs.getString("political_status"), rs.getString("emergency_contact"),
				rs.getString("emergency_phone_masked"), rs.getInt("star_level"),
				rs.getObject("registered_at", OffsetDateTime.class).toInstant(), rs.getString("review_note"),
				rs.getString("deregister_reason"));
	}

}

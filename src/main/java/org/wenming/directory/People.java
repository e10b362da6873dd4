package org.wenming.directory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.crypto.Masking;
import org.wenming.platform.crypto.PersonalDataCipher;
import org.wenming.platform.web.Page;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * People of the caller's org subtrees: a person is in scope when the org they work in or the
 * community they live in is. ID number, phone and address are stored encrypted, with a keyed hash
 * of the first two, and shown masked; {@link #fullView} hands them out in full and audits it.
 */
@Service
public class People {

	static final String ID_FIELD = "person.id_number";

	static final String PHONE_FIELD = "person.phone";

	static final String ADDRESS_FIELD = "person.address";

	private static final String SELECT = """
			select p.id, p.name, p.gender, p.birth_year, p.id_number_masked, p.phone_masked, p.address_masked,
			       p.political_status, p.tags, p.work_org_id, w.name as work_org_name, p.home_org_id,
			       h.name as home_org_name, w.path as work_path, h.path as home_path
			from person p left join org w on w.id = p.work_org_id left join org h on h.id = p.home_org_id
			""";

	private static final String INSERT = """
			insert into person (name, gender, birth_year, id_number_cipher, id_number_hash, id_number_masked,
			    phone_cipher, phone_hash, phone_masked, address_cipher, address_masked, political_status, tags,
			    work_org_id, home_org_id)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::varchar[], ?, ?)""";

	private static final String COPY = """
			copy person (name, gender, birth_year, id_number_cipher, id_number_hash, id_number_masked, phone_cipher,
			    phone_hash, phone_masked, address_cipher, address_masked, political_status, tags, work_org_id,
			    home_org_id) from stdin with (format csv)""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final DataScopes scopes;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final OrgDirectory orgs;

	private final LookupThrottle throttle;

	/** Today is a day in the configured zone (the clock's). */
	private final java.time.Clock clock;

	People(JdbcClient jdbc, JdbcTemplate template, DataScopes scopes, PersonalDataCipher cipher, AuditLog audit,
			OrgDirectory orgs, LookupThrottle throttle, java.time.Clock clock) {
		this.clock = clock;
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.template = template;
		this.scopes = scopes;
		this.cipher = cipher;
		this.audit = audit;
		this.orgs = orgs;
	}

	/** A person in the caller's scope, masked. */
	@Transactional(readOnly = true)
	public Person get(long id) {
		return load(id, Permission.PERSON_READ);
	}

	/**
	 * The person, masked, if its home or work org lies in the caller's scope for the permission;
	 * empty when it does not exist or lies outside (the two are not told apart).
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Person> findInScope(long id, Permission permission) {
		try {
			return java.util.Optional.of(load(id, permission));
		}
		catch (DomainException ex) {
			return java.util.Optional.empty();
		}
	}

	/** A page of people matching the query, masked. */
	@Transactional(readOnly = true)
	public Page<Person> search(PersonQuery query, int page, int size) {
		List<Object> params = new ArrayList<>();
		String where = where(query, params);
		long total = jdbc.sql("select count(*) from person p left join org w on w.id = p.work_org_id "
				+ "left join org h on h.id = p.home_org_id where " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add((long) page * size);
		pageParams.add(size);
		List<Person> items = jdbc.sql(SELECT + " where " + where + " order by p.id offset ? limit ?")
			.params(pageParams)
			.query(People::map)
			.list();
		return new Page<>(items, page, size, total, null);
	}

	/**
	 * The people a picker offers: at most {@code limit} whose name contains {@code name} (all when
	 * blank), in the caller's scope for the permission, masked, by name.
	 */
	@Transactional(readOnly = true)
	public List<Person> pick(String name, Permission permission, int limit) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(scopeCondition(permission, params));
		if (StringUtils.hasText(name)) {
			where.append(" and p.name like ?");
			params.add("%" + name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		params.add(limit);
		return jdbc.sql(SELECT + " where " + where + " order by p.name, p.id limit ?")
			.params(params)
			.query(People::map)
			.list();
	}

	/** Streams every person matching the query, masked, for exports. */
	@Transactional(readOnly = true)
	public void forEach(PersonQuery query, Consumer<Person> consumer) {
		List<Object> params = new ArrayList<>();
		String where = where(query, params);
		jdbc.sql(SELECT + " where " + where + " order by p.id")
			.params(params)
			.withFetchSize(2000)
			.query(People::map)
			.stream()
			.forEach(consumer);
	}

	/**
	 * Finds a person in scope by full ID number (through its keyed hash). A caller's look-ups are
	 * counted by the {@link LookupThrottle}, since each one confirms or refutes a guessed number.
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Person> findByIdNumber(String idNumber) {
		if (!DataScopes.isSystem()) {
			throttle.charge();
		}
		List<Object> params = new ArrayList<>();
		params.add(cipher.hash(ID_FIELD, IdNumbers.normalize(idNumber)));
		String scope = scopeCondition(Permission.PERSON_READ, params);
		return jdbc.sql(SELECT + " where p.id_number_hash = ? and " + scope).params(params).query(People::map).optional();
	}

	/** Whether any person (in scope or not) already has this ID number. */
	@Transactional(readOnly = true)
	public boolean idNumberTaken(String idNumber, Long exceptPersonId) {
		return jdbc.sql("select count(*) from person where id_number_hash = ? and id <> ?")
			.params(cipher.hash(ID_FIELD, IdNumbers.normalize(idNumber)), exceptPersonId == null ? -1L : exceptPersonId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Which of these (valid) ID numbers are already stored, in or out of scope: one query per
	 * few thousand numbers, through their keyed hashes.
	 */
	@Transactional(readOnly = true)
	public Set<String> idNumbersTaken(Collection<String> idNumbers) {
		Map<ByteBuffer, String> byHash = new HashMap<>();
		for (String idNumber : idNumbers) {
			String normalized = IdNumbers.normalize(idNumber);
			byHash.put(ByteBuffer.wrap(cipher.hash(ID_FIELD, normalized)), normalized);
		}
		Set<String> taken = new HashSet<>();
		List<byte[]> hashes = byHash.keySet().stream().map(ByteBuffer::array).toList();
		for (int from = 0; from < hashes.size(); from += 5000) {
			byte[][] chunk = hashes.subList(from, Math.min(hashes.size(), from + 5000)).toArray(byte[][]::new);
			jdbc.sql("select id_number_hash from person where id_number_hash = any(?)")
				.param(chunk)
				.query((rs, i) -> rs.getBytes(1))
				.list()
				.forEach(hash -> taken.add(byHash.get(ByteBuffer.wrap(hash))));
		}
		return taken;
	}

	/** The field problems of a command; empty when it can be stored. */
	public List<FieldProblem> validate(PersonCommand command, boolean creating) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!StringUtils.hasText(command.name())) {
			problems.add(new FieldProblem("name", "person.name.required"));
		}
		else if (command.name().strip().codePointCount(0, command.name().strip().length()) > 50) {
			problems.add(new FieldProblem("name", "person.name.tooLong"));
		}
		if (creating || command.idNumber() != null) {
			IdNumbers.problem(command.idNumber()).ifPresent(code -> problems.add(new FieldProblem("idNumber", code)));
		}
		IdNumbers.phoneProblem(command.phone()).ifPresent(code -> problems.add(new FieldProblem("phone", code)));
		if (command.address() != null && command.address().length() > 200) {
			problems.add(new FieldProblem("address", "person.address.tooLong"));
		}
		if (command.gender() != null && !command.gender().isBlank()
				&& !PersonCommand.GENDERS.contains(command.gender())) {
			problems.add(new FieldProblem("gender", "person.gender.invalid"));
		}
		if (command.politicalStatus() != null && !command.politicalStatus().isBlank()
				&& !PersonCommand.POLITICAL_STATUSES.contains(command.politicalStatus())) {
			problems.add(new FieldProblem("politicalStatus", "person.politicalStatus.invalid"));
		}
		if (command.tags() != null && !PersonCommand.TAGS.containsAll(command.tags())) {
			problems.add(new FieldProblem("tags", "person.tags.invalid"));
		}
		if (command.birthDate() != null && command.birthDate().isAfter(LocalDate.now(clock))) {
			problems.add(new FieldProblem("birthDate", "person.birthDate.future"));
		}
		else if (command.birthDate() != null && command.idNumber() != null && IdNumbers.isValid(command.idNumber())
				&& !IdNumbers.birthDate(command.idNumber()).orElseThrow().equals(command.birthDate())) {
			problems.add(new FieldProblem("birthDate", "person.birthDate.mismatch"));
		}
		if (command.workOrgId() == null && command.homeOrgId() == null) {
			problems.add(new FieldProblem("homeOrgId", "person.org.required"));
		}
		return problems;
	}

	@Transactional
	public long create(PersonCommand command) {
		List<FieldProblem> problems = validate(command, true);
		if (!problems.isEmpty()) {
			throw DomainException.onField(problems.get(0).field(), problems.get(0).code());
		}
		checkOrgs(command, null);
		refuseTaken(command.idNumber(), null);
		long id = insert(command);
		audit.record("CREATE", "person", id, orgOf(command), "新建人员：" + command.name().strip());
		return id;
	}

	/**
	 * Stores many people that {@link #validate} passed, streamed to PostgreSQL with {@code COPY}
	 * (JDBC batches on other databases); the caller checked their orgs and ID numbers and audits
	 * the whole import.
	 */
	@Transactional
	public int createAll(List<PersonCommand> commands) {
		if (commands.isEmpty()) {
			return 0;
		}
		Integer copied = template.execute((ConnectionCallback<Integer>) connection -> {
			if (!connection.isWrapperFor(PGConnection.class) || commands.stream()
				.anyMatch(c -> CopyText.endsDataEarly(c.name()) || CopyText.endsDataEarly(c.address()))) {
				return null;
			}
			return (int) copy(connection.unwrap(PGConnection.class), commands);
		});
		if (copied != null) {
			return copied;
		}
		int[][] counts = template.batchUpdate(INSERT, commands, 1000, (ps, command) -> {
			Object[] values = row(command);
			for (int i = 0; i < values.length; i++) {
				ps.setObject(i + 1, values[i]);
			}
		});
		return Arrays.stream(counts).mapToInt(batch -> batch.length).sum();
	}

	private long copy(PGConnection connection, List<PersonCommand> commands) throws SQLException {
		CopyIn copy = connection.getCopyAPI().copyIn(COPY);
		try {
			StringBuilder line = new StringBuilder(512);
			for (PersonCommand command : commands) {
				line.setLength(0);
				Object[] values = row(command);
				for (int i = 0; i < values.length; i++) {
					if (i > 0) {
						line.append(',');
					}
					CopyText.appendCsv(line, values[i]);
				}
				byte[] bytes = line.append('\n').toString().getBytes(StandardCharsets.UTF_8);
				copy.writeToCopy(bytes, 0, bytes.length);
			}
			return copy.endCopy();
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	@Transactional
	public Person update(long id, PersonCommand command) {
		Person before = load(id, Permission.PERSON_WRITE);
		List<FieldProblem> problems = validate(command, false);
		if (!problems.isEmpty()) {
			throw DomainException.onField(problems.get(0).field(), problems.get(0).code());
		}
		checkOrgs(command, before);
		String idNumber = IdNumbers.normalize(command.idNumber());
		if (idNumber != null) {
			refuseTaken(idNumber, id);
		}
		if (idNumber == null && command.birthDate() != null) {
			// A typed birth date must agree with the stored ID number, which only the system decrypts here.
			String stored = storedIdNumber(id);
			if (stored != null && !IdNumbers.birthDate(stored).map(command.birthDate()::equals).orElse(false)) {
				throw DomainException.onField("birthDate", "person.birthDate.mismatch");
			}
		}
		Integer birth = idNumber != null ? IdNumbers.birthDate(idNumber).map(LocalDate::getYear).orElse(null)
				: command.birthDate() != null ? Integer.valueOf(command.birthDate().getYear()) : before.birthYear();
		jdbc.sql("""
				update person set name = ?, gender = ?, birth_year = ?, political_status = ?, tags = ?::varchar[],
				    work_org_id = ?, home_org_id = ?, updated_at = now(), version = version + 1 where id = ?""")
			.params(command.name().strip(), blankToNull(command.gender()), birth, blankToNull(command.politicalStatus()),
					tags(command.tags()), command.workOrgId(), command.homeOrgId(), id)
			.update();
		List<String> changed = new ArrayList<>();
		if (idNumber != null) {
			jdbc.sql("update person set id_number_cipher = ?, id_number_hash = ?, id_number_masked = ? where id = ?")
				.params(cipher.encrypt(ID_FIELD, idNumber), cipher.hash(ID_FIELD, idNumber), Masking.idNumber(idNumber), id)
				.update();
			changed.add("身份证号");
		}
		if (command.phone() != null) {
			String phone = blankToNull(IdNumbers.normalizePhone(command.phone()));
			jdbc.sql("update person set phone_cipher = ?, phone_hash = ?, phone_masked = ? where id = ?")
				.params(cipher.encrypt(PHONE_FIELD, phone), cipher.hash(PHONE_FIELD, phone), Masking.phone(phone), id)
				.update();
			changed.add("手机号");
		}
		if (command.address() != null) {
			String address = blankToNull(command.address());
			jdbc.sql("update person set address_cipher = ?, address_masked = ? where id = ?")
				.params(cipher.encrypt(ADDRESS_FIELD, address), Masking.address(address), id)
				.update();
			changed.add("住址");
		}
		audit.record("UPDATE", "person", id, orgOf(command),
				"修改人员：" + before.name() + (changed.isEmpty() ? "" : "（含" + String.join("、", changed) + "）"));
		return get(id);
	}

	/** The person's ID number, phone and address in full; needs the permission and is audited. */
	@Transactional
	public PersonalData fullView(long id) {
		Person person = load(id, Permission.PERSON_FULL_VIEW);
		PersonalData data = jdbc.sql("select id_number_cipher, phone_cipher, address_cipher from person where id = ?")
			.param(id)
			.query((rs, i) -> new PersonalData(id, person.name(), cipher.decrypt(ID_FIELD, rs.getBytes(1)),
					cipher.decrypt(PHONE_FIELD, rs.getBytes(2)), cipher.decrypt(ADDRESS_FIELD, rs.getBytes(3))))
			.single();
		audit.record("VIEW_FULL", "person", id, person.homeOrgId() != null ? person.homeOrgId() : person.workOrgId(),
				"查看完整个人信息：" + person.name());
		return data;
	}

	/**
	 * Refuses an ID number another person already has. Whether that person lies outside the caller's
	 * scope is not told (a neutral message, and the refusal counts as a look-up), so that the form
	 * cannot be used to find out who is registered elsewhere.
	 */
	private void refuseTaken(String idNumber, Long exceptPersonId) {
		List<Object> params = new ArrayList<>();
		params.add(cipher.hash(ID_FIELD, IdNumbers.normalize(idNumber)));
		params.add(exceptPersonId == null ? -1L : exceptPersonId);
		String scope = scopeCondition(Permission.PERSON_READ, params);
		List<Boolean> holders = jdbc.sql("select " + scope + " from person p left join org w on w.id = p.work_org_id "
				+ "left join org h on h.id = p.home_org_id where p.id_number_hash = ? and p.id <> ?")
			.params(rotateScopeParams(params))
			.query((rs, i) -> rs.getBoolean(1))
			.list();
		if (holders.isEmpty()) {
			return;
		}
		if (holders.get(0)) {
			throw DomainException.onField("idNumber", "person.idNumber.taken");
		}
		throttle.charge();
		throw DomainException.onField("idNumber", "person.idNumber.unavailable");
	}

	/** The scope's parameters come first in the select list, before the two of the where clause. */
	private static List<Object> rotateScopeParams(List<Object> params) {
		List<Object> ordered = new ArrayList<>(params.subList(2, params.size()));
		ordered.addAll(params.subList(0, 2));
		return ordered;
	}

	/**
	 * Which of these ID numbers, already stored, belong to people outside the caller's
	 * {@code person:read} scope: an import names those rows with a neutral message.
	 */
	@Transactional(readOnly = true)
	public Set<String> outOfScope(Collection<String> takenIdNumbers) {
		Set<String> outside = outside(takenIdNumbers);
		if (!outside.isEmpty() && !DataScopes.isSystem()) {
			throttle.charge(outside.size());
		}
		return outside;
	}

	private Set<String> outside(Collection<String> takenIdNumbers) {
		Set<String> outside = new HashSet<>();
		for (String idNumber : takenIdNumbers) {
			List<Object> params = new ArrayList<>();
			String scope = scopeCondition(Permission.PERSON_READ, params);
			params.add(cipher.hash(ID_FIELD, IdNumbers.normalize(idNumber)));
			boolean visible = jdbc.sql("select count(*) from person p left join org w on w.id = p.work_org_id "
					+ "left join org h on h.id = p.home_org_id where " + scope + " and p.id_number_hash = ?")
				.params(params)
				.query(Long.class)
				.single() > 0;
			if (!visible) {
				outside.add(idNumber);
			}
		}
		return outside;
	}

	private String storedIdNumber(long id) {
		return jdbc.sql("select id_number_cipher from person where id = ?")
			.param(id)
			.query((rs, i) -> rs.getBytes(1))
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.map(stored -> cipher.decrypt(ID_FIELD, stored))
			.findFirst()
			.orElse(null);
	}

	private long insert(PersonCommand command) {
		Object[] values = row(command);
		return jdbc.sql(INSERT + " returning id")
			.params(values)
			.query(Long.class)
			.single();
	}

	private Object[] row(PersonCommand command) {
		String idNumber = IdNumbers.normalize(command.idNumber());
		String phone = blankToNull(IdNumbers.normalizePhone(command.phone()));
		String address = blankToNull(command.address());
		// Only the year is kept in clear; the date itself stays inside the encrypted ID number.
		Integer birth = IdNumbers.birthDate(idNumber)
			.or(() -> java.util.Optional.ofNullable(command.birthDate()))
			.map(LocalDate::getYear)
			.orElse(null);
		String gender = StringUtils.hasText(command.gender()) ? command.gender()
				: IdNumbers.gender(idNumber).orElse(null);
		return new Object[] { command.name().strip(), gender, birth, cipher.encrypt(ID_FIELD, idNumber),
				cipher.hash(ID_FIELD, idNumber), Masking.idNumber(idNumber), cipher.encrypt(PHONE_FIELD, phone),
				cipher.hash(PHONE_FIELD, phone), Masking.phone(phone), cipher.encrypt(ADDRESS_FIELD, address),
				Masking.address(address), blankToNull(command.politicalStatus()), tags(command.tags()),
				command.workOrgId(), command.homeOrgId() };
	}

	/**
	 * Every org given must exist, be open and lie in the caller's {@code person:write} scope; an org
	 * the person already had may stay although it lies outside. Unknown and out-of-scope orgs get
	 * the same answer.
	 */
	private void checkOrgs(PersonCommand command, Person before) {
		DataScope scope = scopes.current(Permission.PERSON_WRITE);
		boolean inScope = false;
		for (String field : new String[] { "workOrgId", "homeOrgId" }) {
			Long orgId = field.equals("workOrgId") ? command.workOrgId() : command.homeOrgId();
			if (orgId == null) {
				continue;
			}
			boolean kept = before != null && (orgId.equals(before.workOrgId()) || orgId.equals(before.homeOrgId()));
			Org org = orgs.find(orgId).filter(o -> kept || scope.covers(o))
				.orElseThrow(() -> DomainException.onField(field, "person.org.outOfScope"));
			if (org.isClosed()) {
				throw DomainException.onField(field, "person.org.closed");
			}
			inScope |= scope.covers(org);
		}
		if (command.homeOrgId() != null && !orgs.find(command.homeOrgId()).orElseThrow().type().isResidential()) {
			throw DomainException.onField("homeOrgId", "person.homeOrg.notResidential");
		}
		if (!inScope) {
			throw DomainException.onField("homeOrgId", "person.org.outOfScope");
		}
	}

	private Person load(long id, Permission permission) {
		List<Object> params = new ArrayList<>();
		params.add(id);
		String scope = scopeCondition(permission, params);
		return jdbc.sql(SELECT + " where p.id = ? and " + scope)
			.params(params)
			.query(People::map)
			.optional()
			.orElseThrow(DomainException::notFound);
	}

	private String scopeCondition(Permission permission, List<Object> params) {
		DataScope scope = scopes.current(permission);
		String work = scope.sqlCondition("w.path", params);
		String home = scope.sqlCondition("h.path", params);
		return "(" + work + " or " + home + ")";
	}

	private String where(PersonQuery query, List<Object> params) {
		boolean exact = StringUtils.hasText(query.idNumber()) || StringUtils.hasText(query.phone());
		if (exact) {
			checkExactSearch(query);
		}
		// An exact match confirms a full number: only over people the caller may see in full.
		StringBuilder where = new StringBuilder(
				scopeCondition(exact ? Permission.PERSON_FULL_VIEW : Permission.PERSON_READ, params));
		if (StringUtils.hasText(query.name())) {
			where.append(" and p.name like ?");
			params.add("%" + query.name().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.orgId() != null) {
			Org org = orgs.find(query.orgId()).orElse(null);
			String prefix = org == null ? "/none/" : org.path();
			where.append(" and (w.path like ? or h.path like ?)");
			params.add(prefix + "%");
			params.add(prefix + "%");
		}
		if (StringUtils.hasText(query.tag())) {
			where.append(" and ? = any(p.tags)");
			params.add(query.tag().strip());
		}
		if (StringUtils.hasText(query.politicalStatus())) {
			where.append(" and p.political_status = ?");
			params.add(query.politicalStatus().strip());
		}
		if (StringUtils.hasText(query.gender())) {
			where.append(" and p.gender = ?");
			params.add(query.gender().strip());
		}
		if (StringUtils.hasText(query.idNumber())) {
			where.append(" and p.id_number_hash = ?");
			params.add(cipher.hash(ID_FIELD, IdNumbers.normalize(query.idNumber())));
		}
		if (StringUtils.hasText(query.phone())) {
			where.append(" and p.phone_hash = ?");
			params.add(cipher.hash(PHONE_FIELD, IdNumbers.normalizePhone(query.phone())));
		}
		return where.toString();
	}

	/**
	 * Searching by a full ID number or phone number needs {@code person:full}, is counted by the
	 * throttle and is audited with the number masked, even when it is then refused.
	 */
	private void checkExactSearch(PersonQuery query) {
		if (scopes.current(Permission.PERSON_FULL_VIEW).isEmpty()) {
			throw new FullViewRequired();
		}
		List<String> searched = new ArrayList<>();
		if (StringUtils.hasText(query.idNumber())) {
			searched.add("身份证号 " + Masking.idNumber(IdNumbers.normalize(query.idNumber())));
		}
		if (StringUtils.hasText(query.phone())) {
			searched.add("手机号 " + Masking.phone(IdNumbers.normalizePhone(query.phone())));
		}
		String summary = "按完整号码查找人员：" + String.join("，", searched);
		try {
			throttle.charge();
		}
		catch (LookupThrottle.Throttled ex) {
			audit.recordIndependently(AuditLog.currentActor(), AuditLog.currentAddress(), "SEARCH_FULL_REFUSED", "person",
					null, query.orgId(), summary + "（过于频繁，已拒绝）");
			throw ex;
		}
		audit.recordIndependently(AuditLog.currentActor(), AuditLog.currentAddress(), "SEARCH_FULL", "person", null,
				query.orgId(), summary);
	}

	/** Searching by a full number without {@code person:full}: 403 with a message. */
	static final class FullViewRequired extends DomainException {

		FullViewRequired() {
			super(org.springframework.http.HttpStatus.FORBIDDEN, null, "person.search.fullRequired");
		}

	}

	private static Long orgOf(PersonCommand command) {
		return command.homeOrgId() != null ? command.homeOrgId() : command.workOrgId();
	}

	private static String tags(List<String> tags) {
		if (tags == null || tags.isEmpty()) {
			return "{}";
		}
		return "{" + String.join(",", tags.stream().map(tag -> "\"" + tag + "\"").toList()) + "}";
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static Person map(ResultSet rs, int row) throws SQLException {
		Array tags = rs.getArray("tags");
		long work = rs.getLong("work_org_id");
		Long workId = rs.wasNull() ? null : work;
		long home = rs.getLong("home_org_id");
		Long homeId = rs.wasNull() ? null : home;
		return new Person(rs.getLong("id"), rs.getString("name"), rs.getString("gender"),
				rs.getObject("birth_year", Integer.class), rs.getString("id_number_masked"),
				rs.getString("phone_masked"), rs.getString("address_masked"), rs.getString("political_status"),
				tags == null ? List.of() : List.of((String[]) tags.getArray()), workId, rs.getString("work_org_name"),
				homeId, rs.getString("home_org_name"));
	}

}

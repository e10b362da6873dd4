package org.wenming.volunteer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.wenming.activity.HoursRecorded;
import org.wenming.directory.DataScope;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.security.WenmingUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The points ledger (积分): append-only entries and a balance per person that changes in the same
 * transaction, under the lock of the person's account row, so that it never goes below zero and
 * always equals the sum of the person's entries.
 */
@Service
public class Points {

	/** The most points one bonus may give. */
	public static final int MAX_BONUS = 10_000;

	private static final int STATEMENT_SIZE = 200;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final AuditLog audit;

	private final PointsProperties properties;

	Points(JdbcClient jdbc, DataScopes scopes, AuditLog audit, PointsProperties properties) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.audit = audit;
		this.properties = properties;
	}

	/**
	 * Credits (or for a correction downwards, takes back) the points of an hours ledger entry, inside
	 * the transaction that appended it. A correction takes no more than the balance holds and
	 * records what it took. An entry already credited is left alone.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordHours(HoursRecorded hours) {
		int points = pointsFor(hours.hours());
		PointsKind kind = hours.correction() ? PointsKind.CORRECTION : PointsKind.HOURS;
		if (kind == PointsKind.HOURS && points < 0) {
			throw new IllegalArgumentException("an hours credit must not be negative: " + hours);
		}
		String reason = hours.hours().stripTrailingZeros().toPlainString() + "h × " + properties.pointsPerHour();
		append(hours.personId(), kind, points, true, reason, hours.entryId(), null);
	}

	/** The points an amount of hours is worth: hours × rate, rounded towards zero to whole points. */
	public int pointsFor(BigDecimal hours) {
		return hours.multiply(BigDecimal.valueOf(properties.pointsPerHour())).setScale(0, RoundingMode.DOWN).intValueExact();
	}

	/**
	 * Gives a person bonus points with a reason; the caller needs {@code store:manage} over the org
	 * the person works or lives in, and may not reward themselves.
	 */
	@Transactional
	public PointsEntry bonus(long personId, int points, String reason) {
		requirePersonInScope(personId);
		if (personId == callerPersonId()) {
			throw new DomainException("store.bonus.self");
		}
		if (points <= 0 || points > MAX_BONUS) {
			throw DomainException.onField("points", "store.bonus.points", MAX_BONUS);
		}
		if (!StringUtils.hasText(reason)) {
			throw DomainException.onField("reason", "store.bonus.reason");
		}
		String text = reason.strip();
		if (text.length() > 500) {
			throw DomainException.onField("reason", "store.reason.tooLong", 500);
		}
		PointsEntry entry = append(personId, PointsKind.BONUS, points, false, text, null, null);
		audit.record("POINTS_BONUS", "person", personId, null, points + "：" + text);
		return entry;
	}

	/** The caller's own points. */
	@Transactional(readOnly = true)
	public PointsStatement mine() {
		return statement(callerPersonId());
	}

	/** A person's balance and latest entries. */
	@Transactional(readOnly = true)
	public PointsStatement statement(long personId) {
		List<PointsEntry> entries = jdbc.sql("""
				select id, person_id, kind, delta, balance_after, reason, hours_entry_id, redemption_id, created_by,
				       created_at
				from points_entry where person_id = ? order by id desc limit ?""")
			.params(personId, STATEMENT_SIZE)
			.query(Points::entry)
			.list();
		return new PointsStatement(balance(personId), entries);
	}

	/** A person's balance (0 for someone who never had points). */
	@Transactional(readOnly = true)
	public long balance(long personId) {
		return jdbc.sql("select balance from points_account where person_id = ?")
			.param(personId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/**
	 * Appends an entry under the lock of the person's account. A debit beyond the balance is
	 * refused, or with {@code clamp} reduced to what the balance holds. An entry for an hours entry
	 * already recorded is not appended again; the one recorded is returned.
	 */
	PointsEntry append(long personId, PointsKind kind, int delta, boolean clamp, String reason, Long hoursEntryId,
			Long redemptionId) {
		// The account is the owner's: the application may lock it, and the entry moves the balance (V5_6).
		long balance = jdbc.sql("select points_account_lock(?)")
			.param(personId)
			.query(Long.class)
			.single();
		if (hoursEntryId != null) {
			List<PointsEntry> recorded = jdbc.sql("""
					select id, person_id, kind, delta, balance_after, reason, hours_entry_id, redemption_id,
					       created_by, created_at
					from points_entry where hours_entry_id = ?""")
				.param(hoursEntryId)
				.query(Points::entry)
				.list();
			if (!recorded.isEmpty()) {
				return recorded.get(0);
			}
		}
		int applied = delta;
		if (balance + delta < 0) {
			if (!clamp) {
				throw new DomainException("store.points.notEnough", -delta, balance);
			}
			applied = (int) -balance;
		}
		long after = balance + applied;
		String actor = AuditLog.currentActor();
		return jdbc.sql("""
				insert into points_entry (person_id, kind, delta, balance_after, reason, hours_entry_id, redemption_id,
				    created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				returning id, person_id, kind, delta, balance_after, reason, hours_entry_id, redemption_id, created_by,
				          created_at""")
			.params(personId, kind.name(), applied, after, reason, hoursEntryId, redemptionId, actor)
			.query(Points::entry)
			.single();
	}

	static PointsEntry entry(ResultSet rs, int row) throws SQLException {
		return new PointsEntry(rs.getLong("id"), rs.getLong("person_id"), PointsKind.valueOf(rs.getString("kind")),
				rs.getInt("delta"), rs.getLong("balance_after"), rs.getString("reason"),
				(Long) rs.getObject("hours_entry_id"), (Long) rs.getObject("redemption_id"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	/** Throws "not found" unless the person works or lives in the caller's {@code store:manage} scope. */
	void requirePersonInScope(long personId) {
		DataScope scope = scopes.current(Permission.STORE_MANAGE);
		List<Object> params = new ArrayList<>();
		params.add(personId);
		String work = scope.sqlCondition("w.path", params);
		String home = scope.sqlCondition("h.path", params);
		long found = jdbc.sql("select count(*) from person p left join org w on w.id = p.work_org_id "
				+ "left join org h on h.id = p.home_org_id where p.id = ? and (" + work + " or " + home + ")")
			.params(params)
			.query(Long.class)
			.single();
		if (found == 0) {
			throw DomainException.notFound();
		}
	}

	/** The person of the signed-in caller. */
	static long callerPersonId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof WenmingUser user) {
			return user.personId();
		}
		throw DomainException.forbidden();
	}

}

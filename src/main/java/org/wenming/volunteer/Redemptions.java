package org.wenming.volunteer;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.wenming.directory.DataScopes;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Store orders (兑换): ordering takes the points and one item off the stock in one transaction and
 * gives a pickup code; staff of the store collect the order with the code (核销); the person
 * (before collection) or staff cancel it, which pays the points back and puts the item back.
 */
@Service
public class Redemptions {

	/** Pickup codes: no 0/O or 1/I/L, to read out over a counter. */
	private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private static final int CODE_LENGTH = 8;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String SELECT = """
			select r.id, r.item_id, i.name as item_name, i.org_id, o.name as org_name, r.person_id,
			       p.name as person_name, r.points, r.code, r.status, r.ordered_at, r.collected_at, r.cancelled_at,
			       o.path
			from store_redemption r join store_item i on i.id = r.item_id join org o on o.id = i.org_id
			join person p on p.id = r.person_id
			""";

	private final JdbcClient jdbc;

	private final Points points;

	private final StoreItems items;

	private final DataScopes scopes;

	private final AuditLog audit;

	Redemptions(JdbcClient jdbc, Points points, StoreItems items, DataScopes scopes, AuditLog audit) {
		this.jdbc = jdbc;
		this.points = points;
		this.items = items;
		this.scopes = scopes;
		this.audit = audit;
	}

	/**
	 * Orders one of an active item for the caller: 404 for an unknown or inactive item, 409 when none
	 * is left, 422 when the caller's points do not cover the price. The stock is taken with one
	 * conditional update, so the last item goes to exactly one of any number of concurrent orders.
	 */
	@Transactional
	public Redemption redeem(long itemId) {
		long personId = Points.callerPersonId();
		StoreItem item = items.find(itemId);
		if (!item.active()) {
			throw DomainException.notFound();
		}
		int taken = jdbc.sql("update store_item set stock = stock - 1 where id = ? and stock > 0 and active")
			.param(itemId)
			.update();
		if (taken == 0) {
			throw DomainException.conflict("store.item.outOfStock", item.name());
		}
		// Checked after the stock (and rolled back with it), so that an empty shelf reads the same to everyone.
		if (!servesPerson(item.orgId(), personId)) {
			throw new DomainException("store.redeem.notServed", item.name());
		}
		long id = jdbc.sql("""
				insert into store_redemption (item_id, person_id, points, code) values (?, ?, ?, ?) returning id""")
			.params(itemId, personId, item.points(), newCode())
			.query(Long.class)
			.single();
		points.append(personId, PointsKind.REDEMPTION, -item.points(), false, item.name(), null, id);
		return find(id);
	}

	/**
	 * Whether the store of the org serves the person: its org is where the person lives or works or
	 * an org above it (a street's store serves its communities), or the person earned hours at an
	 * activity of the org or of an org below it. Points are one balance, but a store is stocked by
	 * its own site for its own people and volunteers, not for a resident of another district.
	 */
	private boolean servesPerson(long storeOrgId, long personId) {
		return jdbc.sql("""
				select exists (select 1 from person p join org s on s.id = ?
				    left join org h on h.id = p.home_org_id left join org w on w.id = p.work_org_id
				    where p.id = ? and (starts_with(h.path, s.path) or starts_with(w.path, s.path)))
				or exists (select 1 from hours_entry e join org o on o.id = e.org_id join org s on s.id = ?
				    where e.person_id = ? and e.kind = 'CREDIT' and starts_with(o.path, s.path))""")
			.params(storeOrgId, personId, storeOrgId, personId)
			.query(Boolean.class)
			.single();
	}

	/** Collects (核销) an open order by its pickup code, for staff of the item's store. */
	@Transactional
	public Redemption collect(String code) {
		String normalized = StringUtils.hasText(code) ? code.strip().toUpperCase(Locale.ROOT) : "";
		Redemption open = jdbc.sql(SELECT + " where r.code = ? and r.status = 'ORDERED' for update of r")
			.param(normalized)
			.query(Redemptions::map)
			.optional()
			.orElseThrow(() -> DomainException.onField("code", "store.redemption.unknownCode"));
		items.requireScope(open.orgId());
		jdbc.sql("update store_redemption set status = 'COLLECTED', collected_at = now(), collected_by = ? where id = ?")
			.params(AuditLog.currentActor(), open.id())
			.update();
		audit.record("STORE_COLLECT", "store_redemption", open.id(), open.orgId(), open.itemName());
		return find(open.id());
	}

	/**
	 * Cancels an open order: the person who ordered it or staff of the store may. The points are paid
	 * back and the item goes back into stock.
	 */
	@Transactional
	public Redemption cancel(long id) {
		Redemption order = jdbc.sql(SELECT + " where r.id = ? for update of r").param(id).query(Redemptions::map)
			.optional()
			.orElseThrow(DomainException::notFound);
		if (order.personId() != Points.callerPersonId()) {
			items.requireScope(order.orgId());
		}
		if (!order.open()) {
			throw DomainException.conflict("store.redemption.notOpen");
		}
		jdbc.sql("update store_redemption set status = 'CANCELLED', cancelled_at = now(), cancelled_by = ? where id = ?")
			.params(AuditLog.currentActor(), id)
			.update();
		jdbc.sql("update store_item set stock = stock + 1 where id = ?").param(order.itemId()).update();
		points.append(order.personId(), PointsKind.REFUND, order.points(), false, order.itemName(), null, id);
		audit.record("STORE_CANCEL", "store_redemption", id, order.orgId(), order.itemName());
		return find(id);
	}

	/** The caller's own orders, newest first. */
	@Transactional(readOnly = true)
	public List<Redemption> mine() {
		return jdbc.sql(SELECT + " where r.person_id = ? order by r.id desc limit 200")
			.param(Points.callerPersonId())
			.query(Redemptions::map)
			.list();
	}

	/** Orders at the stores in the caller's {@code store:manage} scope, newest first, optionally by status. */
	@Transactional(readOnly = true)
	public List<Redemption> managed(RedemptionStatus status) {
		List<Object> params = new ArrayList<>();
		String where = scopes.current(Permission.STORE_MANAGE).sqlCondition("o.path", params);
		if (status != null) {
			where += " and r.status = ?";
			params.add(status.name());
		}
		return jdbc.sql(SELECT + " where " + where + " order by r.id desc limit 500").params(params)
			.query(Redemptions::map).list();
	}

	Redemption find(long id) {
		return jdbc.sql(SELECT + " where r.id = ?").param(id).query(Redemptions::map).single();
	}

	static String newCode() {
		char[] code = new char[CODE_LENGTH];
		for (int i = 0; i < code.length; i++) {
			code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
		}
		return new String(code);
	}

	private static Redemption map(ResultSet rs, int row) throws SQLException {
		return new Redemption(rs.getLong("id"), rs.getLong("item_id"), rs.getString("item_name"), rs.getLong("org_id"),
				rs.getString("org_name"), rs.getLong("person_id"), rs.getString("person_name"), rs.getInt("points"),
				rs.getString("code"), RedemptionStatus.valueOf(rs.getString("status")),
				rs.getObject("ordered_at", OffsetDateTime.class), rs.getObject("collected_at", OffsetDateTime.class),
				rs.getObject("cancelled_at", OffsetDateTime.class));
	}

}

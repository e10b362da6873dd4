package org.wenming.volunteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.wenming.directory.DataScope;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.IdNumbers;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.platform.Bounds;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.crypto.Masking;
import org.wenming.platform.crypto.PersonalDataCipher;
import org.wenming.platform.security.WenmingUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Service orders (群众点单、中心派单、志愿者接单、群众评单) and wishes (微心愿). A resident orders for
 * themself, staff with {@code order:manage} for a care recipient in their scope; the practice site
 * reviews; whoever holds the order's queue dispatches it to a team or down the tree; the team's leader
 * accepts (which creates the team's activity), starts and finishes it; the resident rates it. A wish
 * is claimed by any registered volunteer instead. Every step is kept as an event and told to whom it
 * concerns.
 */
@Service
public class ServiceOrders {

	static final String PHONE_FIELD = "service_order.phone";

	static final String ADDRESS_FIELD = "service_order.address";

	private static final String SELECT = """
			select o.id, o.category_id, c.name as category_name, o.site_org_id, site.name as site_name,
			  o.handler_org_id, handler.name as handler_name, o.dispatcher_org_id, o.team_id, t.name as team_name,
			  t.leader_person_id, o.handler_person_id, hp.name as handler_person_name, o.person_id, p.name as person_name,
			  o.care_recipient_id, o.ordered_by, o.wish, o.description, o.desired_from, o.desired_to, o.phone_masked,
			  o.address_masked, o.status, o.reject_reason, o.decline_reason, o.activity_id, o.rating, o.rating_comment,
			  o.report, o.chase_count, o.last_chased_at, o.created_at, o.reviewed_at, o.dispatched_at, o.accepted_at,
			  o.finished_at, o.completed_at, o.overdue_since, o.escalated_at, o.version
			from service_order o join service_category c on c.id = o.category_id
			join org site on site.id = o.site_org_id join org handler on handler.id = o.handler_org_id
			join person p on p.id = o.person_id left join volunteer_team t on t.id = o.team_id
			left join person hp on hp.id = o.handler_person_id
			""";

	private static final int TEXT_MAX = 2_000;

	private static final int REASON_MAX = 500;

	private static final int ADDRESS_MAX = 200;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final OrgDirectory orgs;

	private final ServiceCategories categories;

	private final ServiceOrderActivities activities;

	private final ServiceOrderNotices notices;

	private final Accounts accounts;

	private final ServiceOrderProperties properties;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final Clock clock;

	ServiceOrders(JdbcClient jdbc, DataScopes scopes, OrgDirectory orgs, ServiceCategories categories,
			ServiceOrderActivities activities, ServiceOrderNotices notices, Accounts accounts,
			ServiceOrderProperties properties, PersonalDataCipher cipher, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.orgs = orgs;
		this.categories = categories;
		this.activities = activities;
		this.notices = notices;
		this.accounts = accounts;
		this.properties = properties;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- placing ----------------------------------------------------------------------------------

	/**
	 * Places an order: for the caller, or, with a care recipient, for that person by staff who manage
	 * orders over the recipient's community. A wish is placed by staff and waits to be claimed (it needs
	 * no review); any other order waits for the site's review.
	 *
	 * @return the new order's id
	 */
	@Transactional
	public long create(NewServiceOrder command) {
		WenmingUser caller = caller();
		long personId;
		Long careRecipientId = command.careRecipientId();
		Long defaultSite;
		if (careRecipientId != null) {
			Recipient recipient = jdbc.sql("""
					select c.person_id, c.responsible_org_id, o.path from care_recipient c join org o on o.id = c.responsible_org_id
					where c.id = ? and c.closed_at is null""")
				.param(careRecipientId)
				.query((rs, i) -> new Recipient(rs.getLong(1), rs.getLong(2), rs.getString(3)))
				.optional()
				.orElseThrow(DomainException::notFound);
			if (!scopes.current(Permission.ORDER_MANAGE).covers(recipient.path())) {
				throw DomainException.notFound();
			}
			personId = recipient.personId();
			defaultSite = recipient.orgId();
		}
		else {
			personId = caller.personId();
			defaultSite = jdbc.sql("select coalesce(home_org_id, work_org_id) from person where id = ?")
				.param(personId)
				.query(Long.class)
				.single();
		}
		if (command.categoryId() == null) {
			throw DomainException.onField("categoryId", "serviceOrder.category.required");
		}
		ServiceCategory category = categories.all().stream()
			.filter(c -> c.id() == command.categoryId() && c.active())
			.findFirst()
			.orElseThrow(() -> DomainException.onField("categoryId", "serviceOrder.category.unknown"));
		long siteId = command.siteOrgId() == null ? defaultSite : command.siteOrgId();
		Org site = orgs.find(siteId)
			.filter(org -> !org.isClosed())
			.orElseThrow(() -> DomainException.onField("siteOrgId", "serviceOrder.site.unknown"));
		if (command.wish() && !scopes.current(Permission.ORDER_MANAGE).covers(site)) {
			throw DomainException.forbidden();
		}
		OffsetDateTime now = now();
		if (command.desiredFrom() == null || command.desiredTo() == null) {
			throw DomainException.onField("desiredFrom", "serviceOrder.window.required");
		}
		Bounds.time("desiredFrom", command.desiredFrom(), clock);
		Bounds.time("desiredTo", command.desiredTo(), clock);
		if (!command.desiredTo().isAfter(command.desiredFrom())) {
			throw DomainException.onField("desiredTo", "serviceOrder.window.order");
		}
		if (!command.desiredTo().isAfter(now)) {
			throw DomainException.onField("desiredTo", "serviceOrder.window.past");
		}
		String description = required(command.description(), "description", "serviceOrder.description.required",
				TEXT_MAX, "serviceOrder.description.tooLong");
		String phone = IdNumbers.normalizePhone(command.phone());
		if (!StringUtils.hasText(phone)) {
			throw DomainException.onField("phone", "serviceOrder.phone.required");
		}
		if (IdNumbers.phoneProblem(phone).isPresent()) {
			throw DomainException.onField("phone", "serviceOrder.phone.format");
		}
		String address = StringUtils.hasText(command.address()) ? command.address().strip() : null;
		if (address != null && address.length() > ADDRESS_MAX) {
			throw DomainException.onField("address", "serviceOrder.address.tooLong", ADDRESS_MAX);
		}
		ServiceOrderStatus status = command.wish() ? ServiceOrderStatus.PENDING_DISPATCH
				: ServiceOrderStatus.PENDING_REVIEW;
		long id = jdbc.sql("""
				insert into service_order (category_id, site_org_id, handler_org_id, person_id, care_recipient_id,
				  ordered_by, wish, description, desired_from, desired_to, phone_cipher, phone_masked, address_cipher,
				  address_masked, status, created_at, reviewed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(category.id(), site.id(), site.id(), personId, careRecipientId, caller.getUsername(), command.wish(),
					description, command.desiredFrom(), command.desiredTo(), cipher.encrypt(PHONE_FIELD, phone),
					Masking.phone(phone), address == null ? null : cipher.encrypt(ADDRESS_FIELD, address),
					address == null ? null : Masking.address(address), status.name(), now, command.wish() ? now : null)
			.query(Long.class)
			.single();
		ServiceOrder order = load(id);
		event(order, command.wish() ? "WISHED" : "ORDERED", "");
		audit.record("CREATE", "service_order", id, site.id(),
				(command.wish() ? "发布微心愿：" : "群众点单：") + category.name() + "（" + site.name() + "）");
		if (!command.wish()) {
			notices.post(accounts.responsibleFor(site.id()), ServiceOrderNotices.staffLink(order), "ordered", order,
					site.name());
		}
		return id;
	}

	// ---- reading ----------------------------------------------------------------------------------

	/** The orders placed for the caller, newest first. */
	@Transactional(readOnly = true)
	public List<ServiceOrder> mine() {
		return jdbc.sql(SELECT + " where o.person_id = ? order by o.id desc")
			.param(caller().personId())
			.query(this::map)
			.list();
	}

	/**
	 * The board: orders whose site or queue lies in the caller's {@code order:manage} scope, optionally
	 * in one state, newest first.
	 */
	@Transactional(readOnly = true)
	public List<ServiceOrder> board(ServiceOrderStatus status) {
		DataScope scope = scopes.current(Permission.ORDER_MANAGE);
		List<Object> params = new ArrayList<>();
		String where = "(" + scope.sqlCondition("site.path", params) + " or " + scope.sqlCondition("handler.path", params)
				+ ")";
		if (status != null) {
			where += " and o.status = ?";
			params.add(status.name());
		}
		return jdbc.sql(SELECT + " where " + where + " order by o.id desc limit 500").params(params).query(this::map).list();
	}

	/** The orders dispatched to (or taken by) the teams the caller leads, newest first. */
	@Transactional(readOnly = true)
	public List<ServiceOrder> ofMyTeams() {
		return jdbc.sql(SELECT + " where t.leader_person_id = ? and o.status <> 'PENDING_DISPATCH' order by o.id desc")
			.param(caller().personId())
			.query(this::map)
			.list();
	}

	/** Wishes waiting for a volunteer, oldest first; and those the caller claimed. */
	@Transactional(readOnly = true)
	public List<ServiceOrder> openWishes() {
		return jdbc.sql(SELECT + " where o.wish and o.status = 'PENDING_DISPATCH' order by o.id")
			.query(this::map)
			.list();
	}

	/** The wishes the caller claimed, newest first. */
	@Transactional(readOnly = true)
	public List<ServiceOrder> claimedByMe() {
		return jdbc.sql(SELECT + " where o.wish and o.handler_person_id = ? order by o.id desc")
			.param(caller().personId())
			.query(this::map)
			.list();
	}

	/** The order with its history, if the caller may see it (its resident, its handlers, staff in scope). */
	@Transactional(readOnly = true)
	public ServiceOrderDetails details(long id) {
		ServiceOrder order = visible(id);
		return new ServiceOrderDetails(order, events(id));
	}

	@Transactional(readOnly = true)
	public ServiceOrder get(long id) {
		return visible(id);
	}

	/**
	 * The order's phone number and address in full, for those who handle it: the leader of the team
	 * it went to, the volunteer who claimed the wish, and staff with {@code order:manage} over its
	 * site or queue. Every look is audited.
	 */
	@Transactional
	public ServiceOrderContact contact(long id) {
		ServiceOrder order = visible(id);
		if (!handles(order)) {
			throw DomainException.forbidden();
		}
		ServiceOrderContact contact = jdbc.sql("select phone_cipher, address_cipher from service_order where id = ?")
			.param(id)
			.query((rs, i) -> new ServiceOrderContact(id, cipher.decrypt(PHONE_FIELD, rs.getBytes(1)),
					rs.getBytes(2) == null ? null : cipher.decrypt(ADDRESS_FIELD, rs.getBytes(2))))
			.single();
		audit.record("VIEW_FULL", "service_order", id, order.siteOrgId(),
				"查看点单联系方式：#" + id + " " + order.personName());
		return contact;
	}

	/** Whether the caller handles the order and so may see its contact data in full. */
	@Transactional(readOnly = true)
	public boolean handles(ServiceOrder order) {
		long me = caller().personId();
		return Long.valueOf(me).equals(order.teamLeaderPersonId()) || Long.valueOf(me).equals(order.handlerPersonId())
				|| covers(order.siteOrgId()) || covers(order.handlerOrgId());
	}

	/** Whether the caller may act on the order as the staff of its queue. */
	@Transactional(readOnly = true)
	public boolean manages(ServiceOrder order) {
		return covers(order.handlerOrgId());
	}

	/** Teams the caller may dispatch the order to: open teams in the queue's subtree and in scope. */
	@Transactional(readOnly = true)
	public List<DispatchTarget> teamsFor(long id) {
		ServiceOrder order = visible(id);
		Org handler = orgs.get(order.handlerOrgId());
		return jdbc.sql("""
				select t.id, t.name || '（' || o.name || '）' from volunteer_team t join org o on o.id = t.org_id
				where t.closed_at is null and o.path like ? order by o.path, t.name""")
			.param(handler.path() + "%")
			.query((rs, i) -> new DispatchTarget(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.filter(target -> covers(teamOrg(target.id())))
			.toList();
	}

	/** Orgs directly below the order's queue that it may be passed down to. */
	@Transactional(readOnly = true)
	public List<DispatchTarget> orgsBelow(long id) {
		ServiceOrder order = visible(id);
		return jdbc.sql("select id, name from org where parent_id = ? and closed_at is null order by path")
			.param(order.handlerOrgId())
			.query((rs, i) -> new DispatchTarget(rs.getLong(1), rs.getString(2)))
			.list();
	}

	/** A team or an org to dispatch an order to. */
	public record DispatchTarget(long id, String name) {
	}

	// ---- the site and the dispatchers ------------------------------------------------------------

	/** The site approves the order (待派单) or rejects it with a reason (已拒绝). */
	@Transactional
	public ServiceOrder review(long id, boolean approve, String reason) {
		ServiceOrder order = locked(id);
		requireManages(order.siteOrgId());
		if (approve) {
			order.status().moveTo(ServiceOrderStatus.PENDING_DISPATCH, "serviceOrder.review.illegal");
			jdbc.sql("update service_order set status = 'PENDING_DISPATCH', reviewed_at = ?, version = version + 1 where id = ?")
				.params(now(), id)
				.update();
			ServiceOrder approved = load(id);
			event(approved, "APPROVED", "");
			notices.post(notices.resident(approved), ServiceOrderNotices.residentLink(approved), "approved", approved);
			return approved;
		}
		order.status().moveTo(ServiceOrderStatus.REJECTED, "serviceOrder.review.illegal");
		String checked = required(reason, "reason", "serviceOrder.reason.required", REASON_MAX,
				"serviceOrder.reason.tooLong");
		jdbc.sql("""
				update service_order set status = 'REJECTED', reject_reason = ?, reviewed_at = ?, version = version + 1
				where id = ?""")
			.params(checked, now(), id)
			.update();
		ServiceOrder rejected = load(id);
		event(rejected, "REJECTED", checked);
		notices.post(notices.resident(rejected), ServiceOrderNotices.residentLink(rejected), "rejected", rejected, checked);
		return rejected;
	}

	/**
	 * Whoever holds the order's queue dispatches it: to a team in the queue's subtree, or down to an org
	 * below, whose admins then dispatch it further. Exactly one of {@code teamId} and {@code orgId}.
	 */
	@Transactional
	public ServiceOrder dispatch(long id, Long teamId, Long orgId) {
		ServiceOrder order = locked(id);
		requireManages(order.handlerOrgId());
		if (!order.awaitsDispatch()) {
			throw DomainException.conflict("serviceOrder.dispatch.illegal");
		}
		if ((teamId == null) == (orgId == null)) {
			throw DomainException.onField("teamId", "serviceOrder.dispatch.target");
		}
		Org handler = orgs.get(order.handlerOrgId());
		if (order.wish()) {
			throw DomainException.conflict("serviceOrder.dispatch.wish");
		}
		OffsetDateTime now = now();
		if (teamId != null) {
			Optional<Org> teamOrg = jdbc.sql("select org_id from volunteer_team where id = ? and closed_at is null")
				.param(teamId)
				.query(Long.class)
				.optional()
				.flatMap(orgs::find);
			if (teamOrg.isEmpty() || !teamOrg.get().path().startsWith(handler.path()) || !covers(teamOrg.get().id())) {
				throw DomainException.onField("teamId", "serviceOrder.dispatch.team.unknown");
			}
			jdbc.sql("""
					update service_order set status = 'DISPATCHED', team_id = ?, dispatcher_org_id = handler_org_id,
					  dispatched_at = coalesce(dispatched_at, ?), overdue_since = null, escalated_at = null,
					  version = version + 1 where id = ?""")
				.params(teamId, now, id)
				.update();
			ServiceOrder dispatched = load(id);
			event(dispatched, "DISPATCHED", dispatched.teamName());
			notices.post(notices.accountsOf(dispatched.teamLeaderPersonId()), ServiceOrderNotices.teamLink(dispatched),
					"dispatchedToTeam", dispatched, dispatched.teamName());
			notices.post(notices.resident(dispatched), ServiceOrderNotices.residentLink(dispatched), "dispatched",
					dispatched, dispatched.teamName());
			return dispatched;
		}
		Org below = orgs.find(orgId)
			.filter(org -> !org.isClosed() && org.id() != handler.id() && org.path().startsWith(handler.path()))
			.orElseThrow(() -> DomainException.onField("orgId", "serviceOrder.dispatch.org.unknown"));
		jdbc.sql("""
				update service_order set status = 'DISPATCHED', handler_org_id = ?, dispatcher_org_id = handler_org_id,
				  team_id = null, dispatched_at = coalesce(dispatched_at, ?), overdue_since = null, escalated_at = null,
				  version = version + 1 where id = ?""")
			.params(below.id(), now, id)
			.update();
		ServiceOrder dispatched = load(id);
		event(dispatched, "PASSED_DOWN", below.name());
		notices.post(accounts.responsibleFor(below.id()), ServiceOrderNotices.staffLink(dispatched), "passedDown",
				dispatched, handler.name());
		return dispatched;
	}

	/** Staff close an order the resident did not rate within the configured days after the service. */
	@Transactional
	public ServiceOrder closeUnrated(long id) {
		ServiceOrder order = locked(id);
		requireManages(order.siteOrgId());
		order.status().moveTo(ServiceOrderStatus.COMPLETED, "serviceOrder.close.illegal");
		if (order.finishedAt().plusDays(properties.closeUnratedAfterDays()).isAfter(now())) {
			throw DomainException.conflict("serviceOrder.close.tooEarly", properties.closeUnratedAfterDays());
		}
		jdbc.sql("update service_order set status = 'COMPLETED', completed_at = ?, version = version + 1 where id = ?")
			.params(now(), id)
			.update();
		ServiceOrder closed = load(id);
		event(closed, "CLOSED", "");
		return closed;
	}

	// ---- the team -----------------------------------------------------------------------------------

	/**
	 * The leader of the team the order was dispatched to accepts it: the team's activity for it is
	 * created and published, and the order keeps its id.
	 */
	@Transactional
	public ServiceOrder accept(long id) {
		ServiceOrder order = locked(id);
		requireLeader(order);
		if (!order.awaitsTeam()) {
			throw DomainException.conflict("serviceOrder.accept.illegal");
		}
		long teamOrgId = teamOrg(order.teamId());
		long activityId = activities.createFor(order, teamOrgId, order.categoryName());
		jdbc.sql("""
				update service_order set status = 'ACCEPTED', activity_id = ?, accepted_at = ?, overdue_since = null,
				  escalated_at = null, decline_reason = null, version = version + 1 where id = ?""")
			.params(activityId, now(), id)
			.update();
		ServiceOrder accepted = load(id);
		event(accepted, "ACCEPTED", accepted.teamName());
		notices.post(notices.resident(accepted), ServiceOrderNotices.residentLink(accepted), "accepted", accepted,
				accepted.teamName());
		return accepted;
	}

	/** The leader declines with a reason: the order returns to the queue of the org that dispatched it. */
	@Transactional
	public ServiceOrder decline(long id, String reason) {
		ServiceOrder order = locked(id);
		requireLeader(order);
		if (!order.awaitsTeam()) {
			throw DomainException.conflict("serviceOrder.decline.illegal");
		}
		String checked = required(reason, "reason", "serviceOrder.reason.required", REASON_MAX,
				"serviceOrder.reason.tooLong");
		jdbc.sql("""
				update service_order set status = 'PENDING_DISPATCH', handler_org_id = coalesce(dispatcher_org_id, handler_org_id),
				  team_id = null, decline_reason = ?, version = version + 1 where id = ?""")
			.params(checked, id)
			.update();
		ServiceOrder declined = load(id);
		event(declined, "DECLINED", order.teamName() + "：" + checked);
		notices.post(accounts.responsibleFor(declined.handlerOrgId()), ServiceOrderNotices.staffLink(declined),
				"declined", declined, order.teamName(), checked);
		return declined;
	}

	/** The leader (or the volunteer who claimed the wish) starts the service. */
	@Transactional
	public ServiceOrder start(long id) {
		ServiceOrder order = locked(id);
		requireServer(order);
		order.status().moveTo(ServiceOrderStatus.IN_SERVICE, "serviceOrder.start.illegal");
		jdbc.sql("update service_order set status = 'IN_SERVICE', version = version + 1 where id = ?").param(id).update();
		ServiceOrder started = load(id);
		event(started, "STARTED", "");
		notices.post(notices.resident(started), ServiceOrderNotices.residentLink(started), "started", started);
		return started;
	}

	/**
	 * The service is done; it waits for the resident's rating. A close-out report (结项报告) may come with
	 * it or later.
	 */
	@Transactional
	public ServiceOrder finish(long id, String report) {
		ServiceOrder order = locked(id);
		requireServer(order);
		order.status().moveTo(ServiceOrderStatus.PENDING_RATING, "serviceOrder.finish.illegal");
		String checked = StringUtils.hasText(report) ? required(report, "report", "serviceOrder.report.required",
				TEXT_MAX, "serviceOrder.report.tooLong") : null;
		jdbc.sql("""
				update service_order set status = 'PENDING_RATING', finished_at = ?, report = coalesce(?, report),
				  version = version + 1 where id = ?""")
			.params(now(), checked, id)
			.update();
		ServiceOrder finished = load(id);
		event(finished, "FINISHED", checked == null ? "" : checked);
		notices.post(notices.resident(finished), ServiceOrderNotices.residentLink(finished), "finished", finished);
		return finished;
	}

	/** The team's close-out report (结项报告), once the service is finished; a later one replaces it. */
	@Transactional
	public ServiceOrder report(long id, String text) {
		ServiceOrder order = locked(id);
		requireServer(order);
		if (order.status() != ServiceOrderStatus.PENDING_RATING && order.status() != ServiceOrderStatus.COMPLETED) {
			throw DomainException.conflict("serviceOrder.report.illegal");
		}
		String checked = required(text, "text", "serviceOrder.report.required", TEXT_MAX, "serviceOrder.report.tooLong");
		jdbc.sql("update service_order set report = ?, version = version + 1 where id = ?").params(checked, id).update();
		ServiceOrder reported = load(id);
		event(reported, "REPORTED", checked);
		return reported;
	}

	// ---- wishes -------------------------------------------------------------------------------------

	/**
	 * A registered volunteer (status ACTIVE) claims an open wish and becomes its handler. Of many
	 * volunteers claiming the same wish at once, one succeeds; the others hear it is taken.
	 */
	@Transactional
	public ServiceOrder claim(long id) {
		long personId = caller().personId();
		boolean volunteer = jdbc.sql("select count(*) from volunteer where person_id = ? and status = 'ACTIVE'")
			.param(personId)
			.query(Long.class)
			.single() > 0;
		ServiceOrder order = find(id).filter(ServiceOrder::wish).orElseThrow(DomainException::notFound);
		if (!volunteer) {
			// Whoever may not see the wish hears the same as for a wish that does not exist.
			if (!canSee(order)) {
				throw DomainException.notFound();
			}
			throw DomainException.forbidden();
		}
		if (order.personId() == personId) {
			throw DomainException.conflict("serviceOrder.claim.own");
		}
		int claimed = jdbc.sql("""
				update service_order set status = 'ACCEPTED', handler_person_id = ?, accepted_at = ?, overdue_since = null,
				  escalated_at = null, version = version + 1 where id = ? and wish and status = 'PENDING_DISPATCH'""")
			.params(personId, now(), id)
			.update();
		if (claimed == 0) {
			throw DomainException.conflict("serviceOrder.claim.taken");
		}
		ServiceOrder accepted = load(id);
		event(accepted, "CLAIMED", accepted.handlerPersonName());
		notices.post(notices.resident(accepted), ServiceOrderNotices.residentLink(accepted), "claimed", accepted,
				accepted.handlerPersonName());
		return accepted;
	}

	// ---- the resident -------------------------------------------------------------------------------

	/** The resident rates the finished service 1–5, with a comment; the order is complete. */
	@Transactional
	public ServiceOrder rate(long id, Integer rating, String comment) {
		ServiceOrder order = locked(id);
		requireOwner(order);
		order.status().moveTo(ServiceOrderStatus.COMPLETED, "serviceOrder.rate.illegal");
		if (rating == null || rating < 1 || rating > 5) {
			throw DomainException.onField("rating", "serviceOrder.rating.range");
		}
		String checked = comment == null ? "" : comment.strip();
		if (checked.length() > REASON_MAX) {
			throw DomainException.onField("comment", "serviceOrder.comment.tooLong", REASON_MAX);
		}
		jdbc.sql("""
				update service_order set status = 'COMPLETED', rating = ?, rating_comment = ?, completed_at = ?,
				  version = version + 1 where id = ?""")
			.params(rating, checked, now(), id)
			.update();
		ServiceOrder rated = load(id);
		event(rated, "RATED", rating + "★ " + checked);
		notices.post(notices.handler(rated), ServiceOrderNotices.teamLink(rated), "rated", rated, rating);
		return rated;
	}

	/** The resident cancels the order before anyone has accepted it. */
	@Transactional
	public ServiceOrder cancel(long id, String reason) {
		ServiceOrder order = locked(id);
		requireOwner(order);
		order.status().moveTo(ServiceOrderStatus.CANCELLED, "serviceOrder.cancel.illegal");
		String checked = reason == null ? "" : reason.strip();
		if (checked.length() > REASON_MAX) {
			throw DomainException.onField("reason", "serviceOrder.reason.tooLong", REASON_MAX);
		}
		Set<String> handlers = notices.handler(order);
		jdbc.sql("update service_order set status = 'CANCELLED', version = version + 1 where id = ?").param(id).update();
		ServiceOrder cancelled = load(id);
		event(cancelled, "CANCELLED", checked);
		notices.post(handlers, ServiceOrderNotices.staffLink(cancelled), "cancelled", cancelled, checked);
		return cancelled;
	}

	/** The resident chases (催单) an open order: its current handler is told; at most once an hour. */
	@Transactional
	public ServiceOrder chase(long id) {
		ServiceOrder order = locked(id);
		requireOwner(order);
		if (order.status().isFinal() || order.status() == ServiceOrderStatus.PENDING_RATING) {
			throw DomainException.conflict("serviceOrder.chase.illegal");
		}
		OffsetDateTime now = now();
		if (order.lastChasedAt() != null && order.lastChasedAt().plus(properties.chaseInterval()).isAfter(now)) {
			throw DomainException.conflict("serviceOrder.chase.tooSoon");
		}
		jdbc.sql("""
				update service_order set chase_count = chase_count + 1, last_chased_at = ?, version = version + 1
				where id = ?""")
			.params(now, id)
			.update();
		ServiceOrder chased = load(id);
		event(chased, "CHASED", "");
		String link = order.awaitsDispatch() || order.status() == ServiceOrderStatus.PENDING_REVIEW
				? ServiceOrderNotices.staffLink(chased) : ServiceOrderNotices.teamLink(chased);
		notices.post(notices.handler(chased), link, "chased", chased, chased.chaseCount());
		return chased;
	}

	// ---- helpers ------------------------------------------------------------------------------------

	Optional<ServiceOrder> find(long id) {
		return jdbc.sql(SELECT + " where o.id = ?").param(id).query(this::map).optional();
	}

	ServiceOrder load(long id) {
		return find(id).orElseThrow(DomainException::notFound);
	}

	/** The order, its row locked until the transaction ends, if the caller may see it. */
	private ServiceOrder locked(long id) {
		jdbc.sql("select id from service_order where id = ? for update").param(id).query(Long.class).optional()
			.orElseThrow(DomainException::notFound);
		return visible(id);
	}

	private ServiceOrder visible(long id) {
		ServiceOrder order = find(id).orElseThrow(DomainException::notFound);
		if (!canSee(order)) {
			throw DomainException.notFound();
		}
		return order;
	}

	private boolean canSee(ServiceOrder order) {
		WenmingUser caller = caller();
		long me = caller.personId();
		if (order.personId() == me || caller.getUsername().equals(order.orderedBy())
				|| Long.valueOf(me).equals(order.teamLeaderPersonId()) || Long.valueOf(me).equals(order.handlerPersonId())) {
			return true;
		}
		if (covers(order.siteOrgId()) || covers(order.handlerOrgId())) {
			return true;
		}
		// An open wish is there for every registered volunteer to see.
		return order.wish() && order.status() == ServiceOrderStatus.PENDING_DISPATCH
				&& jdbc.sql("select count(*) from volunteer where person_id = ? and status = 'ACTIVE'")
					.param(me)
					.query(Long.class)
					.single() > 0;
	}

	private boolean covers(long orgId) {
		DataScope scope = scopes.current(Permission.ORDER_MANAGE);
		return !scope.isEmpty() && orgs.find(orgId).map(scope::covers).orElse(false);
	}

	private void requireManages(long orgId) {
		if (!covers(orgId)) {
			throw DomainException.forbidden();
		}
	}

	private void requireLeader(ServiceOrder order) {
		if (order.teamLeaderPersonId() == null || order.teamLeaderPersonId() != caller().personId()) {
			throw DomainException.forbidden();
		}
	}

	/** The leader of the team that took the order, or the volunteer who claimed the wish. */
	private void requireServer(ServiceOrder order) {
		long me = caller().personId();
		boolean server = order.wish() ? Long.valueOf(me).equals(order.handlerPersonId())
				: Long.valueOf(me).equals(order.teamLeaderPersonId());
		if (!server) {
			throw DomainException.forbidden();
		}
	}

	private void requireOwner(ServiceOrder order) {
		WenmingUser caller = caller();
		if (order.personId() != caller.personId() && !caller.getUsername().equals(order.orderedBy())) {
			throw DomainException.forbidden();
		}
	}

	private long teamOrg(long teamId) {
		return jdbc.sql("select org_id from volunteer_team where id = ?").param(teamId).query(Long.class).single();
	}

	List<ServiceOrderEvent> events(long id) {
		return jdbc.sql("select at, actor, action, status, note from service_order_event where order_id = ? order by id")
			.param(id)
			.query((rs, i) -> new ServiceOrderEvent(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
					rs.getString(3), ServiceOrderStatus.valueOf(rs.getString(4)), rs.getString(5)))
			.list();
	}

	void event(ServiceOrder order, String action, String note) {
		jdbc.sql("insert into service_order_event (order_id, at, actor, action, status, note) values (?, ?, ?, ?, ?, ?)")
			.params(order.id(), now(), AuditLog.currentActor(), action, order.status().name(),
					note == null ? "" : note.length() > TEXT_MAX ? note.substring(0, TEXT_MAX) : note)
			.update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	private static WenmingUser caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof WenmingUser user)) {
			throw DomainException.forbidden();
		}
		return user;
	}

	private static String required(String text, String field, String requiredKey, int max, String tooLongKey) {
		String checked = text == null ? "" : text.strip();
		if (checked.isEmpty()) {
			throw DomainException.onField(field, requiredKey);
		}
		if (checked.length() > max) {
			throw DomainException.onField(field, tooLongKey, max);
		}
		return checked;
	}

	private ServiceOrder map(ResultSet rs, int row) throws SQLException {
		return new ServiceOrder(rs.getLong("id"), rs.getLong("category_id"), rs.getString("category_name"),
				rs.getLong("site_org_id"), rs.getString("site_name"), rs.getLong("handler_org_id"),
				rs.getString("handler_name"), rs.getObject("dispatcher_org_id", Long.class),
				rs.getObject("team_id", Long.class), rs.getString("team_name"),
				rs.getObject("leader_person_id", Long.class), rs.getObject("handler_person_id", Long.class),
				rs.getString("handler_person_name"), rs.getLong("person_id"), rs.getString("person_name"),
				rs.getObject("care_recipient_id", Long.class), rs.getString("ordered_by"), rs.getBoolean("wish"),
				rs.getString("description"), rs.getObject("desired_from", OffsetDateTime.class),
				rs.getObject("desired_to", OffsetDateTime.class), rs.getString("phone_masked"),
				rs.getString("address_masked"), ServiceOrderStatus.valueOf(rs.getString("status")),
				rs.getString("reject_reason"), rs.getString("decline_reason"), rs.getObject("activity_id", Long.class),
				rs.getObject("rating", Integer.class), rs.getString("rating_comment"), rs.getString("report"),
				rs.getInt("chase_count"), rs.getObject("last_chased_at", OffsetDateTime.class),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("reviewed_at", OffsetDateTime.class),
				rs.getObject("dispatched_at", OffsetDateTime.class), rs.getObject("accepted_at", OffsetDateTime.class),
				rs.getObject("finished_at", OffsetDateTime.class), rs.getObject("completed_at", OffsetDateTime.class),
				rs.getObject("overdue_since", OffsetDateTime.class), rs.getObject("escalated_at", OffsetDateTime.class),
				rs.getInt("version"));
	}

	private record Recipient(long personId, long orgId, String path) {
	}

}

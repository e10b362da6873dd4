package org.wenming.volunteer;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.wenming.directory.Accounts;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.platform.notify.Notifications;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the people concerned about a service order, in the inbox: the resident, the admins of the
 * org whose queue it is in (or of the nearest ancestor that has any), the leader of the team, the
 * volunteer who claimed a wish.
 */
@Component
class ServiceOrderNotices {

	static final String CATEGORY = "SERVICE_ORDER";

	/** Notifications are stored once, in the office's language. */
	private static final Locale LANGUAGE = Locale.SIMPLIFIED_CHINESE;

	private final Notifications notifications;

	private final Accounts accounts;

	private final OrgDirectory orgs;

	private final MessageSource messages;


	ServiceOrderNotices(Notifications notifications, Accounts accounts, OrgDirectory orgs, MessageSource messages) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.orgs = orgs;
		this.messages = messages;
	}

	/** The accounts of the resident the order is for, and of whoever placed it for them. */
	Set<String> resident(ServiceOrder order) {
		Set<String> names = new LinkedHashSet<>(accountsOf(order.personId()));
		names.add(order.orderedBy());
		return names;
	}

	/** Whoever has to act on the order now: the claimer, the team's leader, or the queue's admins. */
	Set<String> handler(ServiceOrder order) {
		if (order.handlerPersonId() != null) {
			return accountsOf(order.handlerPersonId());
		}
		if (order.teamLeaderPersonId() != null && order.status() != ServiceOrderStatus.PENDING_DISPATCH) {
			return accountsOf(order.teamLeaderPersonId());
		}
		return accounts.responsibleFor(order.handlerOrgId());
	}

	Set<String> accountsOf(Long personId) {
		if (personId == null) {
			return Set.of();
		}
		return new LinkedHashSet<>(accounts.usernamesOf(personId));
	}

	/** The admins answering for the parent of the order's queue; none at the top of the tree. */
	Set<String> aboveHandler(ServiceOrder order) {
		return orgs.find(order.handlerOrgId())
			.map(Org::parentId)
			.map(accounts::responsibleFor)
			.orElse(Set.of());
	}

	/** Posts the notice {@code serviceOrder.notice.<what>.title/.body} about the order. */
	void post(Collection<String> recipients, String link, String what, ServiceOrder order, Object... extra) {
		if (recipients.isEmpty()) {
			return;
		}
		Object[] args = new Object[extra.length + 2];
		args[0] = String.valueOf(order.id());
		args[1] = order.categoryName();
		for (int i = 0; i < extra.length; i++) {
			args[i + 2] = extra[i] == null ? "" : extra[i].toString();
		}
		String title = messages.getMessage("serviceOrder.notice." + what + ".title", args, LANGUAGE);
		String body = messages.getMessage("serviceOrder.notice." + what + ".body", args, LANGUAGE);
		for (String recipient : new LinkedHashSet<>(recipients)) {
			notifications.post(recipient, CATEGORY, title, body, link);
		}
	}

	/** Where the resident follows the order. */
	static String residentLink(ServiceOrder order) {
		return "/m/orders/" + order.id();
	}

	/** Where staff handle the order. */
	static String staffLink(ServiceOrder order) {
		return "/service-orders/" + order.id();
	}

	/** Where a team leader or a claiming volunteer handles the order. */
	static String teamLink(ServiceOrder order) {
		return order.wish() ? "/m/wishes" : "/service-orders/team";
	}

}

package org.wenming.volunteer.web;

import java.util.List;

import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.WorkbenchItems;
import org.wenming.volunteer.ServiceOrder;
import org.wenming.volunteer.ServiceOrderStatus;
import org.wenming.volunteer.ServiceOrders;

import org.springframework.stereotype.Component;

/**
 * Tells a team leader on the workbench how many orders of their teams wait for them (to accept, to
 * start or to finish), with a link to the team's order queue.
 */
@Component
class TeamOrderTodos implements WorkbenchItems {

	private final ServiceOrders orders;

	TeamOrderTodos(ServiceOrders orders) {
		this.orders = orders;
	}

	@Override
	public List<Todo> todosFor(WenmingUser user) {
		if (user == null) {
			return List.of();
		}
		long waiting = orders.ofMyTeams()
			.stream()
			.filter(TeamOrderTodos::waitsForTheTeam)
			.count();
		return waiting == 0 ? List.of() : List.of(new Todo("charts.todo.teamOrders", List.of(waiting), "/service-orders/team", waiting));
	}

	private static boolean waitsForTheTeam(ServiceOrder order) {
		return order.awaitsTeam() || order.status() == ServiceOrderStatus.ACCEPTED
				|| order.status() == ServiceOrderStatus.IN_SERVICE;
	}

}

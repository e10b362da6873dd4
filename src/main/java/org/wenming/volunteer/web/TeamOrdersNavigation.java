package org.wenming.volunteer.web;

import java.util.List;

import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.Navigation;
import org.wenming.platform.web.NavigationItems;
import org.wenming.volunteer.Teams;

import org.springframework.stereotype.Component;

/**
 * The order queue of a team (服务队接单) in the sidebar, for whoever captains an open team; until
 * now it was reached only from notifications.
 */
@Component
class TeamOrdersNavigation implements NavigationItems {

	static final Navigation.Item TEAM_ORDERS = new Navigation.Item(Navigation.Group.ORDER, "nav.teamOrders",
			"/service-orders/team", null);

	private final Teams teams;

	TeamOrdersNavigation(Teams teams) {
		this.teams = teams;
	}

	@Override
	public List<Navigation.Item> itemsFor(WenmingUser user) {
		return teams.led(user.personId()).isEmpty() ? List.of() : List.of(TEAM_ORDERS);
	}

}

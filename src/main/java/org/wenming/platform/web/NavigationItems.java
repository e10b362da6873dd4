package org.wenming.platform.web;

import java.util.List;

import org.wenming.platform.security.WenmingUser;

/**
 * Pages a module adds to the sidebar for a user when a permission alone does not say who may use
 * them (the order queue of a team's captain).
 */
public interface NavigationItems {

	List<Navigation.Item> itemsFor(WenmingUser user);

}

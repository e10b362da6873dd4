package org.wenming.platform.web;

import java.util.List;

import org.wenming.platform.security.WenmingUser;

/**
 * What a module puts on a user's workbench (工作台): the to-dos waiting for this user.
 */
public interface WorkbenchItems {

	List<Todo> todosFor(WenmingUser user);

	/**
	 * One to-do: a message key with its arguments, a link to where it is done, and how many items
	 * wait there.
	 */
	record Todo(String messageKey, List<Object> args, String link, long count) {
	}

}

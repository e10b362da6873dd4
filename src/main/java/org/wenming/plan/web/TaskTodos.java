package org.wenming.plan.web;

import java.util.ArrayList;
import java.util.List;

import org.wenming.plan.Tasks;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.WorkbenchItems;

import org.springframework.stereotype.Component;

/**
 * Tells the admins of an org on the workbench what its tasks and submissions wait for.
 */
@Component
class TaskTodos implements WorkbenchItems {

	private static final String LINK = "/assignments";

	private final Tasks tasks;

	TaskTodos(Tasks tasks) {
		this.tasks = tasks;
	}

	@Override
	public List<Todo> todosFor(WenmingUser user) {
		if (user == null || user.getAuthorities().stream().noneMatch(a -> "plan:write".equals(a.getAuthority()))) {
			return List.of();
		}
		Tasks.TodoCounts counts = tasks.todoCounts();
		List<Todo> todos = new ArrayList<>();
		add(todos, "plan.todo.tasksOpen", counts.tasksOpen());
		add(todos, "plan.todo.tasksOverdue", counts.tasksOverdue());
		add(todos, "plan.todo.tasksToAccept", counts.tasksToAccept());
		add(todos, "plan.todo.submissionsToSubmit", counts.submissionsToSubmit());
		add(todos, "plan.todo.submissionsToReview", counts.submissionsToReview());
		return todos;
	}

	private static void add(List<Todo> todos, String key, long count) {
		if (count > 0) {
			todos.add(new Todo(key, List.of(count), LINK, count));
		}
	}

}

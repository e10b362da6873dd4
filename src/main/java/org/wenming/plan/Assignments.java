package org.wenming.plan;

import java.util.List;

/**
 * What the caller's orgs have to do: the open tasks they own and the submissions due from them.
 */
public record Assignments(List<Task> tasks, List<Submission> submissions) {
}

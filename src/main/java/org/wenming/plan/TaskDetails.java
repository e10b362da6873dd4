package org.wenming.plan;

import java.util.List;

/**
 * A task with its reports, newest first.
 */
public record TaskDetails(Task task, List<TaskReport> reports) {
}

package org.wenming.plan;

/**
 * How urgent a task is. The message key {@code plan.task.priority.<NAME>} names it.
 */
public enum Priority {

	LOW, NORMAL, HIGH

}

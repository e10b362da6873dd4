package org.wenming.plan;

import java.time.Instant;

/**
 * The plan's org accepted the report of a task (or of the last period of a recurring one).
 */
public record TaskCompleted(long taskId, long planId, long ownerOrgId, Instant completedAt) {
}

package org.wenming.plan;

import java.time.LocalDate;

/**
 * A task passed its deadline without being reported.
 */
public record TaskOverdue(long taskId, long planId, long ownerOrgId, LocalDate deadline) {
}

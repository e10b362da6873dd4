package org.wenming.volunteer;

import java.time.OffsetDateTime;

/**
 * One step in the history of a service order: who did what, and the state it left the order in. The
 * message key {@code serviceOrder.action.<ACTION>} names the action.
 */
public record ServiceOrderEvent(OffsetDateTime at, String actor, String action, ServiceOrderStatus status,
		String note) {
}

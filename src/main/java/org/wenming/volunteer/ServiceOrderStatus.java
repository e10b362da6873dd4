package org.wenming.volunteer;

import java.util.EnumSet;
import java.util.Set;

import org.wenming.platform.DomainException;

/**
 * The states of a service order: 待审核 → 待派单 → 已派单 → 已接单 → 服务中 → 待评价 → 已完成, or
 * 已拒绝 by the site and 已取消 by the resident before anyone accepts it. An order dispatched down the
 * tree may be dispatched again from the org below; a declined one returns to 待派单; a wish (微心愿) is
 * claimed straight from 待派单. The message key {@code serviceOrder.status.<NAME>} names each one.
 */
public enum ServiceOrderStatus {

	PENDING_REVIEW, PENDING_DISPATCH, DISPATCHED, ACCEPTED, IN_SERVICE, PENDING_RATING, COMPLETED, REJECTED,
	CANCELLED;

	/** Whether an order in this state may move to {@code next}. */
	public boolean canMoveTo(ServiceOrderStatus next) {
		return successors().contains(next);
	}

	/**
	 * The state after a move to {@code next}.
	 *
	 * @throws DomainException with {@code messageKey} (a conflict) when the move is not allowed
	 */
	public ServiceOrderStatus moveTo(ServiceOrderStatus next, String messageKey) {
		if (!canMoveTo(next)) {
			throw DomainException.conflict(messageKey);
		}
		return next;
	}

	/** Whether nothing more happens to an order in this state. */
	public boolean isFinal() {
		return this == COMPLETED || this == REJECTED || this == CANCELLED;
	}

	/** Whether the resident may still cancel: nobody has accepted the order yet. */
	public boolean isCancellable() {
		return canMoveTo(CANCELLED);
	}

	private Set<ServiceOrderStatus> successors() {
		return switch (this) {
			case PENDING_REVIEW -> EnumSet.of(PENDING_DISPATCH, REJECTED, CANCELLED);
			// Dispatched to a team or an org below, or claimed as a wish.
			case PENDING_DISPATCH -> EnumSet.of(DISPATCHED, ACCEPTED, CANCELLED);
			// Passed further down, accepted by the team, or declined back to the dispatcher's queue.
			case DISPATCHED -> EnumSet.of(DISPATCHED, ACCEPTED, PENDING_DISPATCH, CANCELLED);
			case ACCEPTED -> EnumSet.of(IN_SERVICE);
			case IN_SERVICE -> EnumSet.of(PENDING_RATING);
			case PENDING_RATING -> EnumSet.of(COMPLETED);
			case COMPLETED, REJECTED, CANCELLED -> EnumSet.noneOf(ServiceOrderStatus.class);
		};
	}

}

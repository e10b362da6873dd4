package org.wenming.volunteer;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.wenming.platform.DomainException;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wenming.volunteer.ServiceOrderStatus.*;

/**
 * The service order state machine, every pair of states: what the table below allows is allowed,
 * everything else refused with a conflict.
 */
class ServiceOrderStatusTests {

	static final Map<ServiceOrderStatus, Set<ServiceOrderStatus>> ALLOWED = Map.of(
			PENDING_REVIEW, EnumSet.of(PENDING_DISPATCH, REJECTED, CANCELLED),
			PENDING_DISPATCH, EnumSet.of(DISPATCHED, ACCEPTED, CANCELLED),
			DISPATCHED, EnumSet.of(DISPATCHED, ACCEPTED, PENDING_DISPATCH, CANCELLED),
			ACCEPTED, EnumSet.of(IN_SERVICE),
			IN_SERVICE, EnumSet.of(PENDING_RATING),
			PENDING_RATING, EnumSet.of(COMPLETED),
			COMPLETED, EnumSet.noneOf(ServiceOrderStatus.class),
			REJECTED, EnumSet.noneOf(ServiceOrderStatus.class),
			CANCELLED, EnumSet.noneOf(ServiceOrderStatus.class));

	@Test
	void everyStateIsInTheTable() {
		assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(ServiceOrderStatus.values());
	}

	@Test
	void everyAllowedMoveIsAllowedAndEveryOtherRefused() {
		int allowed = 0;
		int refused = 0;
		for (ServiceOrderStatus from : values()) {
			for (ServiceOrderStatus to : values()) {
				if (ALLOWED.get(from).contains(to)) {
					assertThat(from.canMoveTo(to)).as(from + " → " + to).isTrue();
					assertThat(from.moveTo(to, "serviceOrder.illegal")).isEqualTo(to);
					allowed++;
				}
				else {
					assertThat(from.canMoveTo(to)).as(from + " → " + to).isFalse();
					assertThatThrownBy(() -> from.moveTo(to, "serviceOrder.illegal"))
						.isInstanceOfSatisfying(DomainException.class, ex -> {
							assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
							assertThat(ex.code()).isEqualTo("serviceOrder.illegal");
						});
					refused++;
				}
			}
		}
		assertThat(allowed).isEqualTo(13);
		assertThat(refused).isEqualTo(81 - 13);
	}

	@Test
	void onlyCompletedRejectedAndCancelledAreFinal() {
		assertThat(EnumSet.allOf(ServiceOrderStatus.class).stream().filter(ServiceOrderStatus::isFinal))
			.containsExactlyInAnyOrder(COMPLETED, REJECTED, CANCELLED);
	}

	@Test
	void residentCancelsOnlyBeforeAcceptance() {
		assertThat(EnumSet.allOf(ServiceOrderStatus.class).stream().filter(ServiceOrderStatus::isCancellable))
			.containsExactlyInAnyOrder(PENDING_REVIEW, PENDING_DISPATCH, DISPATCHED);
	}

	@Test
	void nothingSkipsTheRating() {
		assertThat(IN_SERVICE.canMoveTo(COMPLETED)).isFalse();
		assertThat(ACCEPTED.canMoveTo(COMPLETED)).isFalse();
		assertThat(DISPATCHED.canMoveTo(IN_SERVICE)).isFalse();
	}

}

package org.wenming.volunteer;

import java.time.OffsetDateTime;

/** A store order: the item, who ordered it, the points paid, the pickup code and where it stands. */
public record Redemption(long id, long itemId, String itemName, long orgId, String orgName, long personId,
		String personName, int points, String code, RedemptionStatus status, OffsetDateTime orderedAt,
		OffsetDateTime collectedAt, OffsetDateTime cancelledAt) {

	public boolean open() {
		return status == RedemptionStatus.ORDERED;
	}

}

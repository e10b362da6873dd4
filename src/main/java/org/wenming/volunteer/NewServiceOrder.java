package org.wenming.volunteer;

import java.time.OffsetDateTime;

/**
 * What it takes to order a service. Without a care recipient the caller orders for themself;
 * without a site the order goes to the community the person lives in. A wish (微心愿) is placed by
 * staff and may be claimed by any registered volunteer.
 */
public record NewServiceOrder(Long categoryId, Long siteOrgId, OffsetDateTime desiredFrom, OffsetDateTime desiredTo,
		String description, String phone, String address, Long careRecipientId, boolean wish) {
}

package org.wenming.volunteer;

import java.time.OffsetDateTime;

/**
 * A service order as shown: the contact phone and address masked, the people and orgs it names by id
 * with their names.
 *
 * @param siteOrgId the practice site the order went to
 * @param handlerOrgId whose queue it is in: the site, or the org it was dispatched down to
 * @param dispatcherOrgId the org that made the last dispatch, where a declined order returns
 * @param handlerPersonId the volunteer who claimed a wish
 * @param personId for whom the service is
 */
public record ServiceOrder(long id, long categoryId, String categoryName, long siteOrgId, String siteOrgName,
		long handlerOrgId, String handlerOrgName, Long dispatcherOrgId, Long teamId, String teamName,
		Long teamLeaderPersonId, Long handlerPersonId, String handlerPersonName, long personId, String personName,
		Long careRecipientId, String orderedBy, boolean wish, String description, OffsetDateTime desiredFrom,
		OffsetDateTime desiredTo, String phoneMasked, String addressMasked, ServiceOrderStatus status,
		String rejectReason, String declineReason, Long activityId, Integer rating, String ratingComment,
		String report, int chaseCount, OffsetDateTime lastChasedAt, OffsetDateTime createdAt,
		OffsetDateTime reviewedAt, OffsetDateTime dispatchedAt, OffsetDateTime acceptedAt, OffsetDateTime finishedAt,
		OffsetDateTime completedAt, OffsetDateTime overdueSince, OffsetDateTime escalatedAt, int version) {

	/** Whether it waits in an org's queue for dispatching (to a team or further down). */
	public boolean awaitsDispatch() {
		return status == ServiceOrderStatus.PENDING_DISPATCH || (status == ServiceOrderStatus.DISPATCHED && teamId == null);
	}

	/** Whether it waits for the team it was dispatched to. */
	public boolean awaitsTeam() {
		return status == ServiceOrderStatus.DISPATCHED && teamId != null;
	}

}

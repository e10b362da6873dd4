package org.wenming.volunteer;

/**
 * Creates the activity a team runs for an order it accepted; its attendance records the hours.
 */
interface ServiceOrderActivities {

	/** Creates and publishes the activity; its id. */
	long createFor(ServiceOrder order, long teamOrgId, String categoryName);

}

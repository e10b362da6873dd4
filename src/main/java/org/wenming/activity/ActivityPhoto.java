package org.wenming.activity;

import java.time.OffsetDateTime;

/**
 * A photo of an activity, as listed: who uploaded it and when, without its bytes.
 */
public record ActivityPhoto(long id, long activityId, String fileName, String contentType, long size,
		String uploadedBy, OffsetDateTime uploadedAt) {
}

package org.wenming.directory;

import java.time.Instant;

/**
 * A person the responsible community cares for, as shown (masked).
 */
public record CareRecipient(long id, long personId, String personName, String idNumberMasked, String phoneMasked,
		CareRecipientType type, String needs, long responsibleOrgId, String responsibleOrgName, Instant closedAt) {
}

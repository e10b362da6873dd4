package org.wenming.volunteer;

import java.math.BigDecimal;

/**
 * What the public verification of a certificate code found: a certificate issued by the platform
 * whose stored content still matches its signature ({@code GENUINE}), one whose content was changed
 * after issue ({@code CHANGED}), or none ({@code UNKNOWN}). For a known code it says whether the
 * person's hours were corrected since (the current total differs from the certified one).
 */
public record CertificateCheck(State state, CertificateContent content, BigDecimal currentTotalHours,
		boolean hoursChangedSinceIssue) {

	public enum State {

		GENUINE, CHANGED, UNKNOWN

	}

	static CertificateCheck unknown() {
		return new CertificateCheck(State.UNKNOWN, null, null, false);
	}

}

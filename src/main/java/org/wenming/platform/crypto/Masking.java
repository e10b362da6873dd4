package org.wenming.platform.crypto;

/**
 * How personal data is shown to whoever may not see it in full.
 */
public final class Masking {

	private Masking() {
	}

	/**
	 * {@code 110101199003071234} → {@code 110101***********4}: the region and the check character.
	 * The birth date and the sequence stay hidden, so that with the birth year and gender that lists
	 * show beside it some 16,000 numbers still pass the check digit.
	 */
	public static String idNumber(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		// Shorter than 14, the kept seven would leave too little hidden: hide it all.
		if (value.length() < 14) {
			return "*".repeat(value.length());
		}
		return value.substring(0, 6) + "*".repeat(value.length() - 7) + value.substring(value.length() - 1);
	}

	/** {@code 13812345678} → {@code 138****5678}. */
	public static String phone(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		// Shorter than a mobile number, the kept seven would leave too little hidden: hide it all.
		if (value.length() < 11) {
			return "*".repeat(value.length());
		}
		return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
	}

	/**
	 * Keeps the first six characters of an address (district and street), at most half of it and
	 * nothing from its first digit on (building, unit and room numbers), and hides the rest.
	 */
	public static String address(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		int keep = Math.min(6, value.codePointCount(0, value.length()) / 2);
		int end = value.offsetByCodePoints(0, keep);
		for (int i = 0; i < end; i = value.offsetByCodePoints(i, 1)) {
			if (Character.isDigit(value.codePointAt(i))) {
				end = i;
				break;
			}
		}
		return value.substring(0, end) + "****";
	}

}

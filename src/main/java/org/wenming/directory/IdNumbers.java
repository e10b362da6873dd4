package org.wenming.directory;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks of resident ID numbers (GB 11643-1999) and mainland mobile numbers. Each check answers
 * the message key of what is wrong, or nothing.
 */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private IdNumbers() {
	}

	/** Upper-cases the check letter and drops surrounding blanks. */
	public static String normalize(String idNumber) {
		return idNumber == null ? null : idNumber.trim().toUpperCase();
	}

	/** What is wrong with an ID number, as a message key; empty when it is valid. */
	public static Optional<String> problem(String idNumber) {
		String value = normalize(idNumber);
		if (value == null || value.isEmpty()) {
			return Optional.of("person.idNumber.required");
		}
		if (!SHAPE.matcher(value).matches()) {
			return Optional.of("person.idNumber.format");
		}
		Optional<LocalDate> birth = birthDate(value);
		if (birth.isEmpty() || birth.get().isAfter(LocalDate.now()) || birth.get().getYear() < 1900) {
			return Optional.of("person.idNumber.birthDate");
		}
		if (checkDigit(value) != value.charAt(17)) {
			return Optional.of("person.idNumber.checkDigit");
		}
		return Optional.empty();
	}

	public static boolean isValid(String idNumber) {
		return problem(idNumber).isEmpty();
	}

	/** The birth date written in positions 7 to 14. */
	public static Optional<LocalDate> birthDate(String idNumber) {
		String value = normalize(idNumber);
		if (value == null || value.length() < 14) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(value.substring(6, 14), BIRTH));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/** 男 or 女 from the parity of the 17th digit. */
	public static Optional<String> gender(String idNumber) {
		String value = normalize(idNumber);
		if (value == null || value.length() < 17 || !Character.isDigit(value.charAt(16))) {
			return Optional.empty();
		}
		return Optional.of((value.charAt(16) - '0') % 2 == 1 ? "男" : "女");
	}

	/** The check character for the first 17 digits. */
	public static char checkDigit(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/** What is wrong with a mainland mobile number; empty when valid. */
	public static Optional<String> phoneProblem(String phone) {
		if (phone == null || phone.isBlank()) {
			return Optional.empty();
		}
		return MOBILE.matcher(normalizePhone(phone)).matches() ? Optional.empty() : Optional.of("person.phone.format");
	}

	/** Drops blanks, dashes and a +86 prefix. */
	public static String normalizePhone(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[\\s-]", "");
		if (digits.startsWith("+86")) {
			digits = digits.substring(3);
		}
		else if (digits.startsWith("0086")) {
			digits = digits.substring(4);
		}
		return digits;
	}

}

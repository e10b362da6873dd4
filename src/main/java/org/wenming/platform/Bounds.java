package org.wenming.platform;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The windows that dates and numbers of the platform's records fall in. Dates of things that happen
 * (activities, deadlines, service times) lie between {@link #EARLIEST} and ten years from today:
 * the platform holds nothing older, and plans do not reach further ahead.
 */
public final class Bounds {

	/** The first day any activity, deadline or service time may fall on. */
	public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	/** How far ahead of today such a date may lie. */
	public static final int YEARS_AHEAD = 10;

	private Bounds() {
	}

	/** The date, refused naming the field when outside {@link #EARLIEST} … today + {@link #YEARS_AHEAD} years. */
	public static LocalDate date(String field, LocalDate date, Clock clock) {
		if (date != null) {
			LocalDate latest = LocalDate.now(clock).plusYears(YEARS_AHEAD);
			if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
				throw DomainException.onField(field, "error.range.date", field, EARLIEST.toString(), latest.toString());
			}
		}
		return date;
	}

	/** The time, refused naming the field when its day is outside the window of {@link #date}. */
	public static OffsetDateTime time(String field, OffsetDateTime time, Clock clock) {
		if (time != null) {
			// Compared as instants: a zone shift of +999999999-12-31T23:59Z would overflow LocalDate.
			LocalDate latest = LocalDate.now(clock).plusYears(YEARS_AHEAD);
			if (time.toInstant().isBefore(EARLIEST.atStartOfDay(clock.getZone()).toInstant())
					|| !time.toInstant().isBefore(latest.plusDays(1).atStartOfDay(clock.getZone()).toInstant())) {
				throw DomainException.onField(field, "error.range.date", field, EARLIEST.toString(), latest.toString());
			}
		}
		return time;
	}

	/** The number, refused naming the field when outside {@code min … max}. */
	public static BigDecimal number(String field, BigDecimal value, BigDecimal min, BigDecimal max) {
		if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
			throw DomainException.onField(field, "error.range.number", field, min.toPlainString(), max.toPlainString());
		}
		return value;
	}

	/** The number, refused naming the field when outside {@code min … max}. */
	public static Integer number(String field, Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			throw DomainException.onField(field, "error.range.number", field, String.valueOf(min), String.valueOf(max));
		}
		return value;
	}

	/** The text, refused naming the field when longer than {@code max} characters. */
	public static String length(String field, String text, int max) {
		if (text != null && text.length() > max) {
			throw DomainException.onField(field, "error.text.tooLong", field, String.valueOf(max));
		}
		return text;
	}

}

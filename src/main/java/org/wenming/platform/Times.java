package org.wenming.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * Times as people read and type them: in the configured zone ({@code wenming.zone}), whatever zone
 * the JVM or the database session runs in. Pages use it as {@code #times}, exports and PDFs call it
 * directly, and forms turn what was typed back into an instant with {@link #instant(LocalDateTime)}.
 */
public final class Times {

	private final ZoneId zone;

	public Times(ZoneId zone) {
		this.zone = zone;
	}

	public ZoneId zone() {
		return zone;
	}

	/** The wall-clock time in the configured zone; local values are taken as already being in it. */
	public LocalDateTime local(Object time) {
		if (time == null) {
			return null;
		}
		if (time instanceof OffsetDateTime offset) {
			return offset.atZoneSameInstant(zone).toLocalDateTime();
		}
		if (time instanceof ZonedDateTime zoned) {
			return zoned.withZoneSameInstant(zone).toLocalDateTime();
		}
		if (time instanceof Instant instant) {
			return LocalDateTime.ofInstant(instant, zone);
		}
		if (time instanceof java.util.Date date) {
			return LocalDateTime.ofInstant(date.toInstant(), zone);
		}
		if (time instanceof LocalDateTime local) {
			return local;
		}
		if (time instanceof LocalDate date) {
			return date.atStartOfDay();
		}
		throw new IllegalArgumentException("not a point in time: " + time.getClass().getName());
	}

	/** The same instant with the configured zone's offset, for forms and API answers. */
	public OffsetDateTime offset(Object time) {
		LocalDateTime local = local(time);
		return local == null ? null : local.atZone(zone).toOffsetDateTime();
	}

	/** What a person typed in the configured zone, as an instant. */
	public OffsetDateTime instant(LocalDateTime typed) {
		return typed == null ? null : typed.atZone(zone).toOffsetDateTime();
	}

	/**
	 * Formats a time, date or instant with the pattern, in the configured zone; {@code null} gives an
	 * empty text. Dates and times of day without a zone are formatted as they are.
	 */
	public String format(Object time, String pattern) {
		if (time == null) {
			return "";
		}
		DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern);
		if (time instanceof LocalDate || time instanceof java.time.LocalTime || time instanceof java.time.YearMonth) {
			return formatter.format((TemporalAccessor) time);
		}
		return formatter.format(local(time));
	}

	/** {@code yyyy-MM-dd HH:mm}, the usual way a time is shown. */
	public String format(Object time) {
		return format(time, "yyyy-MM-dd HH:mm");
	}

	/** The value for an {@code <input type="datetime-local">}. */
	public String input(Object time) {
		return format(time, "yyyy-MM-dd'T'HH:mm");
	}

}

package org.wenming.platform.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * What the search endpoints behind the pickers ({@code static/js/pickers.js}) share: each account
 * may search at most {@code wenming.pickers.per-minute} times a minute (429 beyond), a search
 * term is cut to a sane length, and an answer holds at most {@link #LIMIT} choices.
 */
@Component
public class PickerSearch {

	/** The most choices one search answers with. */
	public static final int LIMIT = 20;

	private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

	private final int perMinute;

	PickerSearch(@Value("${wenming.pickers.per-minute:120}") int perMinute) {
		this.perMinute = perMinute;
	}

	/**
	 * Counts one search of the current account and returns the search term, stripped and cut to
	 * 50 characters (null when blank); throws {@link Throttled} beyond the minute's allowance.
	 */
	public String charge(String term) {
		String account = AuditLog.currentActor();
		String key = account == null ? "" : account;
		// A monotonic clock: the window is about the caller's pace, not about the time of day.
		long now = System.nanoTime() / 1_000_000;
		Deque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst() < now - 60_000) {
				times.pollFirst();
			}
			if (times.size() >= perMinute) {
				throw new Throttled();
			}
			times.addLast(now);
		}
		if (recent.size() > 10_000) {
			recent.entrySet().removeIf(e -> {
				synchronized (e.getValue()) {
					return e.getValue().isEmpty() || e.getValue().peekLast() < now - 60_000;
				}
			});
		}
		if (!StringUtils.hasText(term)) {
			return null;
		}
		String stripped = term.strip();
		return stripped.length() > 50 ? stripped.substring(0, 50) : stripped;
	}

	/** One choice of a picker: the id it posts, what it shows, and a second line telling namesakes apart. */
	public record Choice(String value, String text, String detail) {

		public static Choice of(long id, String text, String detail) {
			return new Choice(String.valueOf(id), text, detail);
		}

		/** The text of a plain option, when no script runs: the name and, in brackets, the detail. */
		public String label() {
			return StringUtils.hasText(detail) ? text + "（" + detail + "）" : text;
		}

		/** The choice as JSON for the option's {@code data-data} attribute, which the picker reads. */
		public String data() {
			return "{\"value\":" + json(value) + ",\"text\":" + json(text) + ",\"detail\":" + json(detail) + "}";
		}

		private static String json(String value) {
			if (value == null) {
				return "null";
			}
			StringBuilder out = new StringBuilder("\"");
			for (char c : value.toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					default -> {
						if (c < 0x20) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			return out.append('"').toString();
		}

	}

	/** Too many searches in the last minute: 429 with a message. */
	public static final class Throttled extends DomainException {

		Throttled() {
			super(HttpStatus.TOO_MANY_REQUESTS, null, "picker.throttled");
		}

	}

}

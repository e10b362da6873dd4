package org.wenming.plan;

/**
 * The heading numbers of Chinese official documents, in their customary hierarchy: 一、 → （一） → 1. →
 * （1） → ①. Full-width and half-width punctuation are the same style; 1） counts as （1）.
 */
final class Numbering {

	private Numbering() {
	}

	/** A numbering style; the declaration order is the customary hierarchy, highest first. */
	enum Style {

		CHINESE, PAREN_CHINESE, ARABIC, PAREN_ARABIC, CIRCLED;

		boolean isBelow(Style other) {
			return ordinal() > other.ordinal();
		}

	}

	/** A heading number in a line; the title starts at {@code contentStart}. */
	record Marker(Style style, int number, String label, int contentStart) {
	}

	/**
	 * The heading number the (trimmed) line starts with, or {@code null}. A number must be followed by a
	 * title, not by digits, so {@code 1.5亿元} and {@code 2023年} are no headings.
	 */
	static Marker parse(String line) {
		return parse(line, 0);
	}

	/** The heading number {@code line} has at {@code at}, or {@code null}; positions count from 0. */
	static Marker parse(String line, int at) {
		int n = line.length();
		if (n - at < 2) {
			return null;
		}
		char first = line.charAt(at);
		Style style;
		long number;
		int end;
		if (first == '（' || first == '(') {
			int from = at + 1;
			int to = from;
			if (Chars.isDigit(line.charAt(from))) {
				while (to < n && to - from < 3 && Chars.isDigit(line.charAt(to))) {
					to++;
				}
				style = Style.PAREN_ARABIC;
				number = to - from <= 2 ? arabic(line, from, to) : -1;
			}
			else {
				while (to < n && to - from < 4 && Chars.isChineseNumeral(line.charAt(to))) {
					to++;
				}
				style = Style.PAREN_CHINESE;
				number = headingNumeral(line, from, to);
			}
			if (number < 1 || to >= n || (line.charAt(to) != '）' && line.charAt(to) != ')')) {
				return null;
			}
			end = to + 1;
		}
		else if (first >= '①' && first <= '⑳') {
			style = Style.CIRCLED;
			number = first - '①' + 1;
			end = at + 1;
		}
		else if (first >= '⑴' && first <= '⒇') {
			style = Style.PAREN_ARABIC;
			number = first - '⑴' + 1;
			end = at + 1;
		}
		else if (first >= '⒈' && first <= '⒛') {
			style = Style.ARABIC;
			number = first - '⒈' + 1;
			end = at + 1;
		}
		else if (Chars.isDigit(first)) {
			int to = at;
			while (to < n && to - at < 3 && Chars.isDigit(line.charAt(to))) {
				to++;
			}
			if (to - at > 2 || to >= n) {
				return null;
			}
			if (line.charAt(to) == ')' || line.charAt(to) == '）') {
				style = Style.PAREN_ARABIC; // 1） ranks with （1）
			}
			else if (isArabicStop(line.charAt(to))) {
				style = Style.ARABIC;
			}
			else {
				return null;
			}
			number = arabic(line, at, to);
			end = to + 1;
		}
		else if (Chars.isChineseNumeral(first)) {
			int to = at;
			while (to < n && to - at < 4 && Chars.isChineseNumeral(line.charAt(to))) {
				to++;
			}
			if (to >= n || !isChineseStop(line.charAt(to))) {
				return null;
			}
			style = Style.CHINESE;
			number = headingNumeral(line, at, to);
			end = to + 1;
		}
		else {
			return null;
		}
		if (number < 1) {
			return null;
		}
		int content = end;
		while (content < n && (Chars.isSpace(line.charAt(content)) || line.charAt(content) == '、')) {
			content++;
		}
		if (content >= n || Chars.isDigit(line.charAt(content)) || line.charAt(content) == '.'
				|| line.charAt(content) == '．' || line.charAt(content) == '%') {
			return null;
		}
		return new Marker(style, (int) number, line.substring(at, end), content);
	}

	private static boolean isArabicStop(char c) {
		return c == '.' || c == '．' || c == '、';
	}

	private static boolean isChineseStop(char c) {
		return c == '、' || c == '．' || c == '.';
	}

	private static long arabic(String s, int from, int to) {
		long value = 0;
		for (int i = from; i < to; i++) {
			value = value * 10 + Chars.digit(s.charAt(i));
		}
		return value;
	}

	/** Heading numerals are 一 to 九十九; 零, 〇 and 两 do not start one. */
	private static long headingNumeral(String s, int from, int to) {
		if (from >= to) {
			return -1;
		}
		char c = s.charAt(from);
		if (c == '零' || c == '〇' || c == '两' || c == '百' || c == '千') {
			return -1;
		}
		return Chars.chineseValue(s, from, to);
	}

}

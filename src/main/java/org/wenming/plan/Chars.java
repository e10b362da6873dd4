package org.wenming.plan;

/** Character classes of Chinese official documents, full-width and half-width alike. */
final class Chars {

	private Chars() {
	}

	/** 0–9 for ASCII and full-width digits, otherwise -1. */
	static int digit(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= '０' && c <= '９') {
			return c - '０';
		}
		return -1;
	}

	static boolean isDigit(char c) {
		return digit(c) >= 0;
	}

	/** 0–9 for the Chinese digits (零〇一二两三四五六七八九), otherwise -1. */
	static int chineseDigit(char c) {
		return switch (c) {
			case '零', '〇' -> 0;
			case '一' -> 1;
			case '二', '两' -> 2;
			case '三' -> 3;
			case '四' -> 4;
			case '五' -> 5;
			case '六' -> 6;
			case '七' -> 7;
			case '八' -> 8;
			case '九' -> 9;
			default -> -1;
		};
	}

	/** A Chinese digit or one of the multipliers 十百千. */
	static boolean isChineseNumeral(char c) {
		return chineseDigit(c) >= 0 || c == '十' || c == '百' || c == '千';
	}

	/**
	 * The value of the Chinese numeral in {@code text} from {@code from} up to {@code to}: 十二 → 12, 二十 → 20, 一百零五 → 105,
	 * 两 → 2, and digit by digit without multipliers (二〇二三 → 2023); -1 when it is not a numeral.
	 */
	static long chineseValue(CharSequence text, int from, int to) {
		if (from >= to || to - from > 12) {
			return -1;
		}
		boolean multipliers = false;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (!isChineseNumeral(c)) {
				return -1;
			}
			multipliers |= chineseDigit(c) < 0;
		}
		long value = 0;
		if (!multipliers) {
			for (int i = from; i < to; i++) {
				value = value * 10 + chineseDigit(text.charAt(i));
			}
			return value;
		}
		long pending = -1;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			int d = chineseDigit(c);
			if (d >= 0) {
				pending = d;
				continue;
			}
			int factor = c == '十' ? 10 : c == '百' ? 100 : 1000;
			value += (pending < 0 ? 1 : pending) * factor;
			pending = -1;
		}
		return value + Math.max(pending, 0);
	}

	static boolean isSpace(char c) {
		return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0' || c == '\uFEFF' || c == '\u200B';
	}

	static boolean isLatinLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	/** Strips every kind of white space, including the ideographic space, from both ends. */
	static String trim(String s) {
		int from = 0;
		int to = s.length();
		while (from < to && isSpace(s.charAt(from))) {
			from++;
		}
		while (to > from && isSpace(s.charAt(to - 1))) {
			to--;
		}
		return s.substring(from, to);
	}

}

package org.wenming.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists inside a paragraph: 一是……二是……三是…… (also 一要……二要……) and 首先……其次……第三……最后……. A list
 * needs at least its first two items in order, each starting a clause, so 统一是 or a lone 首先 is none.
 */
final class Enumerations {

	private Enumerations() {
	}

	/** A paragraph split into the text before its first list and the list items. */
	record Split(String leadIn, List<Item> items) {
	}

	/** One item: its marker as written (“一是”, “首先”) and what it says. */
	record Item(String marker, String content) {
	}

	private enum Family {

		ORDINAL, SEQUENCE

	}

	/** An item marker from {@code start} up to {@code contentStart}; {@code number} 0 stands for 最后. */
	private record Occurrence(Family family, int number, int start, int markerEnd, int contentStart) {
	}

	private static final int LAST = 0;

	/** The lists of a paragraph, or {@code null} when it holds none. */
	static Split split(String paragraph) {
		List<Occurrence> occurrences = occurrences(paragraph);
		if (occurrences.size() < 2) {
			return null;
		}
		List<List<Occurrence>> lists = new ArrayList<>();
		List<Occurrence> ordinal = new ArrayList<>();
		List<Occurrence> sequence = new ArrayList<>();
		for (Occurrence occurrence : occurrences) {
			List<Occurrence> current = occurrence.family() == Family.ORDINAL ? ordinal : sequence;
			int expected = current.isEmpty() ? 1 : current.get(current.size() - 1).number() + 1;
			if (!current.isEmpty() && (occurrence.number() == expected
					|| (occurrence.number() == LAST && current.size() >= 2))) {
				current.add(occurrence);
				if (occurrence.number() == LAST) {
					finish(current, lists);
				}
			}
			else if (occurrence.number() == 1) {
				finish(current, lists);
				current.add(occurrence);
			}
		}
		finish(ordinal, lists);
		finish(sequence, lists);
		if (lists.isEmpty()) {
			return null;
		}
		lists.sort((a, b) -> Integer.compare(a.get(0).start(), b.get(0).start()));
		List<Occurrence> kept = new ArrayList<>();
		int coveredUntil = -1;
		for (List<Occurrence> list : lists) {
			if (list.get(0).start() <= coveredUntil) {
				continue;
			}
			kept.addAll(list);
			coveredUntil = list.get(list.size() - 1).start();
		}
		List<Item> items = new ArrayList<>();
		for (int i = 0; i < kept.size(); i++) {
			Occurrence occurrence = kept.get(i);
			int end = i + 1 < kept.size() ? kept.get(i + 1).start() : paragraph.length();
			String content = Chars.trim(paragraph.substring(Math.min(occurrence.contentStart(), end), end));
			items.add(new Item(paragraph.substring(occurrence.start(), occurrence.markerEnd()), content));
		}
		return new Split(Chars.trim(paragraph.substring(0, kept.get(0).start())), items);
	}

	private static void finish(List<Occurrence> list, List<List<Occurrence>> lists) {
		if (list.size() >= 2) {
			lists.add(List.copyOf(list));
		}
		list.clear();
	}

	private static List<Occurrence> occurrences(String p) {
		List<Occurrence> found = new ArrayList<>();
		int n = p.length();
		int i = 0;
		while (i < n) {
			if (!startsClause(p, i)) {
				i++;
				continue;
			}
			Occurrence occurrence = occurrence(p, i, n);
			if (occurrence != null) {
				found.add(occurrence);
				i = occurrence.contentStart();
			}
			else {
				i++;
			}
		}
		return found;
	}

	private static Occurrence occurrence(String p, int i, int n) {
		char c = p.charAt(i);
		if (Chars.isChineseNumeral(c) && c != '零' && c != '〇' && c != '两' && c != '百' && c != '千') {
			int j = i;
			while (j < n && j - i < 3 && Chars.isChineseNumeral(p.charAt(j))) {
				j++;
			}
			if (j < n && (p.charAt(j) == '是' || p.charAt(j) == '要')) {
				long number = Chars.chineseValue(p, i, j);
				if (number >= 1 && number <= 99) {
					return new Occurrence(Family.ORDINAL, (int) number, i, j + 1, contentStart(p, j + 1));
				}
			}
			return null;
		}
		if (p.startsWith("首先", i)) {
			return new Occurrence(Family.SEQUENCE, 1, i, i + 2, contentStart(p, i + 2));
		}
		if (p.startsWith("其次", i)) {
			return new Occurrence(Family.SEQUENCE, 2, i, i + 2, contentStart(p, i + 2));
		}
		if (p.startsWith("再次", i) && followedByPause(p, i + 2)) {
			return new Occurrence(Family.SEQUENCE, 3, i, i + 2, contentStart(p, i + 2));
		}
		if (p.startsWith("最后", i) && followedByPause(p, i + 2)) {
			return new Occurrence(Family.SEQUENCE, LAST, i, i + 2, contentStart(p, i + 2));
		}
		if (c == '第') {
			int j = i + 1;
			while (j < n && j - i <= 2 && Chars.isChineseNumeral(p.charAt(j))) {
				j++;
			}
			long number = Chars.chineseValue(p, i + 1, j);
			if (number >= 2 && number <= 99 && followedByPause(p, j)) {
				return new Occurrence(Family.SEQUENCE, (int) number, i, j, contentStart(p, j));
			}
		}
		return null;
	}

	private static boolean startsClause(String p, int i) {
		if (i == 0) {
			return true;
		}
		char before = p.charAt(i - 1);
		return switch (before) {
			case '。', '；', ';', '，', ',', '：', ':', '！', '!', '？', '?' -> true;
			default -> Chars.isSpace(before);
		};
	}

	private static boolean followedByPause(String p, int j) {
		if (j >= p.length()) {
			return false;
		}
		char c = p.charAt(j);
		return c == '，' || c == ',' || c == '、' || c == '：' || c == ':';
	}

	private static int contentStart(String p, int j) {
		int k = j;
		while (k < p.length() && (Chars.isSpace(p.charAt(k)) || p.charAt(k) == '，' || p.charAt(k) == ','
				|| p.charAt(k) == '、' || p.charAt(k) == '：' || p.charAt(k) == ':')) {
			k++;
		}
		return k;
	}

}

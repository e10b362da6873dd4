package org.wenming.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small dictionary of words, each with a value, matched longest first at a position of a text. A
 * bit set of first characters keeps the miss (by far the most common case) to one lookup.
 */
final class Lexicon<V> {

	record Entry<V>(String word, V value) {
	}

	private final BitSet firstChars = new BitSet(65536);

	private final Map<Character, List<Entry<V>>> byFirst = new HashMap<>();

	Lexicon(Map<String, V> words) {
		words.forEach((word, value) -> {
			firstChars.set(word.charAt(0));
			byFirst.computeIfAbsent(word.charAt(0), c -> new ArrayList<>()).add(new Entry<>(word, value));
		});
		byFirst.values().forEach(list -> list.sort(Comparator.comparingInt((Entry<V> e) -> e.word().length()).reversed()));
	}

	/** The longest word starting at {@code pos} and ending at or before {@code end}, or {@code null}. */
	Entry<V> match(CharSequence text, int pos, int end) {
		if (pos >= end || !firstChars.get(text.charAt(pos))) {
			return null;
		}
		for (Entry<V> entry : byFirst.get(text.charAt(pos))) {
			String word = entry.word();
			if (pos + word.length() <= end && regionMatches(text, pos, word)) {
				return entry;
			}
		}
		return null;
	}

	private static boolean regionMatches(CharSequence text, int pos, String word) {
		for (int i = 0; i < word.length(); i++) {
			if (text.charAt(pos + i) != word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}

package org.wenming.platform;

import java.text.Normalizer;

/**
 * The rules for text that enters the application: Unicode NFC, line ends as LF, and no character
 * that a document writer (XML, PDF, Word) cannot carry. Input is checked with {@link #accept} where
 * it arrives; writers pass what they are given through {@link #printable}, so that text stored
 * before these rules still prints.
 */
public final class Text {

	private Text() {
	}

	/**
	 * The text in NFC with CRLF turned into LF; refused with a message naming the
	 * field when it holds a C0 or C1 control character other than tab and line feed (a CR counts but
	 * before LF), a direction override or the byte-order mark, or an unpaired
	 * surrogate. {@code null} stays {@code null}.
	 */
	public static String accept(String field, String text) {
		if (text == null) {
			return null;
		}
		String lines = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n");
		int bad = forbidden(lines);
		if (bad >= 0) {
			throw DomainException.onField(field, "error.text.controlCharacter", field, describe(lines, bad));
		}
		return Normalizer.isNormalized(lines, Normalizer.Form.NFC) ? lines : Normalizer.normalize(lines, Normalizer.Form.NFC);
	}

	/** The index of the first refused character (see {@link #accept}), or -1. */
	public static int forbidden(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c) || isControl(c) || isHiddenFormat(c)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The text without what an XML 1.0 document cannot hold (controls other than tab and line ends,
	 * unpaired surrogates, U+FFFE and U+FFFF) and in NFC: what the PDF and Word writers print.
	 */
	public static String printable(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1));
			boolean drop = !pair && (Character.isSurrogate(c) || (isControl(c) && c != '\r') || c == '\uFFFE'
					|| c == '\uFFFF');
			if (drop && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (out != null && !drop) {
				out.append(c);
				if (pair) {
					out.append(text.charAt(i + 1));
				}
			}
			if (pair) {
				i++;
			}
		}
		String kept = out == null ? text : out.toString();
		return Normalizer.isNormalized(kept, Normalizer.Form.NFC) ? kept : Normalizer.normalize(kept, Normalizer.Form.NFC);
	}

	/**
	 * Direction overrides, embeddings and isolates, which make text read otherwise than it is stored
	 * (a name shown reversed), and the byte-order mark, which hides inside a name.
	 */
	private static boolean isHiddenFormat(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\uFEFF';
	}

	/** C0 (but tab and LF) and C1 controls, and DEL. */
	private static boolean isControl(char c) {
		return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
	}

	private static String describe(String text, int index) {
		return "U+%04X".formatted((int) text.charAt(index));
	}

}

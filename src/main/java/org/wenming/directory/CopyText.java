package org.wenming.directory;

import java.util.HexFormat;

/**
 * Writes values in the CSV form of PostgreSQL's {@code COPY ... (format csv)}: every value quoted
 * (quotes doubled), {@code null} as nothing, {@code bytea} as {@code \x} and hex, text arrays as
 * their literal.
 */
final class CopyText {

	private static final HexFormat HEX = HexFormat.of();

	private CopyText() {
	}

	/**
	 * Whether a text could end the data early: COPY takes a line that is just {@code \.} for the
	 * end, even inside a quoted multi-line value.
	 */
	static boolean endsDataEarly(String text) {
		return text != null && (text.contains("\n\\.") || text.contains("\r\\."));
	}

	static void appendCsv(StringBuilder line, Object value) {
		if (value == null) {
			return;
		}
		line.append('"');
		if (value instanceof byte[] bytes) {
			line.append("\\x").append(HEX.formatHex(bytes));
		}
		else {
			String text = value.toString();
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') {
					line.append('"');
				}
				line.append(c);
			}
		}
		line.append('"');
	}

}

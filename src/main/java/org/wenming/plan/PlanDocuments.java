package org.wenming.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.wenming.platform.DomainException;
import org.wenming.platform.Text;

import org.wenming.platform.files.ZipBombGuard;

import org.springframework.stereotype.Service;

/**
 * Reads plan documents, plain text (UTF-8 or GBK) or Word (.docx, paragraph by paragraph), into
 * outlines. A file that cannot be read is refused with a {@link DomainException} on the field
 * {@code file}, never with a stack trace.
 */
@Service
public class PlanDocuments {

	/** Most characters a document may hold: five times the longest plan anyone writes, and then some. */
	public static final int MAX_CHARS = 5_000_000;

	static {
		ZipBombGuard.ensure();
	}

	private static final String FIELD = "file";

	/** The outline of a plan sent as text; {@code declared} is the charset the request named, if any. */
	public OutlineResult outline(byte[] body, Charset declared) {
		return PlanOutlines.parse(limited(decode(body, declared)));
	}

	/** The outline of an uploaded file, told apart by its name and its first bytes. */
	public OutlineResult outline(String filename, byte[] content) {
		return PlanOutlines.parse(text(filename, content));
	}

	/** The text of an uploaded file: its lines, Word paragraphs each on a line of their own. */
	public String text(String filename, byte[] content) {
		String extension = extension(filename);
		boolean zip = startsWith(content, 0x50, 0x4B, 0x03, 0x04);
		boolean ole2 = startsWith(content, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
		switch (extension) {
			case "docx" -> {
				if (ole2) {
					throw ole2(content);
				}
				if (!zip) {
					throw DomainException.onField(FIELD, "plan.document.corrupt");
				}
				return docx(content);
			}
			case "doc" -> throw ole2 ? ole2(content) : DomainException.onField(FIELD, "plan.document.corrupt");
			case "txt", "text", "" -> {
				if (extension.isEmpty() && zip) {
					return docx(content);
				}
				if (extension.isEmpty() && ole2) {
					throw ole2(content);
				}
				if (zip || ole2 || isBinary(content)) {
					throw DomainException.onField(FIELD, "plan.document.notText");
				}
				return limited(decode(content, null));
			}
			default -> throw DomainException.onField(FIELD, "plan.document.unsupported");
		}
	}

	// ---- text ------------------------------------------------------------------------------------

	/**
	 * Decodes text: a byte order mark wins, then the declared charset, then UTF-8 if the bytes are valid
	 * UTF-8, else GBK (read as its superset GB18030).
	 */
	static String decode(byte[] bytes, Charset declared) {
		if (bytes == null || bytes.length == 0) {
			return "";
		}
		if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
			return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		}
		if (startsWith(bytes, 0xFF, 0xFE)) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
		}
		if (startsWith(bytes, 0xFE, 0xFF)) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
		}
		if (declared != null) {
			return new String(bytes, declared);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, Charset.forName("GB18030"));
		}
	}

	private static boolean isBinary(byte[] content) {
		if (startsWith(content, 0xFF, 0xFE) || startsWith(content, 0xFE, 0xFF)) {
			return false;
		}
		for (int i = 0; i < Math.min(content.length, 8192); i++) {
			if (content[i] == 0) {
				return true;
			}
		}
		return false;
	}

	private static String limited(String text) {
		if (text.length() > MAX_CHARS) {
			throw DomainException.onField(FIELD, "plan.document.tooLong", String.valueOf(MAX_CHARS));
		}
		// Extracted text loses what documents cannot carry (controls, unpaired surrogates), as forms refuse it.
		return Text.printable(text);
	}

	// ---- Word -------------------------------------------------------------------------------------

	private static String docx(byte[] content) {
		StringBuilder text = new StringBuilder();
		try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
			ListNumbers numbers = new ListNumbers();
			for (IBodyElement element : document.getBodyElements()) {
				if (element instanceof XWPFParagraph paragraph) {
					text.append(numbers.label(paragraph)).append(paragraph.getText()).append('\n');
				}
				else if (element instanceof XWPFTable table) {
					for (XWPFTableRow row : table.getRows()) {
						for (XWPFTableCell cell : row.getTableCells()) {
							for (XWPFParagraph paragraph : cell.getParagraphs()) {
								text.append(paragraph.getText()).append('\n');
							}
						}
					}
				}
				if (text.length() > MAX_CHARS) {
					break;
				}
			}
		}
		catch (EncryptedDocumentException ex) {
			throw DomainException.onField(FIELD, "plan.document.encrypted");
		}
		catch (NotOfficeXmlFileException ex) {
			throw DomainException.onField(FIELD, "plan.document.corrupt");
		}
		catch (IOException | RuntimeException ex) {
			throw DomainException.onField(FIELD, isZipBomb(ex) ? "plan.document.zipBomb" : "plan.document.corrupt");
		}
		return limited(text.toString());
	}

	/** POI says “Zip bomb detected” for too high a ratio or too large an entry, “too many entries” for count. */
	private static boolean isZipBomb(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
			if (message.contains("zip bomb") || message.contains("too many entries")) {
				return true;
			}
		}
		return false;
	}

	/** An OLE2 container is either an encrypted .docx or an old binary .doc; both are refused. */
	private static DomainException ole2(byte[] content) {
		try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntryCaseInsensitive("EncryptionInfo") || root.hasEntryCaseInsensitive("EncryptedPackage")) {
				return DomainException.onField(FIELD, "plan.document.encrypted");
			}
			if (root.hasEntryCaseInsensitive("WordDocument")) {
				return DomainException.onField(FIELD, "plan.document.legacyWord");
			}
		}
		catch (IOException | RuntimeException ex) {
			// not even a readable OLE2 file
		}
		return DomainException.onField(FIELD, "plan.document.corrupt");
	}

	/**
	 * Word keeps automatic list numbers (“一、”, “1.”) out of the paragraph text; this counts them back
	 * in for the common formats, so numbered headings are recognised as headings.
	 */
	private static final class ListNumbers {

		private final Map<BigInteger, int[]> counters = new HashMap<>();

		String label(XWPFParagraph paragraph) {
			try {
				BigInteger id = paragraph.getNumID();
				String pattern = paragraph.getNumLevelText();
				String format = paragraph.getNumFmt();
				if (id == null || pattern == null || format == null) {
					return "";
				}
				int level = paragraph.getNumIlvl() == null ? 0 : Math.min(paragraph.getNumIlvl().intValue(), 8);
				int[] count = counters.computeIfAbsent(id, k -> new int[9]);
				count[level]++;
				for (int deeper = level + 1; deeper < count.length; deeper++) {
					count[deeper] = 0;
				}
				StringBuilder label = new StringBuilder();
				for (int i = 0; i < pattern.length(); i++) {
					char c = pattern.charAt(i);
					if (c == '%' && i + 1 < pattern.length() && pattern.charAt(i + 1) >= '1' && pattern.charAt(i + 1) <= '9') {
						int which = pattern.charAt(++i) - '1';
						String formatted = format(Math.max(count[which], 1), which == level ? format : "decimal");
						if (formatted == null) {
							return "";
						}
						label.append(formatted);
					}
					else {
						label.append(c);
					}
				}
				return label.toString();
			}
			catch (RuntimeException ex) {
				return ""; // numbering that cannot be read is left out, the text is still there
			}
		}

		private static String format(int n, String format) {
			return switch (format) {
				case "decimal", "decimalZero" -> String.valueOf(n);
				case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
						"japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand", "ideographDigital" ->
					chinese(n);
				case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" ->
					n <= 20 ? String.valueOf((char) ('①' + n - 1)) : null;
				case "decimalEnclosedParen" -> n <= 20 ? String.valueOf((char) ('⑴' + n - 1)) : null;
				case "decimalFullWidth", "decimalFullWidth2" -> String.valueOf(n)
					.chars()
					.collect(StringBuilder::new, (b, d) -> b.append((char) ('０' + d - '0')), StringBuilder::append)
					.toString();
				default -> null;
			};
		}

		private static String chinese(int n) {
			String digits = "零一二三四五六七八九";
			if (n < 10) {
				return String.valueOf(digits.charAt(n));
			}
			if (n < 100) {
				return (n / 10 == 1 ? "" : String.valueOf(digits.charAt(n / 10))) + "十"
						+ (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
			}
			return String.valueOf(n);
		}

	}

	// ---- helpers ----------------------------------------------------------------------------------

	private static String extension(String filename) {
		if (filename == null) {
			return "";
		}
		String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes == null || bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}

package org.wenming.directory.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.wenming.platform.Text;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.platform.DomainException;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import org.wenming.platform.files.ZipBombGuard;

import org.springframework.http.HttpStatus;

/**
 * Reads the rows of an uploaded sheet one at a time: the first sheet of an {@code .xlsx} through
 * POI's SAX event API (never the whole workbook in memory), or a {@code .csv} in UTF-8 (with or
 * without BOM) or, when the bytes are not UTF-8, GBK. Stops as soon as a file has more data rows
 * than allowed. Files that cannot be read give a {@link DomainException} with a message for the
 * user, never a 500.
 */
public final class SheetReader {

	private static final Logger log = LoggerFactory.getLogger(SheetReader.class);

	/** Columns beyond this are ignored, so that a cell at {@code XFD1} cannot blow up a row. */
	static final int MAX_COLUMNS = 64;

	static {
		ZipBombGuard.ensure();
	}

	private SheetReader() {
	}

	/** Receives each non-blank row with its number as the user sees it in the sheet (1 = first row). */
	@FunctionalInterface
	public interface RowHandler {

		void row(int number, List<String> cells);

	}

	/**
	 * Reads every non-blank row of the file; the first one is the header. Refuses files with more
	 * than {@code maxDataRows} rows after the header.
	 */
	public static void read(Path file, String filename, int maxDataRows, RowHandler handler) {
		RowCounter counter = new RowCounter(maxDataRows, handler);
		switch (formatOf(file, filename)) {
			case XLSX -> readXlsx(file, counter);
			case CSV -> readCsv(file, counter);
		}
	}

	enum Format {

		XLSX, CSV

	}

	static Format formatOf(Path file, String filename) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT).strip();
		FileMagic magic;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			magic = FileMagic.valueOf(in);
		}
		catch (IOException ex) {
			throw problem(HttpStatus.BAD_REQUEST, "import.file.unreadable");
		}
		if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
			return switch (magic) {
				case OOXML -> Format.XLSX;
				case OLE2 -> throw problem(HttpStatus.BAD_REQUEST, "import.file.encrypted");
				default -> throw problem(HttpStatus.BAD_REQUEST, "import.file.notXlsx");
			};
		}
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			return Format.CSV;
		}
		if (name.endsWith(".xls") || magic == FileMagic.OLE2) {
			throw problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "import.file.encrypted");
		}
		if (name.isEmpty() || name.equals("blob")) {
			return magic == FileMagic.OOXML ? Format.XLSX : Format.CSV;
		}
		throw problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "import.file.type");
	}

	private static void readXlsx(Path file, RowCounter counter) {
		try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw problem(HttpStatus.UNPROCESSABLE_CONTENT, "import.file.empty");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
						new SheetRows(counter), new PlainDataFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (Exception ex) {
			DomainException cause = findCause(ex, DomainException.class);
			if (cause != null) {
				throw cause;
			}
			boolean bomb = isZipBomb(ex);
			log.info("Refused an uploaded workbook ({}): {}", bomb ? "zip bomb" : "unreadable", ex.toString());
			throw problem(HttpStatus.BAD_REQUEST, bomb ? "import.file.zipBomb" : "import.file.notXlsx");
		}
	}

	private static void readCsv(Path file, RowCounter counter) {
		Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
		try (Reader reader = Files.newBufferedReader(file, charset); CSVParser parser = CSVParser.parse(reader, format)) {
			int number = 0;
			for (CSVRecord record : parser) {
				number++;
				List<String> cells = new ArrayList<>(Math.min(record.size(), MAX_COLUMNS));
				for (int i = 0; i < record.size() && i < MAX_COLUMNS; i++) {
					// Uploaded cells are stripped of what documents cannot carry, as TextInput refuses it in forms.
					String value = Text.printable(record.get(i));
					cells.add(number == 1 && i == 0 ? stripBom(value) : value);
				}
				counter.row(number, cells);
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw problem(HttpStatus.BAD_REQUEST, "import.file.csv");
		}
	}

	/** Whether the whole file decodes as UTF-8, read in chunks. */
	static boolean isUtf8(Path file) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = Files.newInputStream(file)) {
			ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
			CharBuffer chars = CharBuffer.allocate(64 * 1024);
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = in.read(buffer, 0, bytes.remaining())) > 0) {
				bytes.put(buffer, 0, n);
				bytes.flip();
				if (decoder.decode(bytes, chars, false).isError()) {
					return false;
				}
				chars.clear();
				bytes.compact();
			}
			bytes.flip();
			if (decoder.decode(bytes, chars, true).isError()) {
				return false;
			}
			return !decoder.flush(chars).isError();
		}
		catch (CharacterCodingException ex) {
			return false;
		}
		catch (IOException ex) {
			throw problem(HttpStatus.BAD_REQUEST, "import.file.unreadable");
		}
	}

	private static String stripBom(String value) {
		return value != null && value.startsWith("\uFEFF") ? value.substring(1).strip() : value;
	}

	/** POI says "Zip bomb detected" (size or ratio) or "potentially malicious" (too many parts). */
	private static boolean isZipBomb(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			String message = t.getMessage();
			if (message != null && (message.contains("Zip bomb") || message.contains("potentially malicious"))) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}

	static DomainException problem(HttpStatus status, String code, Object... args) {
		return new FileProblem(status, code, args);
	}

	/** The file as a whole cannot be imported. */
	static final class FileProblem extends DomainException {

		FileProblem(HttpStatus status, String code, Object... args) {
			super(status, null, code, args);
		}

	}

	/** Skips blank rows, counts data rows and stops the reading past the limit. */
	private static final class RowCounter implements RowHandler {

		private final int maxDataRows;

		private final RowHandler delegate;

		private int rows;

		RowCounter(int maxDataRows, RowHandler delegate) {
			this.maxDataRows = maxDataRows;
			this.delegate = delegate;
		}

		@Override
		public void row(int number, List<String> cells) {
			if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
				return;
			}
			if (++rows > maxDataRows + 1) {
				throw problem(HttpStatus.CONTENT_TOO_LARGE, "import.file.tooManyRows", String.valueOf(maxDataRows));
			}
			delegate.row(number, cells);
		}

	}

	/** Collects the cells of each row of the sheet by their column. */
	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowHandler handler;

		private String[] cells = new String[MAX_COLUMNS];

		private int width;

		SheetRows(RowHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			Arrays.fill(cells, 0, width, null);
			width = 0;
		}

		@Override
		public void endRow(int rowNum) {
			List<String> row = new ArrayList<>(width);
			for (int i = 0; i < width; i++) {
				row.add(cells[i] == null ? "" : cells[i].strip());
			}
			handler.row(rowNum + 1, row);
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			if (reference == null) {
				return;
			}
			int column = new CellReference(reference).getCol();
			if (column >= 0 && column < MAX_COLUMNS) {
				cells[column] = Text.printable(value);
				width = Math.max(width, column + 1);
			}
		}

	}

	/**
	 * Writes dates as {@code 1990-01-31} and whole numbers in full (a phone typed as a number must
	 * not come out as {@code 1.38E+10}), whatever the cell's display format.
	 */
	static final class PlainDataFormatter extends DataFormatter {

		private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE;

		PlainDataFormatter() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().format(ISO);
			}
			if (value == Math.rint(value) && Math.abs(value) < 1e15) {
				return BigDecimal.valueOf(value).toBigInteger().toString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
		}

	}

}

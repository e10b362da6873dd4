package org.wenming.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.wenming.directory.ImportKind.Column;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The blank files users fill in for an import: the header row in the user's language (either
 * language is accepted back), and for Excel a second sheet with notes on the allowed values.
 */
@Component
public class ImportTemplates {

	private final MessageSource messages;

	ImportTemplates(MessageSource messages) {
		this.messages = messages;
	}

	/** The file name without extension, e.g. 人员导入模板. */
	public String name(ImportKind kind, Locale locale) {
		return text("import.template." + kind.key() + ".name", locale);
	}

	/** A UTF-8 CSV with BOM (so that Excel opens it as UTF-8) holding the header row. */
	public byte[] csv(ImportKind kind, Locale locale) {
		String header = String.join(",", headers(kind, locale));
		return ("\uFEFF" + header + "\r\n").getBytes(StandardCharsets.UTF_8);
	}

	/** An {@code .xlsx} with the header row, required columns in red, and a sheet of notes. */
	public byte[] xlsx(ImportKind kind, Locale locale) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet data = workbook.createSheet(text("import.template.sheet", locale));
			CellStyle optional = headerStyle(workbook, IndexedColors.BLACK);
			CellStyle required = headerStyle(workbook, IndexedColors.RED);
			CellStyle textFormat = workbook.createCellStyle();
			textFormat.setDataFormat(workbook.createDataFormat().getFormat("@"));
			Row header = data.createRow(0);
			List<String> headers = headers(kind, locale);
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
				header.getCell(i).setCellStyle(kind.columns().get(i).required() ? required : optional);
				// Text cells keep ID numbers and phones whole instead of turning them into numbers.
				data.setDefaultColumnStyle(i, textFormat);
				data.setColumnWidth(i, 256 * Math.max(12, headers.get(i).length() * 3));
			}
			data.createFreezePane(0, 1);
			Sheet notes = workbook.createSheet(text("import.template.notes", locale));
			notes.setColumnWidth(0, 256 * 100);
			List<String> lines = notes(kind, locale);
			for (int i = 0; i < lines.size(); i++) {
				notes.createRow(i).createCell(0).setCellValue(lines.get(i));
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The header labels in column order. */
	public List<String> headers(ImportKind kind, Locale locale) {
		return kind.columns().stream().map(column -> text(kind.headerKey(column), locale)).toList();
	}

	private List<String> notes(ImportKind kind, Locale locale) {
		String requiredColumns = String.join("、",
				kind.columns().stream().filter(Column::required).map(c -> text(kind.headerKey(c), locale)).toList());
		String note = text("import.template.note.required", locale, requiredColumns);
		if (kind == ImportKind.PEOPLE) {
			return List.of(note, allowed(kind, "gender", PersonCommand.GENDERS, locale),
					text("import.template.note.date", locale, header(kind, "birthDate", locale)),
					allowed(kind, "politicalStatus", PersonCommand.POLITICAL_STATUSES, locale),
					allowed(kind, "tags", PersonCommand.TAGS, locale),
					text("import.template.note.tags", locale, header(kind, "tags", locale)),
					text("import.template.note.orgRef", locale, header(kind, "workOrg", locale)),
					text("import.template.note.orgRef", locale, header(kind, "homeOrg", locale)));
		}
		return List.of(note,
				allowed(kind, "type", Arrays.stream(OrgType.values()).map(OrgType::label).toList(), locale),
				text("import.template.note.orgRef", locale, header(kind, "parent", locale)));
	}

	private String allowed(ImportKind kind, String field, List<String> values, Locale locale) {
		return text("import.template.note.allowed", locale, header(kind, field, locale), String.join("、", values));
	}

	private String header(ImportKind kind, String field, Locale locale) {
		return kind.columns().stream()
			.filter(c -> c.field().equals(field))
			.findFirst()
			.map(c -> text(kind.headerKey(c), locale))
			.orElse(field);
	}

	private static CellStyle headerStyle(XSSFWorkbook workbook, IndexedColors color) {
		Font font = workbook.createFont();
		font.setBold(true);
		font.setColor(color.getIndex());
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		return style;
	}

	private String text(String code, Locale locale, Object... args) {
		return messages.getMessage(code, args, code, locale);
	}

}

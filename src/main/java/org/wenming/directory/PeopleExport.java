package org.wenming.directory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.wenming.platform.audit.AuditLog;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Writes the people matching a query, masked, as an {@code .xlsx} while reading them from the
 * database: only a window of rows is ever in memory. Every export is audited with its row count.
 */
@Service
public class PeopleExport {

	/** Rows kept in memory while writing; older ones go to a compressed temporary file. */
	static final int WINDOW = 100;

	private final People people;

	private final AuditLog audit;

	private final ImportTemplates templates;

	private final MessageSource messages;

	PeopleExport(People people, AuditLog audit, ImportTemplates templates, MessageSource messages) {
		this.people = people;
		this.audit = audit;
		this.templates = templates;
		this.messages = messages;
	}

	/** The file name without extension, e.g. 人员名单. */
	public String name(Locale locale) {
		return messages.getMessage("export.people.filename", null, "people", locale);
	}

	/**
	 * Writes the workbook to {@code out} (which stays open).
	 *
	 * @return how many people were written
	 */
	public long write(PersonQuery query, Locale locale, OutputStream out) {
		SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
		workbook.setCompressTempFiles(true);
		long[] count = { 0 };
		boolean complete = false;
		try {
			Sheet sheet = workbook.createSheet(messages.getMessage("export.people.sheet", null, "people", locale));
			Row header = sheet.createRow(0);
			List<String> headers = new java.util.ArrayList<>(templates.headers(ImportKind.PEOPLE, locale));
			// The masked export carries the birth year only: the date would give the ID number back.
			headers.set(2, messages.getMessage("export.people.birthYear", null, "birth year", locale));
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
				sheet.setColumnWidth(i, 256 * 16);
			}
			sheet.createFreezePane(0, 1);
			people.forEach(query, person -> {
				Row row = sheet.createRow((int) ++count[0]);
				String[] values = { person.name(), person.gender(),
						person.birthYear() == null ? null : String.valueOf(person.birthYear()),
						person.idNumberMasked(), person.phoneMasked(), person.addressMasked(), person.politicalStatus(),
						String.join("、", person.tags()), person.workOrgName(), person.homeOrgName() };
				for (int i = 0; i < values.length; i++) {
					if (values[i] != null) {
						row.createCell(i).setCellValue(values[i]);
					}
				}
			});
			workbook.write(out);
			complete = true;
			return count[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			workbook.dispose();
			try {
				workbook.close();
			}
			catch (IOException ex) {
				// the temporary files are already gone
			}
			audit.record("EXPORT", "person", null, query.orgId(),
					"导出人员 " + count[0] + " 人（已脱敏）" + (complete ? "" : "，未完成") + describe(query));
		}
	}

	private static String describe(PersonQuery query) {
		StringBuilder filters = new StringBuilder();
		append(filters, "姓名", query.name());
		append(filters, "组织", query.orgId() == null ? null : String.valueOf(query.orgId()));
		append(filters, "标签", query.tag());
		append(filters, "政治面貌", query.politicalStatus());
		append(filters, "性别", query.gender());
		append(filters, "身份证号", query.idNumber() == null || query.idNumber().isBlank() ? null : "（已指定）");
		append(filters, "手机号", query.phone() == null || query.phone().isBlank() ? null : "（已指定）");
		return filters.isEmpty() ? "" : "；条件：" + filters;
	}

	private static void append(StringBuilder filters, String label, String value) {
		if (value != null && !value.isBlank()) {
			filters.append(filters.isEmpty() ? "" : "，").append(label).append("=").append(value.strip());
		}
	}

}

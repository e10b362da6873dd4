package org.wenming.platform.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * A list exported as an Excel workbook ({@code .xlsx}): one sheet, a frozen header row, numbers as
 * numbers and everything else as text; downloaded under a file name that may be Chinese.
 */
public final class Spreadsheets {

	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private Spreadsheets() {
	}

	/**
	 * Answers the rows as a workbook named {@code name-<today>.xlsx}; {@code today} is the date in
	 * {@code wenming.zone}.
	 */
	public static void download(HttpServletResponse response, String name, LocalDate today, String sheetName,
			List<String> headers, List<List<Object>> rows) throws IOException {
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(name + "-" + today + ".xlsx", StandardCharsets.UTF_8)
			.build()
			.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		write(response.getOutputStream(), sheetName, headers, rows);
	}

	static void write(OutputStream out, String sheetName, List<String> headers, List<List<Object>> rows)
			throws IOException {
		SXSSFWorkbook workbook = new SXSSFWorkbook(200);
		try {
			Sheet sheet = workbook.createSheet(sheetName);
			Row header = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				header.createCell(i).setCellValue(headers.get(i));
				sheet.setColumnWidth(i, 256 * 18);
			}
			sheet.createFreezePane(0, 1);
			int number = 0;
			for (List<Object> values : rows) {
				Row row = sheet.createRow(++number);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					if (value instanceof Number n) {
						row.createCell(i).setCellValue(n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue());
					}
					else if (value != null) {
						row.createCell(i).setCellValue(cell(value.toString()));
					}
				}
			}
			workbook.write(out);
		}
		finally {
			workbook.dispose();
			workbook.close();
		}
	}

	/** Keeps Excel from reading a text that starts like a formula as one. */
	private static String cell(String value) {
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

}

package org.wenming.directory.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Headers of a downloaded file, with a file name that may be Chinese (RFC 6266 {@code filename*}).
 */
final class ExportResponses {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private ExportResponses() {
	}

	/** Prepares an {@code .xlsx} download named after the export and today's date in the clock's zone. */
	static void prepare(HttpServletResponse response, String name, Clock clock) {
		String filename = name + "-" + LocalDate.now(clock) + ".xlsx";
		response.setContentType(XLSX);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(filename));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
	}

	static String attachment(String filename) {
		return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
	}

}

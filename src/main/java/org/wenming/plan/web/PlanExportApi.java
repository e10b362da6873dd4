package org.wenming.plan.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.wenming.plan.OutlineResult;
import org.wenming.plan.ParsedPlan;
import org.wenming.plan.PlanDocument;
import org.wenming.plan.PlanDocuments;
import org.wenming.plan.PlanExports;
import org.wenming.plan.PlanOutlines;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.DocumentWork;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports a plan sent as outline text to Word or PDF, in the layout of official documents. Stores
 * nothing.
 */
@RestController
@RequestMapping("/api/v1/plan-documents")
class PlanExportApi {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	static final int MAX_ORG_NAME = 100;

	static final int FIRST_YEAR = 1949;

	static final int LAST_YEAR = 2999;

	private final PlanExports exports;

	private final MessageSource messages;

	PlanExportApi(PlanExports exports, MessageSource messages) {
		this.exports = exports;
		this.messages = messages;
	}

	/**
	 * A plan document's text, the plan of it to export (from 0; the text may hold several), and who
	 * signs it in which year (both optional).
	 */
	record ExportRequest(String text, Integer planIndex, String orgName, Integer year) {

		PlanDocument toDocument() {
			if (text == null || text.isBlank()) {
				throw DomainException.onField("text", "plan.export.textMissing");
			}
			if (text.length() > PlanDocuments.MAX_CHARS) {
				throw DomainException.onField("text", "plan.document.tooLong", String.valueOf(PlanDocuments.MAX_CHARS));
			}
			if (orgName != null && orgName.strip().length() > MAX_ORG_NAME) {
				throw DomainException.onField("orgName", "plan.export.orgNameTooLong", String.valueOf(MAX_ORG_NAME));
			}
			if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
				throw DomainException.onField("year", "plan.export.yearInvalid", String.valueOf(FIRST_YEAR),
						String.valueOf(LAST_YEAR));
			}
			List<ParsedPlan> plans = PlanOutlines.parse(text).plans();
			int index = planIndex == null ? 0 : planIndex;
			if (index < 0 || index >= plans.size()) {
				throw DomainException.onField("planIndex", "plan.export.noSuchPlan", String.valueOf(index + 1),
						String.valueOf(plans.size()));
			}
			return PlanDocument.of(plans.get(index), orgName, year);
		}

	}

	@PostMapping(path = "/export", consumes = MediaType.APPLICATION_JSON_VALUE)
	@DocumentWork
	ResponseEntity<byte[]> export(@RequestParam String format, @RequestBody ExportRequest request) {
		String kind = format.strip().toLowerCase(Locale.ROOT);
		if (!kind.equals("docx") && !kind.equals("pdf")) {
			throw DomainException.onField("format", "plan.export.formatUnknown", format);
		}
		PlanDocument document = request.toDocument();
		boolean word = kind.equals("docx");
		byte[] file = word ? exports.docx(document) : exports.pdf(document);
		return ResponseEntity.ok()
			.contentType(word ? DOCX : MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(filename(document) + "." + kind, StandardCharsets.UTF_8)
				.build()
				.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file);
	}

	/** The title, without what file systems refuse; the word for “work plan” when there is none. */
	private String filename(PlanDocument document) {
		String name = document.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").strip();
		if (name.length() > 80) {
			name = name.substring(0, 80);
		}
		return name.isEmpty()
				? messages.getMessage("plan.export.untitled", null, LocaleContextHolder.getLocale()) : name;
	}

}

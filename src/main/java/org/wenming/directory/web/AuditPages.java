package org.wenming.directory.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.wenming.directory.AuditScope;
import org.wenming.platform.Times;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.audit.AuditLog.AuditEntry;
import org.wenming.platform.audit.AuditQuery;
import org.wenming.platform.web.Page;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log (审计日志), newest first, limited to the entries of the caller's org subtrees; and
 * its export as CSV for Excel, which is itself audited.
 */
@Controller
@RequestMapping("/audit")
class AuditPages {

	static final int PAGE_SIZE = 50;

	/**
	 * Every action written to the audit log anywhere in the product, grouped loosely by module; each
	 * has words in the bundle ({@code dir.audit.action.*}). {@code AuditWordsTests} fails when code
	 * writes an action missing here.
	 */
	static final List<String> ACTIONS = List.of("CREATE", "UPDATE", "DELETE", "MOVE", "CLOSE", "VIEW_FULL", "EXPORT",
			"IMPORT", "ROLE_GRANT", "ROLE_REVOKE", "ENABLE", "DISABLE", "PASSWORD_RESET", "UNLOCK", "ACCOUNT_LOCKED",
			"LOGIN", "LOGIN_FAILED", "SEARCH_FULL", "SEARCH_FULL_REFUSED", "PUBLISH", "ARCHIVE", "DISTRIBUTE", "REMIND",
			"REPORT", "SUBMIT", "REVIEW", "ACCEPT", "SEND_BACK", "CANCEL", "MANUAL_VALUE", "FINISH", "SUMMARY", "PHOTO",
			"SIGNUP", "SIGNUP_CANCEL", "ATTENDANCE_GROUP", "HOURS_CONFIRM", "HOURS_CORRECT", "APPLY", "APPROVE", "REJECT",
			"LEAVE", "DEREGISTER", "ISSUE", "POINTS_BONUS", "STORE_ITEM_CREATE", "STORE_ITEM_UPDATE", "STORE_COLLECT",
			"STORE_CANCEL", "LEDGER_ANCHOR", "PASSWORD_CHANGE", "SESSION_END", "TOKEN_REVOKE");

	/**
	 * Every kind of record the audit log names, by module (the key is the module's bundle key
	 * {@code dir.audit.module.*}); each has words ({@code dir.audit.entity.*}).
	 */
	static final Map<String, List<String>> ENTITY_GROUPS = groups();

	static final List<String> ENTITY_TYPES = ENTITY_GROUPS.values().stream().flatMap(List::stream).toList();

	private static Map<String, List<String>> groups() {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		groups.put("directory", List.of("org", "person", "care_recipient", "account"));
		groups.put("plan", List.of("plan", "plan_task", "plan_submission", "plan_target"));
		groups.put("volunteer", List.of("volunteer", "volunteer_team", "team_member", "activity", "hours_entry",
				"volunteer_certificate", "star_threshold", "org_seal"));
		groups.put("order", List.of("service_order", "service_category"));
		groups.put("store", List.of("store_item", "store_redemption"));
		groups.put("system", List.of("audit_log", "ledger"));
		return Collections.unmodifiableMap(groups);
	}

	private static final String TIME = "yyyy-MM-dd HH:mm:ss";

	private final AuditLog audit;

	private final AuditScope scope;

	private final MessageSource messages;

	private final Times times;

	AuditPages(AuditLog audit, AuditScope scope, MessageSource messages, Times times) {
		this.times = times;
		this.audit = audit;
		this.scope = scope;
		this.messages = messages;
	}

	@GetMapping
	String list(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		AuditQuery query = filter.toQuery(scope);
		long total = audit.count(query);
		int last = (int) Math.max(0, (total - 1) / PAGE_SIZE);
		int number = Math.max(0, Math.min(page, last));
		List<AuditEntry> entries = audit.find(query, number * PAGE_SIZE, PAGE_SIZE);
		model.addAttribute("page", new Page<>(entries, number, PAGE_SIZE, total,
				request.getContextPath() + "/audit" + filter.queryString()));
		model.addAttribute("exportLink", request.getContextPath() + "/audit/export.csv" + filter.queryString());
		if (Htmx.wantsFragment(request, response)) {
			return "directory/audit :: results";
		}
		model.addAttribute("actions", ACTIONS);
		model.addAttribute("entityGroups", ENTITY_GROUPS);
		return "directory/audit";
	}

	/** Streams the filtered entries, oldest first, as UTF-8 CSV with a byte-order mark so that Excel reads it. */
	@GetMapping("/export.csv")
	void export(@ModelAttribute("filter") AuditFilter filter, HttpServletResponse response) throws IOException {
		AuditQuery query = filter.toQuery(scope);
		audit.record("EXPORT", "audit_log", null, scope.primaryOrgId().orElse(null), "导出审计日志：" + audit.count(query) + " 条");
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(text("dir.audit.exportFile", LocalDate.now(times.zone())) + ".csv",
					StandardCharsets.UTF_8)
			.build()
			.toString());
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
		csv.printRecord(Arrays.stream(new String[] { "time", "actor", "ip", "action", "entityType", "entityId", "orgId",
				"summary" }).map(column -> text("dir.audit.column." + column)).toList());
		try {
			audit.forEach(query, entry -> {
				try {
					csv.printRecord(times.format(entry.at(), TIME), cell(actor(entry.actor())), cell(entry.actorIp()),
							word("dir.audit.action.", entry.action()), word("dir.audit.entity.", entry.entityType()),
							cell(entry.entityId()), entry.orgId(), cell(entry.summary()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		csv.flush();
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

	/** The words for a code, or the code itself when an old entry carries one no longer written. */
	private String word(String prefix, String code) {
		return code == null ? "" : messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale());
	}

	private String actor(String actor) {
		return word("actor.", actor);
	}

	/** Keeps Excel from reading a cell that starts like a formula as one. */
	private static String cell(String value) {
		if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
			return "'" + value;
		}
		return value;
	}

	/** The filters of the log, as they come in the query string. */
	record AuditFilter(String actor, String action, String entityType,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

		AuditQuery toQuery(AuditScope scope) {
			return scope.query(actor, action, entityType, from, to);
		}

		String queryString() {
			UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
			add(uri, "actor", actor);
			add(uri, "action", action);
			add(uri, "entityType", entityType);
			add(uri, "from", from == null ? null : from.toString());
			add(uri, "to", to == null ? null : to.toString());
			String query = uri.encode().build().getQuery();
			return query == null ? "" : "?" + query;
		}

		private static void add(UriComponentsBuilder uri, String name, String value) {
			if (StringUtils.hasText(value)) {
				uri.queryParam(name, value.strip());
			}
		}

	}

}

package org.wenming.volunteer.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.web.Spreadsheets;
import org.wenming.volunteer.Volunteer;
import org.wenming.volunteer.VolunteerStatus;
import org.wenming.volunteer.Volunteers;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The volunteers list (志愿者) with its filters, every page of it, as an Excel workbook.
 */
@Controller
class VolunteerListExport {

	private final Volunteers volunteers;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	VolunteerListExport(Volunteers volunteers, AuditLog audit, MessageSource messages, Clock clock) {
		this.volunteers = volunteers;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** The filtered list, every page, as an Excel workbook (phones masked); the export is audited. */
	@GetMapping("/volunteers/export.xlsx")
	void export(@RequestParam(required = false) Long orgId, @RequestParam(required = false) VolunteerStatus status,
			@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
		List<List<Object>> rows = new ArrayList<>();
		int offset = 0;
		List<Volunteer> chunk;
		do {
			chunk = volunteers.search(orgId, status, q, offset, 1000);
			for (Volunteer v : chunk) {
				rows.add(Arrays.asList(v.personName(), v.volunteerNo(), v.orgName(),
						text("volunteer.status." + v.status().name()), v.starLevel(), v.emergencyPhoneMasked()));
			}
			offset += chunk.size();
		}
		while (chunk.size() == 1000);
		audit.record("EXPORT", "volunteer", null, orgId, "导出志愿者名单 " + rows.size() + " 人（已脱敏）");
		Spreadsheets.download(response, text("volunteer.page.exportFile"), LocalDate.now(clock),
				text("volunteer.page.list.title"),
				List.of(text("volunteer.page.name"), text("volunteer.page.number"), text("volunteer.page.org"),
						text("volunteer.page.status"), text("volunteer.page.stars"), text("volunteer.page.emergencyPhone")),
				rows);
	}

	/** The list's filters as a query string, for paging and export links. */
	static String filters(Long orgId, VolunteerStatus status, String q) {
		UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
		if (orgId != null) {
			uri.queryParam("orgId", orgId);
		}
		if (status != null) {
			uri.queryParam("status", status.name());
		}
		if (StringUtils.hasText(q)) {
			uri.queryParam("q", q.strip());
		}
		String query = uri.encode().build().getQuery();
		return query == null ? "" : "?" + query;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}

package org.wenming.activity.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.wenming.activity.HoursLedger;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.Spreadsheets;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * My hours (我的时长) as an Excel workbook: every entry of the ledger that counts for me, newest first,
 * as the list on {@code /m/hours} pages them.
 */
@Controller
class MyHoursExport {

	/** Entries shown on one page of my hours. */
	static final int PAGE_SIZE = 20;

	private final HoursLedger ledger;

	private final MessageSource messages;

	private final Clock clock;

	MyHoursExport(HoursLedger ledger, MessageSource messages, Clock clock) {
		this.ledger = ledger;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/m/hours/export.xlsx")
	void export(@AuthenticationPrincipal WenmingUser user, HttpServletResponse response) throws IOException {
		List<List<Object>> rows = ledger.entries(user.personId())
			.stream()
			.map(e -> List.<Object>of(e.serviceDate().toString(), e.activityTitle() != null ? e.activityTitle() : "",
					e.reason() != null ? e.reason() : "",
					text(e.correction() ? "hours.web.mine.kind.correction" : "hours.web.mine.kind.entry"), e.hours()))
			.toList();
		Spreadsheets.download(response, text("hours.web.mine.file"), LocalDate.now(clock),
				text("hours.web.mine.title"),
				List.of(text("hours.web.mine.column.date"), text("hours.web.mine.column.activity"),
						text("hours.web.mine.column.reason"), text("hours.web.mine.column.kind"),
						text("hours.web.mine.column.hours")),
				rows);
	}

	private String text(String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}

}

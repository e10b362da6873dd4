package org.wenming.activity.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.wenming.activity.Attendance;
import org.wenming.activity.CheckInTokens;
import org.wenming.activity.CheckIns;
import org.wenming.activity.HoursAnomalies;
import org.wenming.activity.HoursEntry;
import org.wenming.activity.HoursLedger;
import org.wenming.activity.HoursRank;
import org.wenming.activity.RankBy;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.Idempotent;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check-in and check-out as JSON, the organizer's rotating token, attendance with 集体录入 and
 * confirmation, corrections, anomalies, and the caller's own hours.
 */
@RestController
class HoursApi {

	private final CheckInTokens tokens;

	private final CheckIns checkIns;

	private final HoursLedger ledger;

	private final HoursAnomalies anomalies;

	private final Clock clock;

	private final CheckInLinks links;

	HoursApi(CheckInTokens tokens, CheckIns checkIns, HoursLedger ledger, HoursAnomalies anomalies, Clock clock,
			CheckInLinks links) {
		this.clock = clock;
		this.links = links;
		this.tokens = tokens;
		this.checkIns = checkIns;
		this.ledger = ledger;
		this.anomalies = anomalies;
	}

	/**
	 * The token to show now, with its code, the link to the phone page the QR code holds
	 * ({@code url}, absolute), and that QR code as SVG when {@code qr=svg} asks for it.
	 */
	@GetMapping("/api/v1/activities/{id}/checkin-token")
	TokenView token(@PathVariable long id, @RequestParam(name = "qr", required = false) String qr,
			jakarta.servlet.http.HttpServletRequest request) {
		CheckInTokens.Token token = tokens.current(id);
		String url = links.of(request, token.token());
		return new TokenView(token.token(), token.code(), token.expiresAt(), url, "svg".equals(qr) ? QrCodes.svg(url) : null);
	}

	@Idempotent
	@PostMapping("/api/v1/activities/{id}/check-in")
	Attendance checkIn(@PathVariable long id, @RequestBody CheckIns.Scan scan) {
		return checkIns.checkIn(id, scan);
	}

	@Idempotent
	@PostMapping("/api/v1/activities/{id}/check-out")
	Attendance checkOut(@PathVariable long id, @RequestBody CheckIns.Scan scan) {
		return checkIns.checkOut(id, scan);
	}

	@GetMapping("/api/v1/activities/{id}/attendance")
	List<Attendance> attendance(@PathVariable long id) {
		return checkIns.ofActivity(id);
	}

	/** 集体录入: attendance for a list of people with their check-in and check-out times. */
	@PostMapping("/api/v1/activities/{id}/attendance")
	List<Attendance> recordGroup(@PathVariable long id, @RequestBody GroupBody body) {
		return checkIns.recordGroup(id, body.entries());
	}

	/** Confirms one attendance ({@code attendanceId}) or, without it, every one waiting. */
	@PostMapping("/api/v1/activities/{id}/attendance/confirm")
	List<HoursEntry> confirm(@PathVariable long id, @RequestBody(required = false) ConfirmBody body) {
		if (body != null && body.attendanceId() != null) {
			return List.of(ledger.confirm(id, body.attendanceId()));
		}
		return ledger.confirmAll(id);
	}

	@PostMapping("/api/v1/hours/corrections")
	ResponseEntity<HoursEntry> correct(@RequestBody CorrectionBody body) {
		HoursEntry entry = ledger.correct(body.entryId(), body.hours(), body.reason());
		return ResponseEntity.status(201).body(entry);
	}

	@GetMapping("/api/v1/hours/anomalies")
	List<HoursAnomalies.Anomaly> anomalies() {
		return anomalies.find();
	}

	@GetMapping("/api/v1/people/me/hours")
	MyHours myHours(@AuthenticationPrincipal WenmingUser user) {
		return new MyHours(ledger.totalHours(user.personId()), ledger.entries(user.personId()));
	}

	/**
	 * The hours leaderboard of people, teams or child orgs of an org in the caller's scope
	 * ({@code volunteer:read}), from month {@code from} to month {@code to} ({@code YYYY-MM}; by
	 * default this year up to this month), at most {@code limit} rows (1 to 500, 100 by default).
	 */
	@GetMapping("/api/v1/hours/leaderboard")
	List<HoursRank> leaderboard(@RequestParam(defaultValue = "PERSON") String by,
			@RequestParam(required = false) String orgId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "100") String limit) {
		RankBy rankBy;
		try {
			rankBy = RankBy.valueOf(by.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.onField("by", "hours.leaderboard.by");
		}
		YearMonth now = YearMonth.now(clock);
		YearMonth first = month("from", from, YearMonth.of(now.getYear(), 1));
		YearMonth last = month("to", to, now);
		long top = number("limit", limit, "hours.leaderboard.limit");
		if (top < 1 || top > 500) {
			throw DomainException.onField("limit", "hours.leaderboard.limit");
		}
		Long org = orgId == null || orgId.isBlank() ? null : (long) number("orgId", orgId, "hours.leaderboard.org");
		return ledger.rankingInScope(rankBy, org, first, last, (int) top);
	}

	private static YearMonth month(String field, String value, YearMonth otherwise) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			return YearMonth.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.onField(field, "hours.leaderboard.month");
		}
	}

	private static long number(String field, String value, String code) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw DomainException.onField(field, code);
		}
	}

	record TokenView(String token, String code, OffsetDateTime expiresAt, String url, String qrSvg) {
	}

	record GroupBody(List<CheckIns.GroupEntry> entries) {
	}

	record ConfirmBody(Long attendanceId) {
	}

	record CorrectionBody(long entryId, BigDecimal hours, String reason) {
	}

	record MyHours(BigDecimal totalHours, List<HoursEntry> entries) {
	}

}

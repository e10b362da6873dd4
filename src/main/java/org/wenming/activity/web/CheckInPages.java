package org.wenming.activity.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.wenming.activity.Activities;
import org.wenming.activity.CheckInTokens;
import org.wenming.activity.CheckIns;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.DocumentWork;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Check-in the way people scan. The organizer's screen shows a QR code holding a link to the phone
 * page ({@code /m/checkin?t=…}), so that WeChat's 扫一扫 or the camera opens it; the page shows the
 * activity and one button that checks in, or out when the person is checked in already. Where
 * there is no scanner, the phone page takes a photo of the code (read here) or the six-digit code
 * alone. Refusals stay on the page, with what was typed.
 * <p>
 * A person who is not signed in is sent to sign in and brought back; the time the phone first
 * opened the link is kept in the session, so that the 30-second token does not run out meanwhile.
 */
@Controller
class CheckInPages {

	/** The session attribute holding when this session first opened which check-in link: "millis|token". */
	static final String SEEN = "wenming.checkin.seen";

	private final CheckInTokens tokens;

	private final CheckIns checkIns;

	private final Activities activities;

	private final MessageSource messages;

	private final Clock clock;

	private final CheckInLinks links;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	CheckInPages(CheckInTokens tokens, CheckIns checkIns, Activities activities, MessageSource messages, Clock clock,
			CheckInLinks links) {
		this.tokens = tokens;
		this.checkIns = checkIns;
		this.activities = activities;
		this.messages = messages;
		this.clock = clock;
		this.links = links;
	}

	/** The organizer's screen: the activity, the QR code with its link, the code, the count checked in. */
	@GetMapping("/activities/{id:\\d+}/checkin")
	String screen(@PathVariable long id, HttpServletRequest request, Model model) {
		CheckInTokens.Token token = tokens.current(id);
		String url = links.of(request, token.token());
		model.addAttribute("activity", activities.get(id));
		model.addAttribute("token", token);
		model.addAttribute("checkinUrl", url);
		model.addAttribute("qrSvg", QrCodes.svg(url));
		model.addAttribute("counts", checkIns.counts(id));
		return "activity/checkin";
	}

	/** The current token and counts for the screen's script. */
	@GetMapping("/activities/{id:\\d+}/checkin/token")
	@ResponseBody
	ResponseEntity<ScreenView> screenToken(@PathVariable long id, HttpServletRequest request) {
		CheckInTokens.Token token = tokens.current(id);
		String url = links.of(request, token.token());
		CheckIns.Counts counts = checkIns.counts(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ScreenView(token.token(), token.code(), token.expiresAt(), url, QrCodes.svg(url), counts.checkedIn(),
					counts.checkedOut()));
	}

	/**
	 * The page a scanned QR code opens: the activity with one button. Not signed in: the time is
	 * noted, and the person signs in and comes back here.
	 */
	@GetMapping("/m/checkin")
	String open(@RequestParam(name = "t", required = false) String token, @AuthenticationPrincipal WenmingUser user,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (token == null || token.isBlank()) {
			return "redirect:/m/scan";
		}
		seen(request.getSession(), token.trim());
		if (user == null) {
			requestCache.saveRequest(request, response);
			return "redirect:/login";
		}
		model.addAttribute("t", token.trim());
		try {
			model.addAttribute("visit", checkIns.visit(token.trim()));
		}
		catch (DomainException ex) {
			return refused(model, ex, response);
		}
		return "mobile/checkin";
	}

	/** The one tap: checks in, or out when checked in already. */
	@PostMapping("/m/checkin")
	String tap(@RequestParam(name = "t") String token, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng, @RequestParam(required = false) Double accuracy,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
		HttpSession session = request.getSession();
		OffsetDateTime presented = presented(session, token.trim());
		try {
			CheckIns.Outcome outcome = checkIns.scan(new CheckIns.Scan(token.trim(), null, lat, lng, accuracy), presented);
			session.removeAttribute(SEEN);
			return done(outcome, redirect);
		}
		catch (DomainException ex) {
			model.addAttribute("t", token.trim());
			try {
				model.addAttribute("visit", checkIns.visit(token.trim()));
			}
			catch (DomainException invalid) {
				// shown without the activity
			}
			return refused(model, ex, response);
		}
	}

	/** Where the caller stands at an activity after a scan. */
	@GetMapping("/m/checkin/{id:\\d+}")
	String result(@PathVariable long id, Model model) {
		model.addAttribute("visit", checkIns.visitOf(id));
		model.addAttribute("done", true);
		return "mobile/checkin";
	}

	/** The six-digit code alone: it names the running activity. */
	@PostMapping("/m/scan")
	String typed(@RequestParam(required = false) String code, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng, @RequestParam(required = false) Double accuracy,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		String typed = code == null ? "" : code.trim();
		model.addAttribute("code", typed);
		try {
			return done(checkIns.scan(new CheckIns.Scan(null, typed, lat, lng, accuracy), null), redirect);
		}
		catch (DomainException ex) {
			return scanRefused(model, "code", ex, response);
		}
	}

	/** A photo of the QR code, where the phone has no scanner: read here, then as if scanned. */
	@PostMapping("/m/scan/photo")
	@DocumentWork
	String photo(@RequestParam(required = false) MultipartFile photo, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng, @RequestParam(required = false) Double accuracy,
			HttpServletResponse response, Model model, RedirectAttributes redirect) throws IOException {
		if (photo == null || photo.isEmpty()) {
			return scanRefused(model, "photo", DomainException.onField("photo", "hours.checkin.photo.missing"), response);
		}
		Optional<String> text;
		try (InputStream in = photo.getInputStream()) {
			text = QrCodes.read(in);
		}
		Optional<String> token = text.map(CheckInPages::tokenOf);
		if (token.isEmpty() || token.get().isBlank()) {
			return scanRefused(model, "photo", DomainException.onField("photo",
					text.isEmpty() ? "hours.checkin.photo.noCode" : "hours.checkin.photo.otherCode"), response);
		}
		try {
			return done(checkIns.scan(new CheckIns.Scan(token.get(), null, lat, lng, accuracy), null), redirect);
		}
		catch (DomainException ex) {
			return scanRefused(model, "photo", ex, response);
		}
	}

	/** The token a QR code's text holds: the {@code t} of a check-in link, or the bare token. */
	static String tokenOf(String text) {
		String trimmed = text.trim();
		if (trimmed.matches("\\d+\\.\\d+\\.[0-9a-f]+\\.[\\w-]+")) {
			return trimmed;
		}
		try {
			URI uri = URI.create(trimmed);
			if (uri.getPath() == null || !uri.getPath().endsWith("/m/checkin") || uri.getRawQuery() == null) {
				return "";
			}
			for (String pair : uri.getRawQuery().split("&")) {
				if (pair.startsWith("t=")) {
					return java.net.URLDecoder.decode(pair.substring(2), StandardCharsets.UTF_8);
				}
			}
		}
		catch (IllegalArgumentException ex) {
			// not a link
		}
		return "";
	}

	private String done(CheckIns.Outcome outcome, RedirectAttributes redirect) {
		String key = switch (outcome.step()) {
			case CHECKED_IN -> "hours.web.flash.checkedIn";
			case CHECKED_OUT -> "hours.web.flash.checkedOut";
			case ALREADY_IN -> "hours.web.checkin.alreadyIn";
			case ALREADY_OUT -> "hours.web.checkin.alreadyOut";
		};
		redirect.addFlashAttribute("flashSuccess", text(key));
		return "redirect:/m/checkin/" + outcome.visit().activityId();
	}

	private String refused(Model model, DomainException ex, HttpServletResponse response) {
		if (ex.status().value() == 404) {
			throw ex;
		}
		response.setStatus(422);
		model.addAttribute("error", text(ex.code(), ex.args()));
		return "mobile/checkin";
	}

	private String scanRefused(Model model, String field, DomainException ex, HttpServletResponse response) {
		if (ex.status().value() == 404) {
			throw ex;
		}
		response.setStatus(422);
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put(field, text(ex.code(), ex.args()));
		model.addAttribute("errors", errors);
		return "mobile/scan";
	}

	/** Notes when this session first opened the link (kept while it is the same link). */
	private void seen(HttpSession session, String token) {
		Object held = session.getAttribute(SEEN);
		if (held instanceof String value && value.endsWith("|" + token)) {
			return;
		}
		session.setAttribute(SEEN, clock.millis() + "|" + token);
	}

	/** When this session first opened the link, if it did. */
	private OffsetDateTime presented(HttpSession session, String token) {
		if (session.getAttribute(SEEN) instanceof String value && value.endsWith("|" + token)) {
			try {
				long millis = Long.parseLong(value.substring(0, value.indexOf('|')));
				return OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), clock.getZone());
			}
			catch (RuntimeException ex) {
				return null;
			}
		}
		return null;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

	/** What the organizer's screen asks for every few seconds. */
	record ScreenView(String token, String code, OffsetDateTime expiresAt, String url, String qrSvg, int checkedIn,
			int checkedOut) {
	}

}

package org.wenming.platform.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Writes an RFC 9457 problem document in the user's language outside of Spring MVC (from filters).
 */
@Component
public class ProblemWriter {

	private final MessageSource messages;

	private final JsonMapper json;

	private final LocaleResolver locales;

	ProblemWriter(MessageSource messages, JsonMapper json, LocaleResolver locales) {
		this.messages = messages;
		this.json = json;
		this.locales = locales;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, int status, String code)
			throws IOException {
		Locale locale = locales.resolveLocale(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		HttpStatus known = HttpStatus.resolve(status);
		problem.setTitle(messages.getMessage("problem.title." + status,
				null, known == null ? "" : known.getReasonPhrase(), locale));
		problem.setDetail(messages.getMessage(code, null, code, locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status);
		response.setCharacterEncoding("UTF-8");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}

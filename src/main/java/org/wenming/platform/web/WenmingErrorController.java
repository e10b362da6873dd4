package org.wenming.platform.web;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the container shows for errors outside of controllers (unknown URLs, refused uploads):
 * a problem document under {@code /api}, a page elsewhere. Never a stack trace.
 */
@Controller
class WenmingErrorController implements ErrorController {

	private final MessageSource messages;

	WenmingErrorController(MessageSource messages) {
		this.messages = messages;
	}

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		int status = status(request);
		ModelAndView view = new ModelAndView("error", Map.of("status", status, "message", message(status)));
		view.setStatus(HttpStatus.valueOf(status));
		return view;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		int status = status(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), message(status));
		problem.setTitle(text("problem.title." + status));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(URI.create(uri.toString()));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static int status(HttpServletRequest request) {
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
				&& UploadLimits.exceeded(failure)) {
			return 413;
		}
		// Parameters that are not valid percent-encoded UTF-8, found while filters read them.
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof org.apache.tomcat.util.http.InvalidParameterException) {
			return 400;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value ? value : 500;
		return HttpStatus.resolve(status) == null ? 500 : status;
	}

	private String message(int status) {
		return switch (status) {
			case 400 -> text("error.badRequest");
			case 401 -> text("error.unauthenticated");
			case 403 -> text("error.forbidden");
			case 404 -> text("error.notFound");
			case 405 -> text("error.method");
			case 415 -> text("error.mediaType");
			case 413 -> text("error.tooLarge");
			default -> status >= 500 ? text("error.internal") : text("problem.title." + status);
		};
	}

	private String text(String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}

}

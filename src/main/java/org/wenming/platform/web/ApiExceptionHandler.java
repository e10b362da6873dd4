package org.wenming.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import org.wenming.platform.DomainException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of a JSON endpoint into an RFC 9457 problem document in the user's language;
 * never a stack trace.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private final MessageSource messages;

	ApiExceptionHandler(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> domain(DomainException ex, HttpServletRequest request) {
		ProblemDetail problem = problem(ex.status(), text(ex.code(), ex.args()), request);
		List<DomainException.Problem> problems = ex.problems();
		if (!problems.isEmpty()) {
			problem.setProperty("errors", problems.stream().map(this::error).toList());
		}
		return ResponseEntity.status(ex.status()).body(problem);
	}

	@ExceptionHandler(BindException.class)
	ResponseEntity<ProblemDetail> invalid(BindException ex, HttpServletRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult().getAllErrors().stream().map(error -> {
			Map<String, String> item = new LinkedHashMap<>();
			item.put("field", error instanceof FieldError field ? field.getField() : error.getObjectName());
			item.put("message", messages.getMessage(error, LocaleContextHolder.getLocale()));
			return item;
		}).toList();
		String detail = errors.stream().map(e -> e.get("message")).distinct().reduce((a, b) -> a + "；" + b).orElse("");
		// Text refused by TextInput is a 422 like every other refused value; other binding errors are 400.
		HttpStatus status = ex.getBindingResult().getFieldErrors().stream()
			.anyMatch(error -> error.contains(Exception.class) && refusedText(error.unwrap(Exception.class)) != null)
				? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
		ProblemDetail problem = problem(status, text("error.validation", detail), request);
		problem.setProperty("errors", errors);
		return ResponseEntity.status(status).body(problem);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> violation(ConstraintViolationException ex, HttpServletRequest request) {
		String detail = ex.getConstraintViolations().stream().map(v -> v.getMessage()).distinct()
			.reduce((a, b) -> a + "；" + b).orElse("");
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, text("error.validation", detail), request));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		DomainException refused = refusedText(ex);
		if (refused != null) {
			return domain(refused, request);
		}
		String code = "error.json.malformed";
		// The whole chain, not the innermost cause: a wrong type ends in a NumberFormatException or
		// DateTimeParseException below Jackson's MismatchedInputException.
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeLimitFilter.RequestTooLargeException) {
				code = "error.tooLarge";
				break;
			}
			if (cause instanceof UnrecognizedPropertyException) {
				code = "error.json.unknownField";
				break;
			}
			if (cause instanceof MismatchedInputException) {
				code = "error.json.wrongType";
				break;
			}
		}
		HttpStatus status = code.equals("error.tooLarge") ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
		return ResponseEntity.status(status).body(problem(status, text(code), request));
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
			InvalidParameterException.class })
	ResponseEntity<ProblemDetail> badParameter(Exception ex, HttpServletRequest request) {
		DomainException refused = refusedText(ex);
		if (refused != null && ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return domain(DomainException.onField(mismatch.getName(), refused.code(), mismatch.getName(),
					refused.args()[1]), request);
		}
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, text("error.badParameter"), request));
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class })
	ResponseEntity<ProblemDetail> tooLarge(Exception ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(problem(HttpStatus.CONTENT_TOO_LARGE, text("error.tooLarge"), request));
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException ex, HttpServletRequest request) {
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, text("error.multipart"), request));
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(Exception ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.body(problem(HttpStatus.METHOD_NOT_ALLOWED, text("error.method"), request));
	}

	@ExceptionHandler({ HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class })
	ResponseEntity<ProblemDetail> mediaType(Exception ex, HttpServletRequest request) {
		HttpStatusCode status = ((ErrorResponse) ex).getStatusCode();
		return ResponseEntity.status(status).body(problem(status, text("error.mediaType"), request));
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(Exception ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem(HttpStatus.NOT_FOUND, text("error.notFound"), request));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(Exception ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, text("error.forbidden"), request));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> concurrent(Exception ex, HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, text("error.concurrent"), request));
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException ex, HttpServletRequest request) {
		log.info("Refused by a database constraint: {}", ex.getMessage());
		// A value the column cannot hold (too long, out of range) is bad input, not a clash.
		if (ex.getMostSpecificCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith("22")) {
			return ResponseEntity.unprocessableContent()
				.body(problem(HttpStatus.UNPROCESSABLE_CONTENT, text("error.valueOutOfRange"), request));
		}
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem(HttpStatus.CONFLICT, text("error.integrity"), request));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		if (UploadLimits.exceeded(ex)) {
			return tooLarge(ex, request);
		}
		if (ex instanceof ErrorResponse response) {
			HttpStatusCode status = response.getStatusCode();
			return ResponseEntity.status(status).body(problem(status, text("problem.title." + status.value()), request));
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// The client went away (closed tab, broken pipe): nobody to answer, nothing went wrong here.
			log.debug("Client left before the answer on {}: {}", request.getRequestURI(), ex.toString());
			return null;
		}
		log.error("Unexpected failure on {}", request.getRequestURI(), ex);
		return ResponseEntity.internalServerError()
			.body(problem(HttpStatus.INTERNAL_SERVER_ERROR, text("error.internal"), request));
	}

	/** The refusal of {@link org.wenming.platform.Text#accept} behind a failure to read or bind, if any. */
	static DomainException refusedText(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DomainException domain) {
				return domain;
			}
		}
		return null;
	}

	private Map<String, Object> error(DomainException.Problem problem) {
		Map<String, Object> item = new LinkedHashMap<>();
		if (problem.row() != null) {
			item.put("row", problem.row());
		}
		item.put("field", problem.field());
		item.put("message", text(problem.code(), problem.args()));
		return item;
	}

	private ProblemDetail problem(HttpStatusCode status, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(text("problem.title." + status.value()));
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}

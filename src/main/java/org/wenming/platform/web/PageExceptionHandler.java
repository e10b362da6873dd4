package org.wenming.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.platform.DomainException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import jakarta.validation.ConstraintViolationException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Shows a page in the user's language for whatever a page controller did not handle itself. A
 * controller that handles bad input for its own forms hands everything else back to
 * {@link #badRequest} and renders its form through {@link #withLayout}, so its pages keep the
 * navigation.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(PageExceptionHandler.class);

	private final MessageSource messages;

	private final LayoutModel layout;

	PageExceptionHandler(MessageSource messages, LayoutModel layout) {
		this.messages = messages;
		this.layout = layout;
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView domain(DomainException ex, HttpServletResponse response) {
		return page(ex.status().value(), text(ex.code(), ex.args()), response);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView denied(AccessDeniedException ex, HttpServletResponse response) {
		return page(403, text("error.forbidden"), response);
	}

	@ExceptionHandler({ TypeMismatchException.class, ServletRequestBindingException.class, BindException.class,
			HttpMessageNotReadableException.class, ConstraintViolationException.class,
			org.apache.tomcat.util.http.InvalidParameterException.class })
	public ModelAndView badRequest(Exception ex, HttpServletResponse response) {
		// Text refused by TextInput: say which field and why, not just "bad parameter".
		DomainException refused = ApiExceptionHandler.refusedText(ex);
		if (refused == null && ex instanceof BindException bind) {
			refused = bind.getFieldErrors().stream().filter(error -> error.contains(Exception.class))
				.map(error -> ApiExceptionHandler.refusedText(error.unwrap(Exception.class))).filter(r -> r != null)
				.findFirst().orElse(null);
		}
		if (refused != null) {
			String field = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException mismatch
					? mismatch.getName() : ex instanceof BindException bind && bind.getFieldError() != null
							? bind.getFieldError().getField() : String.valueOf(refused.args()[0]);
			return page(422, text(refused.code(), field, refused.args()[1]), response);
		}
		return page(400, text("error.badParameter"), response);
	}

	@ExceptionHandler({ MaxUploadSizeExceededException.class })
	ModelAndView tooLarge(Exception ex, HttpServletResponse response) {
		return page(413, text("error.tooLarge"), response);
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView multipart(Exception ex, HttpServletResponse response) {
		return page(400, text("error.multipart"), response);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView integrity(Exception ex, HttpServletResponse response) {
		log.info("Refused by a database constraint: {}", ex.getMessage());
		return page(409, text("error.integrity"), response);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if (UploadLimits.exceeded(ex)) {
			return page(413, text("error.tooLarge"), response);
		}
		if (ex instanceof ErrorResponse error) {
			int status = error.getStatusCode().value();
			return page(status, text(status == 404 ? "error.notFound" : "problem.title." + status), response);
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// The client went away (closed tab, broken pipe): nobody to answer, nothing went wrong here.
			log.debug("Client left before the answer on {}: {}", request.getRequestURI(), ex.toString());
			return new ModelAndView();
		}
		log.error("Unexpected failure on {}", request.getRequestURI(), ex);
		return page(500, text("error.internal"), response);
	}

	private ModelAndView page(int status, String message, HttpServletResponse response) {
		ModelAndView view = new ModelAndView("error");
		view.setStatus(HttpStatus.valueOf(status));
		view.addObject("status", status);
		view.addObject("message", message);
		if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
				instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
			withLayout(view, attributes.getRequest());
		}
		return view;
	}

	/**
	 * Gives a view rendered from an exception handler the layout's model (navigation, user, inbox):
	 * exception handlers get none of the layout's model attributes.
	 */
	public ModelAndView withLayout(ModelAndView view, HttpServletRequest request) {
		layout.addTo(view, request);
		return view;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}

package org.wenming.platform;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A rule of the domain was broken. The message is a key of {@code messages*.properties}, resolved
 * with {@link #args()} in the user's language; {@link #status()} is what the API answers.
 */
public class DomainException extends RuntimeException {

	private final String code;

	private final transient Object[] args;

	private final HttpStatus status;

	private final String field;

	public DomainException(String code, Object... args) {
		this(HttpStatus.UNPROCESSABLE_CONTENT, null, code, args);
	}

	protected DomainException(HttpStatus status, String field, String code, Object... args) {
		super(code + Arrays.toString(args));
		this.code = code;
		this.args = args;
		this.status = status;
		this.field = field;
	}

	/** A rule broken by the value of one input field. */
	public static DomainException onField(String field, String code, Object... args) {
		return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, field, code, args);
	}

	/** The thing asked for does not exist, or lies outside the caller's data scope. */
	public static DomainException notFound() {
		return new DomainException(HttpStatus.NOT_FOUND, null, "error.notFound");
	}

	/** The request clashes with what is already stored. */
	public static DomainException conflict(String code, Object... args) {
		return new DomainException(HttpStatus.CONFLICT, null, code, args);
	}

	/** The caller may not do this. */
	public static DomainException forbidden() {
		return new DomainException(HttpStatus.FORBIDDEN, null, "error.forbidden");
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args;
	}

	public HttpStatus status() {
		return status;
	}

	public String field() {
		return field;
	}

	/**
	 * The single problems behind this one, listed as {@code errors} in problem documents: the field
	 * when there is one, or for instance every bad row of an uploaded file.
	 */
	public List<Problem> problems() {
		return field == null ? List.of() : List.of(new Problem(null, field, code, args));
	}

	/**
	 * One problem: where it is ({@code row} of an uploaded sheet, may be {@code null}; the input
	 * field) and the message key that says why.
	 */
	public record Problem(Integer row, String field, String code, Object... args) {
	}

}

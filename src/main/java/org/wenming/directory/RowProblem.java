package org.wenming.directory;

import java.util.List;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * What is wrong with one row of an import file: its number as the user sees it in the sheet
 * (the header is row 1), the column's field and the message key with its arguments.
 */
public record RowProblem(int row, String field, String code, List<Object> args) {

	public RowProblem {
		args = List.copyOf(args);
	}

	public static RowProblem of(int row, String field, String code, Object... args) {
		return new RowProblem(row, field, code, List.of(args));
	}

	/** Why, e.g. "身份证号校验位错误。". */
	public MessageSourceResolvable message() {
		return new DefaultMessageSourceResolvable(new String[] { code }, args.toArray(), code);
	}

	/** Where and why, e.g. "第12行：身份证号校验位错误。". */
	public MessageSourceResolvable line() {
		return new DefaultMessageSourceResolvable(new String[] { "import.row" },
				new Object[] { String.valueOf(row), message() }, code);
	}

}

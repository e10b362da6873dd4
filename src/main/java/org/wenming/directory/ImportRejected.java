package org.wenming.directory;

import java.util.List;

import org.wenming.platform.DomainException;

import org.springframework.http.HttpStatus;

/**
 * An import file had bad rows, so nothing of it was stored. Carries the first
 * {@value #REPORTED} problems in row order and how many there were in all.
 */
public class ImportRejected extends DomainException {

	/** How many problems a report lists at most; the rest are only counted. */
	public static final int REPORTED = 1000;

	private final transient List<RowProblem> rows;

	private final int total;

	ImportRejected(List<RowProblem> rows, int total) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, null, "import.rejected", String.valueOf(total), rows.get(0).line());
		this.rows = List.copyOf(rows.subList(0, Math.min(REPORTED, rows.size())));
		this.total = total;
	}

	/** The reported problems, in row order. */
	public List<RowProblem> rows() {
		return rows;
	}

	/** How many problems the file had, reported or not. */
	public int total() {
		return total;
	}

	@Override
	public List<Problem> problems() {
		return rows.stream().map(r -> new Problem(r.row(), r.field(), r.code(), r.args().toArray())).toList();
	}

}

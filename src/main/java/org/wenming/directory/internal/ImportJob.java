package org.wenming.directory.internal;

import java.time.Instant;
import java.util.List;

import org.wenming.directory.ImportKind;
import org.wenming.directory.ImportProgress.Stage;
import org.wenming.directory.RowProblem;

/**
 * One background import as its owner sees it, read from the {@code import_job} table: where it
 * stood when read and, once finished, what came of it.
 */
public final class ImportJob {

	/** Waiting for a worker, running, or finished one of three ways. */
	public enum Status {

		QUEUED, RUNNING, DONE, REJECTED, FAILED

	}

	private final String id;

	private final String owner;

	private final ImportKind kind;

	private final String filename;

	private final Status status;

	private final Stage stage;

	private final long done;

	private final long total;

	private final int imported;

	private final List<RowProblem> problems;

	private final int problemCount;

	private final String failureCode;

	private final Object[] failureArgs;

	private final String instance;

	private final Instant createdAt;

	private final Instant finishedAt;

	ImportJob(String id, String owner, ImportKind kind, String filename, Status status, Stage stage, long done,
			long total, int imported, List<RowProblem> problems, int problemCount, String failureCode,
			Object[] failureArgs, String instance, Instant createdAt, Instant finishedAt) {
		this.id = id;
		this.owner = owner;
		this.kind = kind;
		this.filename = filename;
		this.status = status;
		this.stage = stage;
		this.done = done;
		this.total = total;
		this.imported = imported;
		this.problems = List.copyOf(problems);
		this.problemCount = problemCount;
		this.failureCode = failureCode;
		this.failureArgs = failureArgs.clone();
		this.instance = instance;
		this.createdAt = createdAt;
		this.finishedAt = finishedAt;
	}

	public String id() {
		return id;
	}

	public String owner() {
		return owner;
	}

	public ImportKind kind() {
		return kind;
	}

	public String filename() {
		return filename;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Status status() {
		return status;
	}

	public boolean isFinished() {
		return finishedAt != null;
	}

	public Stage stage() {
		return stage;
	}

	public long done() {
		return done;
	}

	public long total() {
		return total;
	}

	/** How far the job has come, 0 to 100; while reading (total unknown) a rough 0 to 30. */
	public int percent() {
		if (isFinished()) {
			return 100;
		}
		return switch (stage) {
			case READING -> (int) Math.min(30, done / 2000);
			case CHECKING -> 35;
			case STORING -> total <= 0 ? 40 : 40 + (int) (60 * done / total);
		};
	}

	public int imported() {
		return imported;
	}

	/** The first {@value org.wenming.directory.ImportRejected#REPORTED} problems of a rejected file, in row order. */
	public List<RowProblem> problems() {
		return problems;
	}

	public int problemCount() {
		return problemCount;
	}

	public String failureCode() {
		return failureCode;
	}

	public Object[] failureArgs() {
		return failureArgs.clone();
	}

	/** The application instance that runs the job: the one that took the upload. */
	public String instance() {
		return instance;
	}

	public Instant finishedAt() {
		return finishedAt;
	}

}

package org.wenming.directory.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.wenming.directory.ImportKind;
import org.wenming.directory.ImportProgress.Stage;
import org.wenming.directory.ImportRejected;
import org.wenming.directory.RowProblem;

/**
 * One background import as its owner sees it: where it stands and, once finished, what came of
 * it. Written by the worker thread, read by the polling page.
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

	private final Instant createdAt = Instant.now();

	private volatile Status status = Status.QUEUED;

	private volatile Stage stage = Stage.READING;

	private volatile long done;

	private volatile long total = -1;

	private volatile int imported;

	private volatile List<RowProblem> problems = List.of();

	private volatile int problemCount;

	private volatile String failureCode;

	private volatile Object[] failureArgs = new Object[0];

	private volatile Instant finishedAt;

	ImportJob(String id, String owner, ImportKind kind, String filename) {
		this.id = id;
		this.owner = owner;
		this.kind = kind;
		this.filename = filename == null || filename.isBlank() ? "—" : filename;
	}

	void started() {
		status = Status.RUNNING;
	}

	void progress(Stage stage, long done, long total) {
		this.stage = stage;
		this.done = done;
		this.total = total;
	}

	void done(int imported) {
		this.imported = imported;
		finish(Status.DONE);
	}

	void rejected(ImportRejected rejected) {
		this.problems = rejected.rows();
		this.problemCount = rejected.total();
		finish(Status.REJECTED);
	}

	void failed(String code, Object... args) {
		this.failureCode = code;
		this.failureArgs = args;
		finish(Status.FAILED);
	}

	private void finish(Status status) {
		this.finishedAt = Instant.now();
		this.status = status;
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

	/** When the upload came, in China Standard Time. */
	public OffsetDateTime localCreatedAt() {
		return createdAt.atOffset(ZoneOffset.ofHours(8));
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

	public Instant finishedAt() {
		return finishedAt;
	}

}

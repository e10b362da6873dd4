package org.wenming.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.wenming.directory.ImportKind;
import org.wenming.directory.ImportProgress.Stage;
import org.wenming.directory.RowProblem;
import org.wenming.directory.internal.ImportJob.Status;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code import_job} table. Every write is a short transaction of its own, so that the worker's
 * progress never joins, and never waits for, the import's transaction.
 */
@Repository
class ImportJobRepository {

	private static final TypeReference<List<StoredProblem>> PROBLEMS = new TypeReference<>() {
	};

	private static final TypeReference<List<Object>> ARGS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, owner, kind, filename, status, stage, done, total, imported, problem_count, failure_code,
			failure_args, instance, created_at, finished_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ImportJobRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public ImportJob create(String id, String owner, ImportKind kind, String filename, String instance) {
		return jdbc.sql("insert into import_job (id, owner, kind, filename, instance) values (?, ?, ?, ?, ?) returning "
				+ COLUMNS)
			.params(id, owner, kind.name(), filename, instance)
			.query((rs, i) -> job(rs, List.of()))
			.single();
	}

	/** Forgets a job that never ran. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void delete(String id) {
		jdbc.sql("delete from import_job where id = ?").param(id).update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void started(String id) {
		jdbc.sql("update import_job set status = 'RUNNING', updated_at = now() where id = ? and status = 'QUEUED'")
			.param(id)
			.update();
	}

	/** Records how far a running job has come; a job already marked finished stays so. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void progress(String id, Stage stage, long done, long total) {
		jdbc.sql("""
				update import_job set stage = ?, done = ?, total = ?, updated_at = now()
				where id = ? and finished_at is null""")
			.params(stage.name(), done, total, id)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void done(String id, int imported) {
		finish(id, Status.DONE, imported, List.of(), 0, null, new Object[0]);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void rejected(String id, List<RowProblem> problems, int problemCount) {
		finish(id, Status.REJECTED, 0, problems, problemCount, null, new Object[0]);
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String id, String code, Object... args) {
		finish(id, Status.FAILED, 0, List.of(), 0, code, args);
	}

	// Whatever the worker reports wins, even over a recovery that took the job for abandoned:
	// the worker knows whether the data was stored.
	private void finish(String id, Status status, int imported, List<RowProblem> problems, int problemCount,
			String failureCode, Object[] failureArgs) {
		jdbc.sql("""
				update import_job set status = ?, imported = ?, problems = cast(? as jsonb), problem_count = ?,
				failure_code = ?, failure_args = cast(? as jsonb), updated_at = now(), finished_at = now()
				where id = ?""")
			.params(status.name(), imported, json.writeValueAsString(problems.stream().map(StoredProblem::of).toList()),
					problemCount, failureCode, json.writeValueAsString(storable(failureArgs)), id)
			.update();
	}

	/** The job with its problems, if it exists and belongs to {@code owner}. */
	@Transactional(readOnly = true)
	public Optional<ImportJob> find(String id, String owner) {
		return jdbc.sql("select " + COLUMNS + ", problems from import_job where id = ? and owner = ?")
			.params(id, owner)
			.query((rs, i) -> job(rs, problems(rs.getString("problems"))))
			.optional();
	}

	/** The owner's latest jobs, newest first, without their problems. */
	@Transactional(readOnly = true)
	public List<ImportJob> recent(String owner, int limit) {
		return jdbc.sql("select " + COLUMNS + " from import_job where owner = ? order by created_at desc, id limit ?")
			.params(owner, limit)
			.query((rs, i) -> job(rs, List.of()))
			.list();
	}

	/**
	 * Marks failed, with the given message key, the unfinished jobs of {@code instance} and those
	 * anywhere that have not moved for {@code silence}.
	 *
	 * @return how many
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int failAbandoned(String instance, Duration silence, String code) {
		return jdbc.sql("""
				update import_job set status = 'FAILED', failure_code = ?, failure_args = '[]', updated_at = now(),
				finished_at = now()
				where finished_at is null and (instance = ? or updated_at < now() - ? * interval '1 second')""")
			.params(code, instance, silence.toSeconds())
			.update();
	}

	/** Deletes the jobs finished more than {@code age} ago; returns how many. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public int purgeFinishedBefore(Duration age) {
		return jdbc.sql("delete from import_job where finished_at < now() - ? * interval '1 second'")
			.param(age.toSeconds())
			.update();
	}

	private ImportJob job(ResultSet rs, List<RowProblem> problems) throws SQLException {
		OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
		return new ImportJob(rs.getString("id"), rs.getString("owner"), ImportKind.valueOf(rs.getString("kind")),
				rs.getString("filename"), Status.valueOf(rs.getString("status")), Stage.valueOf(rs.getString("stage")),
				rs.getLong("done"), rs.getLong("total"), rs.getInt("imported"), problems, rs.getInt("problem_count"),
				rs.getString("failure_code"), json.readValue(rs.getString("failure_args"), ARGS).toArray(),
				rs.getString("instance"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				finished == null ? null : finished.toInstant());
	}

	private List<RowProblem> problems(String text) {
		return json.readValue(text, PROBLEMS).stream().map(StoredProblem::toRowProblem).toList();
	}

	/** Message arguments as JSON keeps them: strings and numbers as they are, anything else as its text. */
	private static List<Object> storable(Object[] args) {
		return Arrays.stream(args)
			.map(arg -> arg == null || arg instanceof String || arg instanceof Number || arg instanceof Boolean ? arg
					: String.valueOf(arg))
			.toList();
	}

	/** A row problem as the {@code problems} column holds it. */
	record StoredProblem(int row, String field, String code, List<Object> args) {

		static StoredProblem of(RowProblem problem) {
			return new StoredProblem(problem.row(), problem.field(), problem.code(),
					storable(problem.args().toArray()));
		}

		RowProblem toRowProblem() {
			return new RowProblem(row, field, code, args == null ? List.of() : args);
		}

	}

}

package org.wenming.directory.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.directory.ImportKind;
import org.wenming.directory.ImportProgress;
import org.wenming.directory.ImportProperties;
import org.wenming.directory.ImportRejected;
import org.wenming.directory.Imports;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;

/**
 * Runs uploads in the background and keeps their progress in memory for an hour. A job belongs
 * to the user who uploaded the file and runs with that user's security context, so the data scope
 * is theirs; to anyone else it does not exist. Jobs do not survive a restart, and each node knows
 * only its own (the page polls the node that took the upload — sticky sessions when there are many).
 */
@Component
public class ImportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	static final Duration KEPT = Duration.ofHours(1);

	private static final int QUEUE = 20;

	private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

	private final Imports imports;

	private final ThreadPoolExecutor pool;

	private final ExecutorService executor;

	ImportJobs(Imports imports, ImportProperties properties) {
		this.imports = imports;
		AtomicInteger threads = new AtomicInteger();
		this.pool = new ThreadPoolExecutor(properties.concurrentJobs(), properties.concurrentJobs(), 0,
				TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUE), task -> {
					Thread thread = new Thread(task, "import-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		// Each task runs with the SecurityContext of the thread that submitted it: the uploader's.
		this.executor = new DelegatingSecurityContextExecutorService(pool);
	}

	/**
	 * Starts importing a file the caller uploaded; the job owns the file and deletes it when done.
	 */
	public ImportJob start(ImportKind kind, String owner, Path file, String filename) {
		purge();
		ImportJob job = new ImportJob(UUID.randomUUID().toString(), owner, kind, filename);
		jobs.put(job.id(), job);
		try {
			executor.submit(() -> run(job, file));
		}
		catch (RejectedExecutionException ex) {
			jobs.remove(job.id());
			delete(file);
			throw new Busy();
		}
		return job;
	}

	/** The job, if it exists and belongs to {@code owner}. */
	public Optional<ImportJob> find(String id, String owner) {
		return Optional.ofNullable(id == null ? null : jobs.get(id)).filter(job -> job.owner().equals(owner));
	}

	/** The owner's jobs, newest first. */
	public List<ImportJob> recent(String owner) {
		return jobs.values().stream()
			.filter(job -> job.owner().equals(owner))
			.sorted(Comparator.comparing(ImportJob::createdAt).reversed())
			.limit(10)
			.toList();
	}

	private void run(ImportJob job, Path file) {
		job.started();
		ImportProgress progress = job::progress;
		try {
			int imported = job.kind() == ImportKind.PEOPLE ? imports.importPeople(file, job.filename(), progress)
					: imports.importOrgs(file, job.filename(), progress);
			job.done(imported);
		}
		catch (ImportRejected ex) {
			job.rejected(ex);
		}
		catch (DomainException ex) {
			job.failed(ex.code(), ex.args());
		}
		catch (RuntimeException ex) {
			log.error("Import {} of {} failed", job.id(), job.owner(), ex);
			job.failed("error.internal");
		}
		finally {
			delete(file);
		}
	}

	@Scheduled(fixedDelay = 10, timeUnit = TimeUnit.MINUTES)
	void purge() {
		Instant limit = Instant.now().minus(KEPT);
		jobs.values().removeIf(job -> job.finishedAt() != null && job.finishedAt().isBefore(limit));
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Could not delete the uploaded file {}", file, ex);
		}
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}

	/** Too many imports are waiting. */
	static final class Busy extends DomainException {

		Busy() {
			super(HttpStatus.SERVICE_UNAVAILABLE, null, "import.jobs.busy");
		}

	}

}

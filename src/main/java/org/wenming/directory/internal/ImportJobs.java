package org.wenming.directory.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
import org.wenming.platform.database.ClusterLock;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Runs uploads in the background and keeps their state in the {@code import_job} table, so that
 * every instance can show a job's progress and outcome. The instance that took the upload runs
 * the job (the file is on its disk). A job belongs to the user who uploaded the file and runs with
 * that user's security context, so the data scope is theirs; to anyone else it does not exist.
 */
@Component
public class ImportJobs implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	/** How long finished jobs are kept. */
	static final Duration KEPT = Duration.ofDays(7);

	/** How long an unfinished job may stay without a word from its worker before it counts as abandoned. */
	static final Duration ABANDONED = Duration.ofHours(1);

	/** How often, at most, a worker writes its progress within one stage. */
	static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);

	static final String RESTARTED = "import.jobs.restarted";

	private static final int QUEUE = 20;

	private static final int RECENT = 10;

	private final ImportJobRepository repository;

	private final Imports imports;

	private final ClusterLock lock;

	private final String instance;

	private final ThreadPoolExecutor pool;

	private final ExecutorService executor;

	ImportJobs(ImportJobRepository repository, Imports imports, ClusterLock lock, ImportProperties properties) {
		this.repository = repository;
		this.imports = imports;
		this.lock = lock;
		String name = StringUtils.hasText(properties.instance()) ? properties.instance().strip() : hostName();
		this.instance = name.length() > 100 ? name.substring(0, 100) : name;
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
		ImportJob job = repository.create(UUID.randomUUID().toString(), owner, kind, displayName(filename), instance);
		try {
			executor.submit(() -> run(job, file));
		}
		catch (RejectedExecutionException ex) {
			repository.delete(job.id());
			delete(file);
			throw new Busy();
		}
		return job;
	}

	/** The job as it stands, if it exists and belongs to {@code owner}; any instance may have run it. */
	public Optional<ImportJob> find(String id, String owner) {
		return id == null ? Optional.empty() : repository.find(id, owner);
	}

	/** The owner's latest jobs, newest first, without their lists of problems. */
	public List<ImportJob> recent(String owner) {
		return repository.recent(owner, RECENT);
	}

	private void run(ImportJob job, Path file) {
		Runnable outcome;
		try {
			repository.started(job.id());
			Reporter progress = new Reporter(job.id());
			int imported = job.kind() == ImportKind.PEOPLE ? imports.importPeople(file, job.filename(), progress)
					: imports.importOrgs(file, job.filename(), progress);
			outcome = () -> repository.done(job.id(), imported);
		}
		catch (ImportRejected ex) {
			outcome = () -> repository.rejected(job.id(), ex.rows(), ex.total());
		}
		catch (DomainException ex) {
			outcome = () -> repository.failed(job.id(), ex.code(), ex.args());
		}
		catch (RuntimeException ex) {
			log.error("Import {} of {} failed", job.id(), job.owner(), ex);
			outcome = () -> repository.failed(job.id(), "error.internal");
		}
		finally {
			delete(file);
		}
		// Apart from the import, so that failing to record a stored import never reports it failed.
		try {
			outcome.run();
		}
		catch (RuntimeException ex) {
			log.error("Could not record the outcome of import {} of {}", job.id(), job.owner(), ex);
		}
	}

	/**
	 * Fails the jobs this instance left unfinished when it last stopped, and those anywhere that have
	 * been silent too long (their instance died and has not come back). Runs before the instance
	 * takes requests, so none of them is one of its own.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		int failed = repository.failAbandoned(instance, ABANDONED, RESTARTED);
		if (failed > 0) {
			log.warn("Marked {} import jobs failed that were left unfinished by a stopped instance", failed);
		}
	}

	@Scheduled(fixedDelay = 60, initialDelay = 10, timeUnit = TimeUnit.MINUTES)
	void purge() {
		if (lock.tryAcquire("directory.importJobs.purge", Duration.ofMinutes(30))) {
			repository.purgeFinishedBefore(KEPT);
		}
	}

	private static String displayName(String filename) {
		if (!StringUtils.hasText(filename)) {
			return "—";
		}
		String name = filename.strip().replaceAll("\\p{Cntrl}", "");
		return name.length() > 255 ? name.substring(0, 255) : name;
	}

	private static String hostName() {
		String host = System.getenv("HOSTNAME");
		if (StringUtils.hasText(host)) {
			return host;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
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

	/**
	 * Writes a job's progress to the table on each change of stage and otherwise at most every
	 * {@link #PROGRESS_INTERVAL}, so that a file of many rows costs few writes.
	 */
	private final class Reporter implements ImportProgress {

		private final String id;

		private Stage stage;

		private long written;

		Reporter(String id) {
			this.id = id;
		}

		@Override
		public void update(Stage stage, long done, long total) {
			long now = System.nanoTime();
			if (stage == this.stage && now - written < PROGRESS_INTERVAL.toNanos()) {
				return;
			}
			this.stage = stage;
			this.written = now;
			try {
				repository.progress(id, stage, done, total);
			}
			catch (RuntimeException ex) {
				// The import matters more than its progress bar.
				log.warn("Could not record the progress of import {}", id, ex);
			}
		}

	}

	/** Too many imports are waiting. */
	static final class Busy extends DomainException {

		Busy() {
			super(HttpStatus.SERVICE_UNAVAILABLE, null, "import.jobs.busy");
		}

	}

}

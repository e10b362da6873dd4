package org.wenming.platform.database;

import java.lang.management.ManagementFactory;
import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A lease in the database that lets a scheduled job run on one instance only, however many run.
 */
@Component
public class ClusterLock {

	private static final String OWNER = ManagementFactory.getRuntimeMXBean().getName();

	private final JdbcClient jdbc;

	ClusterLock(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Takes the named lease for the given time unless another instance holds it. */
	@Transactional
	public boolean tryAcquire(String name, Duration lease) {
		return jdbc.sql("""
				insert into job_lock (name, locked_until, locked_by) values (:name, now() + :lease * interval '1 second', :owner)
				on conflict (name) do update set locked_until = excluded.locked_until, locked_by = excluded.locked_by
				where job_lock.locked_until < now()""")
			.param("name", name)
			.param("lease", lease.toSeconds())
			.param("owner", OWNER)
			.update() == 1;
	}

}

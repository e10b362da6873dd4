package org.wenming.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code wenming.import.*}.
 *
 * @param maxRows data rows one import file may have at most
 * @param concurrentJobs how many background imports run at once
 * @param instance this instance's name in the table of background imports, the same after a
 * restart so that the instance can fail the jobs it left unfinished; the host name when not set
 * (instances sharing a host need names of their own)
 */
@ConfigurationProperties("wenming.import")
public record ImportProperties(Integer maxRows, Integer concurrentJobs, String instance) {

	public ImportProperties {
		maxRows = maxRows == null ? 200_000 : maxRows;
		concurrentJobs = concurrentJobs == null ? 2 : concurrentJobs;
	}

}

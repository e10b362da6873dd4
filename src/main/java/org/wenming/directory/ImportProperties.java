package org.wenming.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code wenming.import.*}.
 *
 * @param maxRows data rows one import file may have at most
 * @param concurrentJobs how many background imports run at once
 */
@ConfigurationProperties("wenming.import")
public record ImportProperties(Integer maxRows, Integer concurrentJobs) {

	public ImportProperties {
		maxRows = maxRows == null ? 200_000 : maxRows;
		concurrentJobs = concurrentJobs == null ? 2 : concurrentJobs;
	}

}

package org.wenming.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code wenming.*}.
 *
 * @param dataDir where the embedded database and the generated key live
 * @param cryptoKey base64 AES-256 key for personal data; generated into the data dir when absent
 * @param ephemeralDatabase start a throw-away embedded database shared by the whole JVM (tests)
 * @param loginLockThreshold failed logins before an account is locked
 * @param loginLockDuration how long a locked account stays locked
 * @param addressLimitPerMinute failed logins per client address and minute before logins from it are slowed
 * @param tokenTtl lifetime of API bearer tokens
 * @param zone the zone every time is shown, typed, exported and printed in (Beijing time unless set)
 */
@ConfigurationProperties("wenming")
public record WenmingProperties(Path dataDir, String cryptoKey, boolean ephemeralDatabase, Integer loginLockThreshold,
		Duration loginLockDuration, Integer addressLimitPerMinute, Duration tokenTtl, ZoneId zone) {

	public WenmingProperties {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
		loginLockThreshold = loginLockThreshold == null ? 5 : loginLockThreshold;
		loginLockDuration = loginLockDuration == null ? Duration.ofMinutes(15) : loginLockDuration;
		addressLimitPerMinute = addressLimitPerMinute == null ? 20 : addressLimitPerMinute;
		tokenTtl = tokenTtl == null ? Duration.ofHours(8) : tokenTtl;
		zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
	}

}

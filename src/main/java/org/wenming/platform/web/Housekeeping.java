package org.wenming.platform.web;

import java.time.Duration;

import org.wenming.platform.database.ClusterLock;
import org.wenming.platform.security.ApiTokens;
import org.wenming.platform.security.LoginThrottle;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes expired tokens, old login counters and expired idempotency keys, on one instance at a time.
 */
@Component
class Housekeeping {

	private final ClusterLock lock;

	private final ApiTokens tokens;

	private final LoginThrottle throttle;

	private final IdempotencyKeys idempotencyKeys;

	Housekeeping(ClusterLock lock, ApiTokens tokens, LoginThrottle throttle, IdempotencyKeys idempotencyKeys) {
		this.lock = lock;
		this.tokens = tokens;
		this.throttle = throttle;
		this.idempotencyKeys = idempotencyKeys;
	}

	@Scheduled(fixedDelay = 15, timeUnit = java.util.concurrent.TimeUnit.MINUTES, initialDelay = 5)
	void purge() {
		if (lock.tryAcquire("platform.housekeeping", Duration.ofMinutes(10))) {
			tokens.purgeExpired();
			throttle.purgeOld();
			idempotencyKeys.purgeExpired();
		}
	}

}

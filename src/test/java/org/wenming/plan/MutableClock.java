package org.wenming.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock for tests that move time: the system's until a test sets it, in China Standard Time like
 * the application's. Import {@link Config} to put it in place of the application's clock.
 */
public final class MutableClock extends Clock {

	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final AtomicReference<Instant> fixed = new AtomicReference<>();

	/** Stops time at noon of {@code day}. */
	public void set(LocalDate day) {
		set(day.atTime(12, 0));
	}

	public void set(LocalDateTime time) {
		fixed.set(time.atZone(ZONE).toInstant());
	}

	/** Lets time run again. */
	public void reset() {
		fixed.set(null);
	}

	@Override
	public ZoneId getZone() {
		return ZONE;
	}

	/** This clock's time, seen in another zone; it moves with this clock. */
	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock moving = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return moving.withZone(other);
			}

			@Override
			public Instant instant() {
				return moving.instant();
			}

		};
	}

	@Override
	public Instant instant() {
		Instant instant = fixed.get();
		return instant == null ? Instant.now() : instant;
	}

	/** Puts a {@link MutableClock} in place of the application's clock. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

}

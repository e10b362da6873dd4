package org.wenming.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every rule about deadlines and periods reads, in China Standard Time; tests replace it
 * to move time.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	/** The zone of the office and its units. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(ZONE);
	}

}

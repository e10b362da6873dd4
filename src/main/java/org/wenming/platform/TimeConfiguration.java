package org.wenming.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every rule about deadlines and periods reads, in the configured zone
 * ({@code wenming.zone}, Beijing time unless set); tests replace it to move time. Whatever a person
 * sees, types, exports or prints goes through {@link Times}, which uses the same zone.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock(WenmingProperties properties) {
		return Clock.system(properties.zone());
	}

	@Bean
	Times times(WenmingProperties properties) {
		return new Times(properties.zone());
	}

}

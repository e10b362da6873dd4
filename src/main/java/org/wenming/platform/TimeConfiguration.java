package org.wenming.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every rule about deadlines and periods reads, in the configured zone
 * ({@code wenming.zone}, Beijing time unless set); tests replace it to move time. Whatever a person
 * sees, types, exports or prints goes through {@link Times}, which uses the same zone; API answers
 * give times with the configured zone's offset ({@code 2026-03-05T09:00:00+08:00}), not with the
 * database's UTC.
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

	/** JSON times as ISO-8601 with the configured zone's offset. */
	@Bean
	JacksonModule offsetTimesInZone(Times times) {
		SimpleModule module = new SimpleModule("wenming-times");
		module.addSerializer(OffsetDateTime.class, new StdSerializer<>(OffsetDateTime.class) {

			@Override
			public void serialize(OffsetDateTime value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(times.offset(value)));
			}

		});
		return module;
	}

}

package org.wenming.platform.web;

import java.beans.PropertyEditorSupport;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import org.wenming.platform.DomainException;
import org.wenming.platform.Text;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The one place where text enters the application: every string of a JSON body, and every form,
 * query and multipart text field that a controller binds, passes {@link Text#accept} (NFC, CRLF to
 * LF, control characters and unpaired surrogates refused naming the field).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TextInput {

	/** Form, query and multipart fields, bound to records, model attributes or request parameters. */
	@InitBinder
	void strings(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new Checked());
	}

	/** Every string of a JSON body, in records, lists and maps alike. */
	@Bean
	static JacksonModule textInputModule() {
		SimpleModule module = new SimpleModule("wenming-text-input");
		module.addDeserializer(String.class, new CheckedStrings());
		return module;
	}

	/** An enum is named, never numbered: {@code "type": 1} is a wrong type, not the second constant. */
	@Bean
	static JsonMapperBuilderCustomizer enumsByName() {
		return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
	}

	/** The field of a JSON string: the path to it, {@code sections.0.title}. */
	static String field(JsonParser parser) {
		String pointer = parser.streamReadContext().pathAsPointer().toString();
		return pointer.startsWith("/") ? pointer.substring(1).replace('/', '.') : pointer;
	}

	/** A refused field value, the cause of the binding error that names the field. */
	static final class Checked extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			try {
				setValue(Text.accept("value", text));
			}
			catch (DomainException ex) {
				throw new IllegalArgumentException(ex.getMessage(), ex);
			}
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return value == null ? "" : value.toString();
		}

	}

	private static final class CheckedStrings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			return Text.accept(field(parser), value);
		}

	}

}

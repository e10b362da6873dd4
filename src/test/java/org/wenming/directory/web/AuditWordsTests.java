package org.wenming.directory.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action and kind of record that the code writes to the audit log has words in Chinese and
 * English, and can be chosen in the audit log's filters. The codes are read from the source: each
 * {@code record(action, type, …)} and {@code recordIndependently(actor, address, action, type, …)}
 * call, and any SQL that inserts into the log directly.
 */
class AuditWordsTests {

	private static final Pattern CALL = Pattern.compile("\\.(record|recordIndependently)\\(");

	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	@Test
	void everyAuditedActionAndKindOfRecordHasWordsAndAFilter() throws IOException {
		Set<String> actions = new TreeSet<>();
		Set<String> types = new TreeSet<>();
		List<String> unreadable = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				Matcher call = CALL.matcher(source);
				while (call.find()) {
					List<String> arguments = arguments(source, call.end());
					int first = call.group(1).equals("record") ? 0 : 2;
					if (arguments.size() < first + 5) {
						continue; // another method called record
					}
					List<String> action = literals(arguments.get(first));
					List<String> type = literals(arguments.get(first + 1));
					if (action.isEmpty() || type.isEmpty()) {
						unreadable.add(file + ": " + arguments);
					}
					actions.addAll(action);
					types.addAll(type);
				}
				Matcher insert = Pattern
					.compile("insert into audit_log \\(actor, entity_type, entity_id, action[^)]*\\) values \\('[^']*', '([a-z_]+)', \\?, '([A-Z_]+)'")
					.matcher(source);
				while (insert.find()) {
					types.add(insert.group(1));
					actions.add(insert.group(2));
				}
			}
		}
		assertThat(unreadable).as("audit calls whose codes are not literals").isEmpty();
		assertThat(actions).hasSizeGreaterThan(40).contains("ISSUE", "STORE_ITEM_CREATE", "LOGIN");
		assertThat(types).contains("store_item", "activity", "plan_task", "service_order");

		assertThat(AuditPages.ACTIONS).as("actions offered by the filter").containsAll(actions).doesNotHaveDuplicates();
		assertThat(AuditPages.ENTITY_TYPES).as("kinds of record offered by the filter")
			.containsAll(types)
			.doesNotHaveDuplicates();
		for (String bundle : List.of("i18n/directory-web.properties", "i18n/directory-web_en.properties")) {
			Properties words = load(bundle);
			for (String action : AuditPages.ACTIONS) {
				assertThat(words.getProperty("dir.audit.action." + action)).as(bundle + " action " + action).isNotBlank();
			}
			for (String type : AuditPages.ENTITY_TYPES) {
				assertThat(words.getProperty("dir.audit.entity." + type)).as(bundle + " kind " + type).isNotBlank();
			}
			for (String module : AuditPages.ENTITY_GROUPS.keySet()) {
				assertThat(words.getProperty("dir.audit.module." + module)).as(bundle + " module " + module).isNotBlank();
			}
		}
	}

	/** The top-level arguments of the call whose opening parenthesis ends at {@code start}. */
	private static List<String> arguments(String source, int start) {
		List<String> arguments = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		int depth = 0;
		for (int i = start; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '"') {
				int end = i + 1;
				while (source.charAt(end) != '"') {
					end += source.charAt(end) == '\\' ? 2 : 1;
				}
				current.append(source, i, end + 1);
				i = end;
				continue;
			}
			if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}') {
				if (depth == 0) {
					arguments.add(current.toString().strip());
					return arguments;
				}
				depth--;
			}
			else if (c == ',' && depth == 0) {
				arguments.add(current.toString().strip());
				current.setLength(0);
				continue;
			}
			current.append(c);
		}
		return arguments;
	}

	private static List<String> literals(String expression) {
		List<String> literals = new ArrayList<>();
		Matcher literal = LITERAL.matcher(expression);
		while (literal.find()) {
			literals.add(literal.group(1));
		}
		return literals;
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}

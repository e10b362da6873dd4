package org.wenming.directory;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportMessagesTests {

	private static final Pattern KEY = Pattern.compile("\"((?:imports?|export)\\.[A-Za-z.]+[A-Za-z])\"");

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(load("imports_en.properties").stringPropertyNames())
			.isEqualTo(load("imports.properties").stringPropertyNames());
	}

	@Test
	void everyKeyTheCodeNamesExists() throws IOException {
		Set<String> keys = load("imports.properties").stringPropertyNames();
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/wenming/directory"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = KEY.matcher(Files.readString(file));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		for (ImportKind kind : ImportKind.values()) {
			kind.columns().forEach(column -> used.add(kind.headerKey(column)));
			used.add("imports.kind." + kind);
			used.add("imports.job.done." + kind);
			used.add("import.template." + kind.key() + ".name");
		}
		assertThat(used).isNotEmpty();
		assertThat(keys).containsAll(used);
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(
				ImportMessagesTests.class.getResourceAsStream("/i18n/" + name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}

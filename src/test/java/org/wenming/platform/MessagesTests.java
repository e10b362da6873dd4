package org.wenming.platform;

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

/**
 * Every message key exists in Chinese and in English, and every key the templates and the domain
 * code use exists.
 */
class MessagesTests {

	private static final Path I18N = Path.of("src/main/resources/i18n");

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)[(}]");

	private static final Pattern CODE_KEY = Pattern.compile(
			"(?:onField\\([^,]+,\\s*|FieldProblem\\([^,]+,\\s*|Optional\\.of\\(|conflict\\(|new DomainException\\(|Failed\\(|messageKey\\s*=\\s*|\\bcode\\s*=\\s*)\"([a-z][A-Za-z0-9_.]+)\"");

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		try (Stream<Path> files = Files.list(I18N)) {
			for (Path zh : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
				Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
				assertThat(en).as("English file for %s", zh).exists();
				Set<String> zhKeys = keys(zh);
				Set<String> enKeys = keys(en);
				assertThat(enKeys).as("keys missing in %s", en).containsAll(zhKeys);
				assertThat(zhKeys).as("keys missing in %s", zh).containsAll(enKeys);
			}
		}
	}

	@Test
	void everyKeyUsedByTemplatesAndCodeExists() throws IOException {
		Set<String> known = allKeys();
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1))) {
						missing.add(template.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = CODE_KEY.matcher(Files.readString(source));
				while (matcher.find()) {
					if (!known.contains(matcher.group(1))) {
						missing.add(source.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).as("message keys used but not defined").isEmpty();
	}

	@Test
	void defaultLanguageIsChinese() throws IOException {
		Properties messages = load(I18N.resolve("messages.properties"));
		assertThat(messages.getProperty("login.submit")).isEqualTo("登录");
		assertThat(messages.getProperty("error.notFound")).matches(".*[\\u4e00-\\u9fa5].*");
	}

	private static Set<String> allKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.list(I18N)) {
			for (Path file : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
				keys.addAll(keys(file));
			}
		}
		return keys;
	}

	private static Set<String> keys(Path file) throws IOException {
		return new TreeSet<>(load(file).stringPropertyNames());
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}

package org.wenming.directory.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryWebMessagesTests {

	@Test
	void chineseAndEnglishHaveTheSameKeys() throws IOException {
		Properties zh = load("i18n/directory-web.properties");
		Properties en = load("i18n/directory-web_en.properties");
		assertThat(zh).isNotEmpty();
		assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(zh.keySet());
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}

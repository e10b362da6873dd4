package org.wenming;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wenming.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crawls the demo city's pages as each kind of user would reach them, by following the links of
 * the pages from the start page on, and fails when the visible text of any page shows a value that
 * leaked from the code: {@code null}, {@code anonymous}, a year printed as a number ("2,026年") or
 * a raw enum name such as {@code VOLUNTEER_SERVICE}; in Chinese and in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoLeakedValuesTests {

	private static final int MAX_PAGES = 60;

	/** Pages of one kind (the same path but for its numbers) crawled at most. */
	private static final int PER_KIND = 1;

	/** Words in capitals that are words, not codes. */
	private static final Set<String> ABBREVIATIONS = Set.of("CSV", "PDF", "QR", "API", "URL", "PNG", "JPG", "JPEG",
			"XLSX", "XLS", "DOCX", "HTTP", "HTTPS", "IP", "ID", "SMS", "GB", "KB", "MB", "OK", "UTC", "GMT", "CST", "ECHARTS",
			"HTML", "AED", "CPC", "ZXING", "SHA", "OTP", "TXT", "DOC", "WPS");

	private static final Pattern NULL = Pattern.compile("(?<![A-Za-z])(null|anonymous)(?![A-Za-z])",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern YEAR_AS_NUMBER = Pattern.compile("(?<![\\d.,])[12],\\d{3}(?=\\s*(年|届|·))");

	private static final Pattern CAPITALS = Pattern.compile("(?<![A-Za-z0-9_-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_-])|(?<![A-Za-z0-9_-])[A-Z]{3,}(?![A-Za-z0-9_-])");

	private static final Pattern LINK = Pattern.compile("<a\\b[^>]*?\\shref=\"(/[^\"#]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	/** Short Chinese words of the bundles that have English words of their own. */
	Set<String> chineseWords = new HashSet<>();

	@BeforeAll
	void demoCity() throws IOException {
		DemoCity.ensure(context);
		for (Resource zh : new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties")) {
			String name = zh.getFilename();
			if (name == null || name.contains("_en")) {
				continue;
			}
			Properties chinese = load(zh);
			Properties english = load(new ClassPathResource("i18n/" + name.replace(".properties", "_en.properties")));
			for (String key : chinese.stringPropertyNames()) {
				String word = chinese.getProperty(key).strip();
				if (word.length() <= 8 && word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
						&& !word.equals(english.getProperty(key, word).strip())) {
					chineseWords.add(word);
				}
			}
		}
	}

	private static Properties load(Resource resource) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	/** The texts between tags. */
	static List<String> segments(String html) {
		String body = html.replaceAll("(?is)<script\\b.*?</script>", "<x>")
			.replaceAll("(?is)<style\\b.*?</style>", "<x>")
			.replaceAll("(?is)<head\\b.*?</head>", "<x>");
		List<String> segments = new ArrayList<>();
		for (String segment : body.split("<[^>]*>")) {
			String text = segment.replace("&nbsp;", " ").strip();
			if (!text.isEmpty()) {
				segments.add(text);
			}
		}
		return segments;
	}

	@ParameterizedTest
	@CsvSource({ "admin,/,zh", "leader,/,zh", "volunteer,/m,zh", "resident,/m,zh", "admin,/,en", "volunteer,/m,en" })
	void noPageShowsALeakedValue(String username, String start, String language) {
		Http http = Http.browser(port).from(Http.newClientAddress());
		Response login = http.login(username, DemoCity.PASSWORD);
		assertThat(login.status()).as(login.toString()).isEqualTo(302);
		if (language.equals("en")) {
			http.get("/?lang=en", null);
		}
		Set<String> seen = new LinkedHashSet<>();
		Map<String, Integer> kinds = new HashMap<>();
		Deque<String> queue = new ArrayDeque<>(List.of(start));
		List<String> problems = new ArrayList<>();
		while (!queue.isEmpty() && seen.size() < MAX_PAGES) {
			String path = queue.removeFirst();
			if (seen.contains(path) || kinds.merge(path.replaceAll("\\d+", "#"), 1, Integer::sum) > PER_KIND) {
				continue;
			}
			seen.add(path);
			Response page = http.get(path, null);
			assertThat(page.status()).as(page.toString()).isLessThan(500);
			if (page.status() != 200 || page.contentType() == null || !page.contentType().startsWith("text/html")) {
				continue;
			}
			String text = visibleText(page.body());
			find(NULL, text, path, problems);
			find(YEAR_AS_NUMBER, text, path, problems);
			Matcher capitals = CAPITALS.matcher(text);
			while (capitals.find()) {
				if (!ABBREVIATIONS.contains(capitals.group())) {
					problems.add(path + ": " + around(text, capitals.start(), capitals.end()));
				}
			}
			if (language.equals("en")) {
				for (String segment : segments(page.body())) {
					if (chineseWords.contains(segment)) {
						problems.add(path + ": untranslated " + segment);
					}
				}
			}
			Matcher link = LINK.matcher(page.body());
			while (link.find()) {
				String next = link.group(1).replace("&amp;", "&");
				if (worthFollowing(next) && !seen.contains(next)) {
					queue.addLast(next);
				}
			}
		}
		assertThat(seen).as("pages crawled").hasSizeGreaterThan(5);
		assertThat(problems).as("leaked values on the pages of " + username + " (" + language + ")").isEmpty();
	}

	private static boolean worthFollowing(String path) {
		return !path.startsWith("/logout") && !path.startsWith("/webjars") && !path.startsWith("/css")
				&& !path.startsWith("/js") && !path.startsWith("/files") && !path.startsWith("/api")
				&& !path.startsWith("/swagger") && !path.startsWith("/v3") && !path.contains("lang=")
				&& !path.matches(".*\\.(csv|xlsx|pdf|png|jpg|svg|docx|zip)(\\?.*)?$") && !path.contains("/export")
				&& !path.contains("/print") && !path.contains("page=") && !path.contains("/qr")
				&& !path.contains("/photos/") && !path.contains("/seal");
	}

	private static void find(Pattern pattern, String text, String path, List<String> problems) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			problems.add(path + ": " + around(text, matcher.start(), matcher.end()));
		}
	}

	private static String around(String text, int start, int end) {
		return "…" + text.substring(Math.max(0, start - 30), Math.min(text.length(), end + 30)).replace('\n', ' ') + "…";
	}

	/** The text a reader sees: without scripts, styles, comments and tags, entities read. */
	static String visibleText(String html) {
		String text = html.replaceAll("(?is)<script\\b.*?</script>", " ")
			.replaceAll("(?is)<style\\b.*?</style>", " ")
			.replaceAll("(?s)<!--.*?-->", " ")
			.replaceAll("(?is)<code\\b.*?</code>", " ")
			.replaceAll("(?is)<head\\b.*?</head>", " ")
			.replaceAll("(?s)<[^>]*>", " ");
		return text.replace("&nbsp;", " ")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&amp;", "&")
			.replaceAll("[ \\t\\x0B\\f\\r]+", " ")
			.replaceAll("\\n\\s*\\n+", "\n");
	}

}

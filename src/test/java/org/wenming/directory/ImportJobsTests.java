package org.wenming.directory;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.ImportProgress.Stage;
import org.wenming.directory.internal.ImportJob;
import org.wenming.directory.internal.ImportJob.Status;
import org.wenming.directory.internal.ImportJobs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Background imports through the pages, with their state in the {@code import_job} table. A second
 * {@link ImportJobs}, made for the test, stands for another instance behind the load balancer: one
 * that never saw the upload.
 */
@SpringBootTest(properties = { "wenming.ephemeral-database=true" })
@AutoConfigureMockMvc
class ImportJobsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ImportJobs jobs;

	@Autowired
	MessageSource messages;

	@Autowired
	ApplicationContext context;

	ImportFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ImportFixtures(orgs, people, accounts, users);
	}

	@Test
	void runsTheUploadInTheBackgroundWithTheUploadersScope() throws Exception {
		byte[] xlsx = ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER,
				List.of(fixtures.person("后台<b>甲</b>", ImportFixtures.idNumber()),
						fixtures.person("后台乙", ImportFixtures.idNumber())));

		String location = upload("后台.xlsx", xlsx);

		String fragment = poll(location);
		assertThat(fragment).contains("已成功导入 2 名人员").doesNotContain("hx-trigger");
		assertThat(jdbc.sql("select count(*) from person where home_org_id = ?")
			.param(fixtures.community.id())
			.query(Long.class)
			.single()).isEqualTo(2);

		String page = mvc.perform(get("/imports").with(user(fixtures.user())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("后台.xlsx").contains("/imports/templates/people.xlsx");

		ImportFixtures stranger = new ImportFixtures(orgs, people, accounts, users);
		mvc.perform(get(location).with(user(stranger.user()))).andExpect(status().isNotFound());
	}

	@Test
	void showsTheRowReportOfARejectedUpload() throws Exception {
		List<String> unknownHome = new ArrayList<>(fixtures.person("<script>x</script>", ImportFixtures.idNumber()));
		unknownHome.set(9, "<b>无此社区</b>");
		byte[] xlsx = ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER, List.of(
				fixtures.person("<script>x</script>", ImportFixtures.withBadCheckDigit(ImportFixtures.idNumber())),
				unknownHome));

		String location = upload("坏.xlsx", xlsx);

		assertThat(poll(location)).contains("第2行：身份证号校验位错误")
			.contains("未导入任何数据")
			.contains("第3行：找不到组织“&lt;b&gt;无此社区&lt;/b&gt;”")
			.doesNotContain("<b>无此社区");
	}

	@Test
	void keepsTheFirstThousandRowProblemsInTheTable() throws Exception {
		List<String> unknownHome = new ArrayList<>(fixtures.person("王五", ImportFixtures.idNumber()));
		unknownHome.set(9, "无此社区" + fixtures.suffix);
		List<List<String>> rows = new ArrayList<>();
		rows.add(fixtures.person("张三", ImportFixtures.withBadCheckDigit(ImportFixtures.idNumber())));
		rows.add(unknownHome);
		for (int i = 0; i < 1100; i++) {
			rows.add(fixtures.person("李四", ImportFixtures.withBadCheckDigit(ImportFixtures.idNumber())));
		}
		String location = upload("多处错误.xlsx", ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER, rows));
		poll(location);

		ImportJob job = elsewhere(other -> other.find(id(location), fixtures.username)).orElseThrow();
		assertThat(job.status()).isEqualTo(Status.REJECTED);
		assertThat(job.problemCount()).isEqualTo(1102);
		assertThat(job.problems()).hasSize(ImportRejected.REPORTED);
		assertThat(job.problems().get(0)).isEqualTo(RowProblem.of(2, "idNumber", "person.idNumber.checkDigit"));
		assertThat(job.problems().get(1))
			.isEqualTo(RowProblem.of(3, "homeOrg", "import.org.unknown", "无此社区" + fixtures.suffix));
		assertThat(job.problems().get(999).row()).isEqualTo(1001);
		assertThat(job.problems().stream().limit(2).map(p -> messages.getMessage(p.line(), Locale.SIMPLIFIED_CHINESE)))
			.containsExactly("第2行：身份证号校验位错误。",
					"第3行：找不到组织“无此社区" + fixtures.suffix + "”，或该组织不在您的管理范围内。");
		assertThat(poll(location)).contains("文件中共有 1,102 处错误").contains("以上仅列出前 1,000 处错误");
	}

	@Test
	void anotherInstanceSeesTheJobWhileItRunsAndWhenItIsDone() throws Exception {
		byte[] xlsx = ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER,
				List.of(fixtures.person("甲" + fixtures.suffix, ImportFixtures.idNumber()),
						fixtures.person("乙" + fixtures.suffix, ImportFixtures.idNumber())));
		String location;
		// Holding the person table keeps the job in its storing stage until the lock goes.
		try (Connection blocker = dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				statement.execute("lock table person in exclusive mode");
			}
			location = upload("两人.xlsx", xlsx);
			ImportJob running = await(() -> elsewhere(other -> other.find(id(location), fixtures.username))
				.filter(job -> job.stage() == Stage.STORING));
			assertThat(running.status()).isEqualTo(Status.RUNNING);
			assertThat(running.isFinished()).isFalse();
			assertThat(running.total()).isEqualTo(2);
			assertThat(running.percent()).isEqualTo(40);
			assertThat(running.filename()).isEqualTo("两人.xlsx");
			List<ImportJob> recent = elsewhere(other -> other.recent(fixtures.username));
			assertThat(recent).extracting(ImportJob::id).contains(id(location));
			assertThat(fragment(location, fixtures)).contains("正在保存：0 / 2 行").contains("hx-trigger=\"every 1s\"");
			blocker.rollback();
		}

		ImportJob done = await(
				() -> elsewhere(other -> other.find(id(location), fixtures.username)).filter(ImportJob::isFinished));
		assertThat(done.status()).isEqualTo(Status.DONE);
		assertThat(done.imported()).isEqualTo(2);
		assertThat(done.percent()).isEqualTo(100);
		assertThat(fragment(location, fixtures)).contains("已成功导入 2 名人员").doesNotContain("hx-trigger");

		ImportFixtures stranger = new ImportFixtures(orgs, people, accounts, users);
		Optional<ImportJob> theirs = elsewhere(other -> other.find(id(location), stranger.username));
		List<ImportJob> theirRecent = elsewhere(other -> other.recent(stranger.username));
		assertThat(theirs).isEmpty();
		assertThat(theirRecent).isEmpty();
		mvc.perform(get(location).header("HX-Request", "true").with(user(stranger.user())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/imports/jobs/" + UUID.randomUUID()).with(user(fixtures.user())))
			.andExpect(status().isNotFound());
	}

	@Test
	void failsTheJobsAStoppedInstanceLeftUnfinished() throws Exception {
		String location = upload("一人.xlsx", ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER,
				List.of(fixtures.person("丙" + fixtures.suffix, ImportFixtures.idNumber()))));
		poll(location);
		String me = jobs.find(id(location), fixtures.username).orElseThrow().instance();
		assertThat(me).isNotBlank();
		String elsewhere = "elsewhere-" + fixtures.suffix;

		String mine = insertJob(me, "RUNNING", Duration.ZERO);
		String silent = insertJob(elsewhere, "QUEUED", Duration.ofHours(2));
		String alive = insertJob(elsewhere, "RUNNING", Duration.ZERO);
		try {
			jobs.afterSingletonsInstantiated();

			for (String id : List.of(mine, silent)) {
				ImportJob job = jobs.find(id, fixtures.username).orElseThrow();
				assertThat(job.status()).isEqualTo(Status.FAILED);
				assertThat(job.failureCode()).isEqualTo("import.jobs.restarted");
				assertThat(job.isFinished()).isTrue();
			}
			assertThat(jobs.find(alive, fixtures.username).orElseThrow().status()).isEqualTo(Status.RUNNING);
			assertThat(jobs.find(id(location), fixtures.username).orElseThrow().status()).isEqualTo(Status.DONE);
			assertThat(fragment("/imports/jobs/" + mine, fixtures)).contains("导入失败")
				.contains("导入进行期间服务器重启")
				.doesNotContain("hx-trigger");
		}
		finally {
			jdbc.sql("delete from import_job where id in (?, ?, ?)").params(mine, silent, alive).update();
		}
	}

	@Test
	void servesTemplatesWithChineseHeaders() throws Exception {
		byte[] csv = mvc.perform(get("/imports/templates/people.csv").with(user(fixtures.user())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("\uFEFF姓名,性别,出生日期,身份证号,手机号,住址,政治面貌,标签,工作单位,居住社区\r\n");
		mvc.perform(get("/imports/templates/orgs.xlsx").with(user(fixtures.user()))).andExpect(status().isOk());
	}

	/** Reads through a second {@link ImportJobs}, one that never saw the upload. */
	private <T> T elsewhere(Function<ImportJobs, T> reading) {
		AutowireCapableBeanFactory beans = context.getAutowireCapableBeanFactory();
		ImportJobs other = beans.createBean(ImportJobs.class);
		try {
			assertThat(other).isNotSameAs(jobs);
			return reading.apply(other);
		}
		finally {
			// Stops its workers and unschedules its purge.
			beans.destroyBean(other);
		}
	}

	private String upload(String filename, byte[] xlsx) throws Exception {
		String location = mvc
			.perform(multipart("/imports/people").file(new MockMultipartFile("file", filename, null, xlsx))
				.with(user(fixtures.user()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/imports/jobs/");
		return location;
	}

	private static String id(String location) {
		return location.substring("/imports/jobs/".length());
	}

	private String fragment(String location, ImportFixtures viewer) throws Exception {
		return mvc.perform(get(location).header("HX-Request", "true").with(user(viewer.user())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** A job row as an instance left it, last touched {@code ago}. */
	private String insertJob(String instance, String status, Duration ago) {
		String id = UUID.randomUUID().toString();
		jdbc.sql("""
				insert into import_job (id, owner, kind, filename, status, stage, instance, created_at, updated_at)
				values (?, ?, 'PEOPLE', '旧.xlsx', ?, 'STORING', ?, now() - ? * interval '1 second',
				        now() - ? * interval '1 second')""")
			.params(id, fixtures.username, status, instance, ago.toSeconds(), ago.toSeconds())
			.update();
		return id;
	}

	private static <T> T await(Supplier<Optional<T>> condition) throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			Optional<T> value = condition.get();
			if (value.isPresent()) {
				return value.get();
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the job did not get there in time");
	}

	private String poll(String location) throws Exception {
		for (int i = 0; i < 100; i++) {
			String fragment = fragment(location, fixtures);
			if (!fragment.contains("hx-trigger=\"every 1s\"")) {
				return fragment;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the import did not finish");
	}

}

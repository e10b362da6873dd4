package org.wenming.directory;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.audit.AuditQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SpringBootTest(properties = { "wenming.ephemeral-database=true" })
class PeopleImportTests {

	@Autowired
	Imports imports;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	ImportFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ImportFixtures(orgs, people, accounts, users);
	}

	@Test
	void storesNothingWhenRow12HasABadCheckDigit() {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			rows.add(fixtures.person("居民" + i, ImportFixtures.idNumber()));
		}
		rows.add(fixtures.person("校验位错", ImportFixtures.withBadCheckDigit(ImportFixtures.idNumber())));
		Path file = ImportFixtures.file(ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER, rows), ".xlsx");

		ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
				() -> fixtures.asUser(() -> imports.importPeople(file, "人员.xlsx", ImportProgress.NONE)));

		assertThat(rejected.rows()).hasSize(1);
		RowProblem problem = rejected.rows().get(0);
		assertThat(problem.row()).isEqualTo(12);
		assertThat(problem.field()).isEqualTo("idNumber");
		assertThat(messages.getMessage(problem.line(), Locale.SIMPLIFIED_CHINESE)).startsWith("第12行：身份证号校验位错误");
		assertThat(peopleInCommunity()).isZero();
		assertThat(auditSummaries("IMPORT")).anyMatch(s -> s.contains("失败") && s.contains("人员.xlsx"));
	}

	@Test
	void storesAllRowsEncryptedInOneGo() {
		List<String> names = List.of("张三", "李四😀", "Robert'); DROP TABLE person;--", "<script>alert(1)</script>",
				"他说\"你好\",再见\\N", "换\n行\\.");
		List<String> ids = new ArrayList<>();
		List<List<String>> rows = new ArrayList<>();
		for (String name : names) {
			String id = ImportFixtures.idNumber();
			ids.add(id);
			rows.add(fixtures.person(name, id));
		}
		Path file = ImportFixtures.file(ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER, rows), ".xlsx");

		int imported = fixtures.asUser(() -> imports.importPeople(file, "好.xlsx", ImportProgress.NONE));

		assertThat(imported).isEqualTo(6);
		List<Map<String, Object>> stored = jdbc
			.sql("select p.* from person p where home_org_id = ? order by id")
			.param(fixtures.community.id())
			.query()
			.listOfRows();
		assertThat(stored).extracting(row -> row.get("name")).containsExactlyElementsOf(names);
		for (Map<String, Object> row : stored) {
			String everything = row.values().stream().map(PeopleImportTests::readable).reduce("", String::concat);
			ids.forEach(id -> assertThat(everything).doesNotContain(id));
			assertThat(everything).doesNotContain("13800138000").doesNotContain("文三路");
		}
		assertThat(stored.get(0).get("id_number_masked")).asString().contains("********");
		assertThat(stored.get(0).get("gender")).isEqualTo("男");
		assertThat(auditSummaries("IMPORT")).anyMatch(s -> s.contains("导入人员 6 人"));
	}

	@Test
	void storesANameThatWouldEndCopyDataEarlyThroughBatches() {
		String name = "换\n\\.\n行";
		Path file = ImportFixtures.file(ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER,
				List.of(fixtures.person(name, ImportFixtures.idNumber()), fixtures.person("普通", ImportFixtures.idNumber()))),
				".xlsx");

		assertThat(fixtures.asUser(() -> imports.importPeople(file, "c.xlsx", ImportProgress.NONE))).isEqualTo(2);
		assertThat(jdbc.sql("select name from person where home_org_id = ? order by id")
			.param(fixtures.community.id())
			.query(String.class)
			.list()).containsExactly(name, "普通");
	}

	@Test
	void reportsAnIdNumberRepeatedInTheFile() {
		String id = ImportFixtures.idNumber();
		List<List<String>> rows = List.of(fixtures.person("甲", id), fixtures.person("乙", ImportFixtures.idNumber()),
				fixtures.person("丙", id));
		Path file = ImportFixtures.file(ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER, rows), ".xlsx");

		ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
				() -> fixtures.asUser(() -> imports.importPeople(file, "重复.xlsx", ImportProgress.NONE)));

		assertThat(rejected.rows()).singleElement()
			.satisfies(problem -> assertThat(messages.getMessage(problem.line(), Locale.SIMPLIFIED_CHINESE))
				.isEqualTo("第4行：身份证号与第 2 行重复。"));
		assertThat(peopleInCommunity()).isZero();
	}

	@Test
	void reportsAnIdNumberAlreadyStoredAndOrgsOutsideTheCallersView() {
		String stored = ImportFixtures.idNumber();
		fixtures.asUser(() -> imports.importPeople(ImportFixtures.file(ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER,
				List.of(fixtures.person("已有", stored))), ".xlsx"), "a.xlsx", ImportProgress.NONE));
		List<String> unknownOrg = new ArrayList<>(fixtures.person("无组织", ImportFixtures.idNumber()));
		unknownOrg.set(9, "不存在的社区");
		List<String> outOfScope = new ArrayList<>(fixtures.person("越权", ImportFixtures.idNumber()));
		outOfScope.set(9, "");
		outOfScope.set(8, "本市");
		Path file = ImportFixtures.file(ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER,
				List.of(fixtures.person("再来", stored), unknownOrg, outOfScope)), ".xlsx");

		ImportRejected rejected = catchThrowableOfType(ImportRejected.class,
				() -> fixtures.asUser(() -> imports.importPeople(file, "b.xlsx", ImportProgress.NONE)));

		assertThat(rejected.rows()).extracting(RowProblem::row, RowProblem::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "person.idNumber.taken"),
					org.assertj.core.groups.Tuple.tuple(3, "import.org.unknown"),
					org.assertj.core.groups.Tuple.tuple(4, "import.org.unknown"));
		assertThat(peopleInCommunity()).isEqualTo(1);
	}

	@Test
	void readsCsvInUtf8WithBomAndInGbk() {
		String header = String.join(",", ImportFixtures.PEOPLE_HEADER);
		String utf8 = "\uFEFF" + header + "\r\n" + String.join(",", fixtures.person("王五", ImportFixtures.idNumber()))
				+ "\r\n";
		String gbk = header + "\n" + String.join(",", fixtures.person("赵六", ImportFixtures.idNumber())) + "\n\n";

		int fromUtf8 = fixtures.asUser(() -> imports.importPeople(
				ImportFixtures.file(utf8.getBytes(StandardCharsets.UTF_8), ".csv"), "u.csv", ImportProgress.NONE));
		int fromGbk = fixtures.asUser(() -> imports.importPeople(
				ImportFixtures.file(gbk.getBytes(Charset.forName("GBK")), ".csv"), "g.csv", ImportProgress.NONE));

		assertThat(fromUtf8 + fromGbk).isEqualTo(2);
		assertThat(jdbc.sql("select name from person where home_org_id = ? order by id")
			.param(fixtures.community.id())
			.query(String.class)
			.list()).containsExactly("王五", "赵六");
	}

	@Test
	void reportsAnUnknownHeaderAndAMissingRequiredColumn() {
		String csv = "姓名,身份,居住社区\n甲,1,x\n";

		ImportRejected rejected = catchThrowableOfType(ImportRejected.class, () -> fixtures.asUser(() -> imports
			.importPeople(ImportFixtures.file(csv.getBytes(StandardCharsets.UTF_8), ".csv"), "h.csv", ImportProgress.NONE)));

		assertThat(rejected.rows()).extracting(p -> messages.getMessage(p.line(), Locale.SIMPLIFIED_CHINESE))
			.containsExactlyInAnyOrder("第1行：无法识别的列“身份”，请使用模板中的列名。", "第1行：缺少必填列“身份证号”。");
	}

	@Test
	void refusesAFileThatIsNotAWorkbook() {
		Path file = ImportFixtures.file("not a zip at all".getBytes(StandardCharsets.UTF_8), ".xlsx");

		assertThatThrownBy(() -> fixtures.asUser(() -> imports.importPeople(file, "假.xlsx", ImportProgress.NONE)))
			.isInstanceOf(org.wenming.platform.DomainException.class)
			.hasMessageContaining("import.file.notXlsx");
	}

	private long peopleInCommunity() {
		return jdbc.sql("select count(*) from person where home_org_id = ?")
			.param(fixtures.community.id())
			.query(Long.class)
			.single();
	}

	private List<String> auditSummaries(String action) {
		return jdbc.sql("select summary from audit_log where action = ? and actor = ?")
			.params(action, fixtures.username)
			.query(String.class)
			.list();
	}

	private static String readable(Object value) {
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.ISO_8859_1);
		}
		return String.valueOf(value);
	}

}

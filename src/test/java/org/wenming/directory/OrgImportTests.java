package org.wenming.directory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@SpringBootTest(properties = { "wenming.ephemeral-database=true" })
class OrgImportTests {

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

	ImportFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ImportFixtures(orgs, people, accounts, users);
	}

	@Test
	void createsOrgsUnderAParentFromAnEarlierRow() {
		String s = fixtures.suffix;
		byte[] xlsx = ImportFixtures.xlsx(List.of("名称", "类型", "上级组织", "行政区划代码"),
				List.of(List.of("新街道" + s, "街道", fixtures.district.name(), ""),
						List.of("新社区" + s, "社区", "新街道" + s, ""),
						List.of("新村" + s, "村", String.valueOf(fixtures.street.id()), "")));

		int imported = fixtures.asUser(
				() -> imports.importOrgs(ImportFixtures.file(xlsx, ".xlsx"), "组织.xlsx", ImportProgress.NONE));

		assertThat(imported).isEqualTo(3);
		Org street = fixtures.asUser(() -> orgs.findByName("新街道" + s)).get(0);
		Org community = fixtures.asUser(() -> orgs.findByName("新社区" + s)).get(0);
		Org village = fixtures.asUser(() -> orgs.findByName("新村" + s)).get(0);
		assertThat(street.parentId()).isEqualTo(fixtures.district.id());
		assertThat(community.parentId()).isEqualTo(street.id());
		assertThat(community.path()).isEqualTo(street.path() + community.id() + "/");
		assertThat(community.type()).isEqualTo(OrgType.COMMUNITY);
		assertThat(village.parentId()).isEqualTo(fixtures.street.id());
	}

	@Test
	void storesNoOrgWhenAParentComesLaterOrIsUnknown() {
		String s = fixtures.suffix;
		String csv = "名称,类型,上级组织\n"
				+ "早社区" + s + ",社区,晚街道" + s + "\n"
				+ "晚街道" + s + ",街道," + fixtures.district.name() + "\n"
				+ "孤社区" + s + ",社区,没有这个街道\n"
				+ "怪组织" + s + ",星球," + fixtures.district.name() + "\n";

		ImportRejected rejected = catchThrowableOfType(ImportRejected.class, () -> fixtures.asUser(() -> imports
			.importOrgs(ImportFixtures.file(csv.getBytes(StandardCharsets.UTF_8), ".csv"), "o.csv", ImportProgress.NONE)));

		assertThat(rejected.rows()).extracting(p -> messages.getMessage(p.line(), Locale.SIMPLIFIED_CHINESE))
			.containsExactly("第2行：上级组织“晚街道" + s + "”在第 3 行，须写在本行之前。",
					"第4行：找不到组织“没有这个街道”，或该组织不在您的管理范围内。", "第5行：无法识别的组织类型“星球”。");
		assertThat(fixtures.asUser(() -> orgs.findByName("晚街道" + s))).isEmpty();
	}

}

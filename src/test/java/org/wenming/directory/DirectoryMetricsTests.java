package org.wenming.directory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.wenming.TestIdNumbers;
import org.wenming.metric.MetricCatalog;
import org.wenming.metric.MetricQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directory publishes its counts to the metric catalog, computed per org subtree.
 */
@SpringBootTest
class DirectoryMetricsTests {

	@Autowired
	MetricCatalog catalog;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	CareRecipients careRecipients;

	@Test
	void countsPeopleCadresOrgsAndCareRecipientsOfASubtree() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		DataScopes.asSystem(() -> {
			Org city = orgs.create(null, "指标市" + tag, OrgType.CITY, null);
			Org district = orgs.create(city.id(), "指标区" + tag, OrgType.DISTRICT, null);
			Org community = orgs.create(district.id(), "指标社区" + tag, OrgType.COMMUNITY, null);
			Org bureau = orgs.create(city.id(), "指标局" + tag, OrgType.AGENCY, null);
			long resident = people.create(person("甲", TestIdNumbers.next(), null, community.id(), List.of("居民")));
			people.create(person("乙", TestIdNumbers.next(), bureau.id(), null, List.of("干部", "职工")));
			careRecipients.register(resident, CareRecipientType.EMPTY_NEST_ELDER, "探望", community.id());

			MetricQuery cityYear = MetricQuery.ofYear(city.id(), city.path(), LocalDate.now().getYear());
			MetricQuery districtYear = MetricQuery.ofYear(district.id(), district.path(), LocalDate.now().getYear());
			assertThat(catalog.compute("directory.people", cityYear)).contains(BigDecimal.valueOf(2));
			assertThat(catalog.compute("directory.people", districtYear)).contains(BigDecimal.valueOf(1));
			assertThat(catalog.compute("directory.residents", cityYear)).contains(BigDecimal.valueOf(1));
			assertThat(catalog.compute("directory.cadres", cityYear)).contains(BigDecimal.valueOf(1));
			assertThat(catalog.compute("directory.orgs.community", cityYear)).contains(BigDecimal.valueOf(1));
			assertThat(catalog.compute("directory.care_recipients.empty_nest_elder", cityYear))
				.contains(BigDecimal.valueOf(1));
			assertThat(catalog.compute("directory.care_recipients", districtYear)).contains(BigDecimal.ONE);
		});
	}

	@Test
	void aMetricNobodyPublishesHasNoValue() {
		assertThat(catalog.isAvailable("directory.people")).isTrue();
		assertThat(catalog.compute("study.collective_days", MetricQuery.ofYear(1, "/1/", 2026))).isEmpty();
	}

	private static PersonCommand person(String name, String id, Long work, Long home, List<String> tags) {
		return new PersonCommand(name, null, null, id, null, null, "群众", tags, work,
				home);
	}

}

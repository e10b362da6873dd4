package org.wenming.activity.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.wenming.activity.Activities;
import org.wenming.activity.Activity;
import org.wenming.activity.ActivityFixture;
import org.wenming.activity.ActivityType;
import org.wenming.activity.NewActivity;
import org.wenming.metric.MetricDefinition;
import org.wenming.metric.MetricQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * activity.count counts the activities held (under way or finished) in the subtree in the period,
 * in all and by type; drafts, open and cancelled ones do not count.
 */
@SpringBootTest
class ActivityMetricsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ActivityMetrics metrics;

	@Autowired
	Activities activities;

	@Autowired
	JdbcClient jdbc;

	@Test
	void countsActivitiesHeldInTheSubtreeByType() {
		ActivityFixture f = ActivityFixture.create(context);
		Activity held = f.open(ActivityFixture.draft(f.communityA, "已开展", 24, 5), activities);
		NewActivity d = ActivityFixture.draft(f.communityA, "理论学习", 24, 5);
		Activity study = f.open(new NewActivity(d.title(), ActivityType.THEORY_STUDY, d.organizerOrgId(), null, d.place(),
				null, null, null, d.startsAt(), d.endsAt(), 5, null, null, null, null, null, null, null, null, null, null),
				activities);
		f.open(ActivityFixture.draft(f.communityA, "未开展", 24, 5), activities);
		jdbc.sql("update activity set status = 'FINISHED' where id in (?, ?)").params(held.id(), study.id()).update();
		LocalDate day = d.startsAt().toLocalDate();
		MetricQuery query = new MetricQuery(f.city.id(), f.city.path(), day.withDayOfMonth(1), day.plusMonths(1));

		assertThat(metrics.compute("activity.count", query)).isEqualByComparingTo(BigDecimal.valueOf(2));
		assertThat(metrics.compute("activity.count.theory_study", query)).isEqualByComparingTo(BigDecimal.ONE);
		assertThat(metrics.compute("activity.count.festival", query)).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(metrics.compute("activity.count", new MetricQuery(f.communityD.id(), f.communityD.path(),
				day.withDayOfMonth(1), day.plusMonths(1)))).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(metrics.metrics()).extracting(MetricDefinition::name).contains("activity.count",
				"activity.count.theory_study", "activity.count.care_visit");
		assertThat(metrics.metrics()).filteredOn(m -> m.name().equals("activity.count.theory_study"))
			.singleElement().extracting(MetricDefinition::description).asString().contains("理论学习");
	}

}

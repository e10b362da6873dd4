package org.wenming.plan;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.plan.PlanView.SectionNode;
import org.wenming.plan.PlanView.TaskLine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Progress rolls up the outline: a section's is the weighted average of its tasks and subsections,
 * DONE counting 100 and CANCELLED left out; the plan's is that of its top sections.
 */
@SpringBootTest
@Import(MutableClock.Config.class)
class PlanProgressTests {

	@Autowired
	PlanManagement plans;

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

	PlanFixture f;

	long planId;

	@BeforeEach
	void fixture() {
		f = PlanFixture.create(orgs, people, accounts, users);
		planId = f.as(f.unitAdminA(), () -> plans.create(f.communityA().id(), 2026, "进度计划")).id();
	}

	private long section(Long parentId, String title, String weight) {
		return f.as(f.unitAdminA(), () -> plans.addChild(planId, parentId,
				new SectionDraft(null, title, null, weight == null ? null : new BigDecimal(weight))));
	}

	private void task(long sectionId, String weight, String status, int progress) {
		jdbc.sql("""
				insert into plan_task (plan_id, section_id, title, owner_org_id, weight, status, progress)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(planId, sectionId, "任务" + weight + status + progress, f.communityB().id(), new BigDecimal(weight),
					status, progress)
			.update();
	}

	@Test
	void aSectionsProgressIsTheWeightedAverageOfItsTasks() {
		long work = section(null, "重点工作", null);
		task(work, "1", "IN_PROGRESS", 100);
		task(work, "3", "NOT_STARTED", 0);

		PlanView view = f.as(f.unitAdminA(), () -> plans.view(planId));

		assertThat(view.sections().get(0).progress()).isEqualTo(25);
		assertThat(view.progress()).isEqualTo(25);
		assertThat(view.sections().get(0).tasks()).extracting(TaskLine::ownerOrgId, TaskLine::ownerOrgName,
				TaskLine::weight)
			.containsOnly(tuple(f.communityB().id(), f.communityB().name(), new BigDecimal("1")),
					tuple(f.communityB().id(), f.communityB().name(), new BigDecimal("3")));
	}

	@Test
	void nestedSectionsRollUpByTheirWeightsLeavingOutCancelledTasksAndEmptySections() {
		long first = section(null, "一、思想教育", null);
		task(first, "1", "DONE", 40); // counts 100 whatever its progress says
		task(first, "3", "OVERDUE", 0);
		long second = section(null, "二、志愿服务", null);
		long done = section(second, "关爱空巢老人", null);
		task(done, "1", "DONE", 100);
		task(done, "5", "CANCELLED", 0);
		long half = section(second, "关爱留守儿童", "3");
		task(half, "1", "SUBMITTED", 50);
		long empty = section(second, "关爱残疾人", "10");
		section(null, "三、保障措施", null);

		PlanView view = f.as(f.unitAdminA(), () -> plans.view(planId));

		assertThat(view.sections()).extracting(SectionNode::title, SectionNode::progress)
			.containsExactly(tuple("一、思想教育", 25), tuple("二、志愿服务", 63), tuple("三、保障措施", null));
		assertThat(view.sections().get(1).children()).extracting(SectionNode::id, SectionNode::progress)
			.containsExactly(tuple(done, 100), tuple(half, 50), tuple(empty, null));
		// (25 + 62.5) / 2: the section without tasks does not count
		assertThat(view.progress()).isEqualTo(44);
		assertThat(view.sections().get(1).children().get(2).taskProposed()).isTrue();
		assertThat(view.sections().get(1).children().get(0).taskProposed()).isFalse();
	}

	@Test
	void aPlanWithoutTasksHasNoProgressYet() {
		section(null, "指导思想", null);

		PlanView view = f.as(f.unitAdminA(), () -> plans.view(planId));

		assertThat(view.progress()).isNull();
		assertThat(view.sections().get(0).progress()).isNull();
		assertThat(view.sections().get(0).taskProposed()).isFalse();
	}

}

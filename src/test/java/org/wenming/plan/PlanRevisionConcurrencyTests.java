package org.wenming.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many editors change one published plan at once: every change gets its own revision, numbered one
 * after the other, none lost and none refused.
 */
@SpringBootTest
@Import(MutableClock.Config.class)
class PlanRevisionConcurrencyTests {

	private static final int EDITORS = 8;

	private static final int EDITS = 5;

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

	@Test
	void concurrentChangesOfAPublishedPlanGetConsecutiveRevisions() throws Exception {
		PlanFixture f = PlanFixture.create(orgs, people, accounts, users);
		long planId = f.as(f.unitAdminA(), () -> plans.create(f.communityA().id(), 2026, "多人编辑的计划").id());
		List<Long> sections = IntStream.range(0, EDITORS)
			.mapToObj(i -> f.as(f.unitAdminA(),
					() -> plans.addChild(planId, null, new SectionDraft(null, "部分" + i, null, null))))
			.toList();
		f.as(f.unitAdminA(), () -> plans.publish(planId));

		ExecutorService pool = Executors.newFixedThreadPool(EDITORS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int i = 0; i < EDITORS; i++) {
			int editor = i;
			done.add(pool.submit(() -> {
				start.await();
				for (int edit = 0; edit < EDITS; edit++) {
					String title = "部分" + editor + "第" + edit + "稿";
					f.as(f.unitAdminA(), () -> plans.updateSection(planId, sections.get(editor),
							new SectionDraft(null, title, null, null)));
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();

		List<PlanRevision> revisions = f.as(f.unitAdminA(), () -> plans.revisions(planId));
		assertThat(revisions).extracting(PlanRevision::number)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 1 + EDITORS * EDITS).boxed().toList());
		assertThat(revisions.stream().skip(1).map(PlanRevision::summary).distinct()).hasSize(EDITORS * EDITS);
		assertThat(f.as(f.unitAdminA(), () -> plans.revision(planId, 1 + EDITORS * EDITS)).snapshot())
			.contains(IntStream.range(0, EDITORS).mapToObj(i -> "部分" + i + "第" + (EDITS - 1) + "稿").toList());
		assertThat(f.as(f.unitAdminA(), () -> plans.get(planId)).version()).as("adds, publish, edits")
			.isEqualTo(EDITORS + 1 + EDITORS * EDITS);
	}

}

package org.wenming.plan.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.directory.DataScopes;
import org.wenming.directory.OrgDirectory;
import org.wenming.plan.OutlineResult;
import org.wenming.plan.OverdueJob;
import org.wenming.plan.ParsedPlan;
import org.wenming.plan.PlanManagement;
import org.wenming.plan.PlanOutlines;
import org.wenming.plan.PlanSummary;
import org.wenming.plan.PlanView;
import org.wenming.plan.Priority;
import org.wenming.plan.ReviewDecision;
import org.wenming.plan.SubmissionBoard;
import org.wenming.plan.Submissions;
import org.wenming.plan.TaskCommand;
import org.wenming.plan.Tasks;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plans of the demo city 示范市 (profile {@code demo}, after the directory's demo data): the seven
 * plans of {@code seed/plans.txt}, read by the importer itself, on the orgs they fit, for the current
 * year, with tasks in every state, and a city plan whose task is distributed to the communities with
 * submissions submitted and reviewed. Does nothing when the demo plans exist already.
 */
@Component
@Profile("demo")
@Order(20)
class PlanDemoData implements ApplicationRunner {

	/** Which demo org each plan of the seed (篇1 … 篇7) belongs to. */
	static final List<String> PLAN_ORGS = List.of("和平社区", "示范市地方税务局", "示范市水利局", "示范市财政局", "红星村", "和平社区学校",
			"文明社区");

	static final String CITY_PLAN = "示范市学习型城市建设工作要点";

	static final String DISTRIBUTED_TASK = "各社区年底上交一篇学习型社区建设经验";

	private static final Logger log = LoggerFactory.getLogger(PlanDemoData.class);

	private static final String[] LEADERS = { "王主任", "李书记", "张副局长", "刘科长", "陈副主任", "赵委员", "周村主任", "吴校长" };

	private final PlanManagement plans;

	private final Tasks tasks;

	private final Submissions submissions;

	private final OverdueJob overdueJob;

	private final OrgDirectory orgs;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PlanDemoData(PlanManagement plans, Tasks tasks, Submissions submissions, OverdueJob overdueJob, OrgDirectory orgs,
			JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.plans = plans;
		this.tasks = tasks;
		this.submissions = submissions;
		this.overdueJob = overdueJob;
		this.orgs = orgs;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Map<String, Long> demo = demoOrgs();
		if (demo.isEmpty() || !demo.keySet().containsAll(PLAN_ORGS)) {
			log.info("No demo city 示范市; no demo plans");
			return;
		}
		Long existing = jdbc.sql("select count(*) from plan where org_id = ? and title like '市精神文明工作计划篇%'")
			.param(demo.get(PLAN_ORGS.get(0)))
			.query(Long.class)
			.single();
		if (existing > 0) {
			return;
		}
		long started = System.nanoTime();
		DataScopes.asSystem(() -> transactions.executeWithoutResult(status -> seed(demo)));
		log.info("Demo plans created in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/** The open orgs of 示范市 by name. */
	private Map<String, Long> demoOrgs() {
		Long city = jdbc.sql("select id from org where name = '示范市' and parent_id is null and closed_at is null order by id limit 1")
			.query(Long.class)
			.optional()
			.orElse(null);
		Map<String, Long> byName = new HashMap<>();
		if (city == null) {
			return byName;
		}
		List<Long> ids = DataScopes.asSystem(() -> orgs.subtreeIds(city));
		for (long id : ids) {
			orgs.find(id).filter(org -> !org.isClosed()).ifPresent(org -> byName.putIfAbsent(org.name(), org.id()));
		}
		byName.put("示范市", city);
		return byName;
	}

	private void seed(Map<String, Long> demo) {
		Random random = new Random(2026);
		LocalDate today = LocalDate.now(clock);
		int year = today.getYear();
		OutlineResult seed = PlanOutlines.parse(read("seed/plans.txt"));
		if (seed.plans().size() < PLAN_ORGS.size()) {
			throw new IllegalStateException("seed/plans.txt holds " + seed.plans().size() + " plans, not 7");
		}
		int taskCount = 0;
		for (int i = 0; i < PLAN_ORGS.size(); i++) {
			long orgId = demo.get(PLAN_ORGS.get(i));
			PlanSummary plan = plans.createFromOutline(orgId, year, seed.plans().get(i));
			// 篇7 stays a draft, to show one; the rest are in force.
			if (i == PLAN_ORGS.size() - 1) {
				continue;
			}
			plans.publish(plan.id());
			List<Long> owners = new ArrayList<>();
			owners.add(orgId);
			owners.addAll(children(orgId));
			List<Long> cooperating = new ArrayList<>(neighbours(demo, PLAN_ORGS.get(i)));
			List<PlanView.SectionNode> leaves = leaves(plans.view(plan.id()).sections());
			int n = 0;
			for (PlanView.SectionNode section : leaves) {
				if (n >= 8) {
					break;
				}
				taskCount++;
				state(task(section, owners, cooperating, random, today, n), n, random);
				n++;
			}
		}
		distributed(demo, year, today, random);
		// Whatever is past its deadline and not reported becomes overdue, as the nightly job would do.
		OverdueJob.Result overdue = overdueJob.run(today);
		log.info("Demo plans: {} plans, {} tasks, {} overdue", PLAN_ORGS.size() + 1, taskCount + 1, overdue.overdueTasks());
	}

	/**
	 * A task on the section whose state {@link #state} will set: n % 5 == 0 done, 1 in progress, 2
	 * overdue, 3 sent back, 4 not started.
	 */
	private long task(PlanView.SectionNode section, List<Long> owners, List<Long> cooperating, Random random,
			LocalDate today, int n) {
		int kind = n % 5;
		LocalDate deadline = switch (kind) {
			case 0 -> today.minusDays(20 + random.nextInt(200));
			case 2 -> today.minusDays(3 + random.nextInt(60));
			default -> today.plusDays(7 + random.nextInt(120));
		};
		long owner = owners.get(random.nextInt(owners.size()));
		List<Long> with = cooperating.isEmpty() || random.nextInt(3) != 0 ? List.of()
				: List.of(cooperating.get(random.nextInt(cooperating.size())));
		Priority priority = Priority.values()[random.nextInt(Priority.values().length)];
		String title = taskTitle(section);
		return tasks.create(new TaskCommand(section.id(), title, "落实计划“" + section.title() + "”的要求，按时报送完成情况。",
				owner, with, LEADERS[random.nextInt(LEADERS.length)], deadline, null, priority,
				BigDecimal.valueOf(1 + random.nextInt(3))));
	}

	private void state(long taskId, int n, Random random) {
		switch (n % 5) {
			case 0 -> {
				tasks.start(taskId);
				tasks.report(taskId, "已按计划完成，活动开展 " + (2 + random.nextInt(6)) + " 次，参与群众 " + (50 + random.nextInt(400))
						+ " 人次，相关照片和台账已归档。", List.of());
				tasks.accept(taskId);
			}
			case 1 -> tasks.updateProgress(taskId, 20 + random.nextInt(60));
			case 2 -> {
				if (random.nextBoolean()) {
					tasks.start(taskId);
				}
			}
			case 3 -> {
				tasks.start(taskId);
				tasks.report(taskId, "已完成初步工作，材料见附件台账。", List.of());
				tasks.sendBack(taskId, "缺少活动照片和签到表，请补充佐证材料后重新提交。");
			}
			default -> {
			}
		}
	}

	/** A city plan whose task every community of 示范市 submits to; some submitted, some reviewed. */
	private void distributed(Map<String, Long> demo, int year, LocalDate today, Random random) {
		String text = CITY_PLAN + "\n\n一、学习型社区建设\n\n以社区为单位推进学习型社区建设，总结推广经验做法。\n\n"
				+ "二、市民教育\n\n依托道德讲堂和市民学校开展市民教育。\n";
		ParsedPlan parsed = PlanOutlines.parse(text).plans().get(0);
		PlanSummary plan = plans.createFromOutline(demo.get("示范市"), year, parsed);
		plans.publish(plan.id());
		long section = plans.view(plan.id()).sections().get(0).id();
		LocalDate deadline = LocalDate.of(year, 12, 31).isBefore(today) ? today.plusDays(30) : LocalDate.of(year, 12, 31);
		long task = tasks.create(new TaskCommand(section, DISTRIBUTED_TASK, "总结本社区学习型社区建设的做法与成效，3000 字以内。",
				demo.get("示范市精神文明建设办公室"), List.of(), "王主任", deadline, null, Priority.HIGH, null));
		List<Long> communities = new ArrayList<>();
		for (String name : List.of("和平社区", "幸福社区", "明珠社区", "文明社区")) {
			if (demo.containsKey(name)) {
				communities.add(demo.get(name));
			}
		}
		SubmissionBoard board = submissions.distribute(task, communities);
		int i = 0;
		for (SubmissionBoard.Row row : board.rows()) {
			if (i < 3) {
				submissions.submit(row.submissionId(), row.orgName() + "依托社区学校和道德讲堂，全年开展学习活动 "
						+ (10 + random.nextInt(30)) + " 场，建立居民学习档案，形成“一社一品”学习品牌。", List.of());
			}
			if (i == 0) {
				submissions.review(row.submissionId(), BigDecimal.valueOf(92), "经验扎实，可在全市推广。", ReviewDecision.ACCEPT);
			}
			else if (i == 1) {
				submissions.review(row.submissionId(), BigDecimal.valueOf(70), "请补充具体数据和典型事例。", ReviewDecision.RETURN);
			}
			i++;
		}
	}

	private List<Long> children(long orgId) {
		return jdbc.sql("select id from org where parent_id = ? and closed_at is null order by id")
			.param(orgId)
			.query(Long.class)
			.list();
	}

	private static List<Long> neighbours(Map<String, Long> demo, String self) {
		List<Long> ids = new ArrayList<>();
		for (String name : List.of("示范市阳光志愿者协会", "和平社区", "幸福社区", "示范市第一中学")) {
			if (!name.equals(self) && demo.containsKey(name)) {
				ids.add(demo.get(name));
			}
		}
		return ids;
	}

	private static List<PlanView.SectionNode> leaves(List<PlanView.SectionNode> sections) {
		List<PlanView.SectionNode> leaves = new ArrayList<>();
		for (PlanView.SectionNode section : sections) {
			if (section.children().isEmpty()) {
				leaves.add(section);
			}
			else {
				leaves.addAll(leaves(section.children()));
			}
		}
		return leaves;
	}

	private static String taskTitle(PlanView.SectionNode section) {
		String title = section.title() == null || section.title().isBlank() ? "落实本部分工作" : section.title().strip();
		return title.length() > 60 ? title.substring(0, 60) : title;
	}

	private static String read(String path) {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

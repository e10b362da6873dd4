package org.wenming.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.Permission;
import org.wenming.metric.MetricCatalog;
import org.wenming.metric.MetricDefinition;
import org.wenming.metric.MetricQuery;
import org.wenming.plan.PlanStore.PlanRow;
import org.wenming.plan.PlanStore.TargetRow;
import org.wenming.plan.TargetRules.Window;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.database.ClusterLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * A plan's quantitative targets, each bound to a metric. Their status is computed from the metric for
 * the target org's subtree over the target's period of the plan year, never typed in; only the
 * {@value #MANUAL} metric takes values, entered with evidence. A daily job keeps one reading per
 * target and day for the trend.
 */
@Service
public class PlanTargets {

	/** The metric whose values people enter, each with its evidence. */
	public static final String MANUAL = "manual";

	private static final Logger log = LoggerFactory.getLogger(PlanTargets.class);

	private static final String METRIC_NAME = "[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+";

	private static final BigDecimal LARGEST = new BigDecimal("9999999999");

	private final JdbcClient jdbc;

	private final PlanStore store;

	private final MetricCatalog catalog;

	private final DataScopes scopes;

	private final AuditLog audit;

	private final ClusterLock lock;

	private final Clock clock;

	PlanTargets(JdbcClient jdbc, PlanStore store, MetricCatalog catalog, DataScopes scopes, AuditLog audit,
			ClusterLock lock, Clock clock) {
		this.jdbc = jdbc;
		this.store = store;
		this.catalog = catalog;
		this.scopes = scopes;
		this.audit = audit;
		this.lock = lock;
		this.clock = clock;
	}

	/** A metric a target can be bound to, and whether it has a value yet (else 待接入). */
	public record MetricChoice(String name, String description, String unit, boolean available) {
	}

	/**
	 * The metrics to choose from: every metric of the catalog, {@value #MANUAL}, and those the outline
	 * reader suggests that no module publishes yet.
	 */
	public List<MetricChoice> metrics() {
		Map<String, MetricChoice> choices = new LinkedHashMap<>();
		choices.put(MANUAL, new MetricChoice(MANUAL, "人工填报（附佐证材料）", null, true));
		for (MetricDefinition definition : catalog.definitions()) {
			choices.put(definition.name(),
					new MetricChoice(definition.name(), definition.description(), definition.unit(), true));
		}
		for (String name : MetricSuggestions.names()) {
			choices.putIfAbsent(name, new MetricChoice(name, null, null, false));
		}
		return List.copyOf(choices.values());
	}

	// ---- commands --------------------------------------------------------------------------------

	/** Adds a target to a plan, under a section or ({@code sectionId} null) to the plan as a whole. */
	@Transactional
	public TargetView add(long planId, Long sectionId, TargetBinding binding) {
		PlanRow plan = store.writable(planId);
		if (sectionId != null && store.section(planId, sectionId).isEmpty()) {
			throw DomainException.onField("sectionId", "plan.section.unknown");
		}
		String text = text(binding.text());
		Checked checked = check(plan, binding, plan.orgId());
		long id = jdbc.sql("""
				insert into plan_target (plan_id, section_id, text, metric, comparator, threshold, unit, period, relative,
				baseline, org_id, confirmed) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true) returning id""")
			.params(planId, sectionId, text, checked.metric(), binding.comparator().name(), binding.threshold(),
					checked.unit(), period(binding), binding.relative(), binding.baseline(), checked.orgId())
			.query(Long.class)
			.single();
		store.changed(plan, "新增目标：" + text);
		return view(plan, target(id), store.today());
	}

	/** Binds a target to a metric, or changes what it is measured by; binding confirms it. */
	@Transactional
	public TargetView bind(long planId, long targetId, TargetBinding binding) {
		PlanRow plan = store.writable(planId);
		TargetRow target = ofPlan(planId, targetId);
		String text = binding.text() == null ? target.text() : text(binding.text());
		Checked checked = check(plan, binding, target.orgId());
		jdbc.sql("""
				update plan_target set text = ?, metric = ?, comparator = ?, threshold = ?, unit = ?, period = ?,
				relative = ?, baseline = ?, org_id = ?, confirmed = true where id = ?""")
			.params(text, checked.metric(), binding.comparator().name(), binding.threshold(), checked.unit(),
					period(binding), binding.relative(), binding.baseline(), checked.orgId(), targetId)
			.update();
		TargetRow changed = target(targetId);
		if (!changed.equals(target)) {
			store.changed(plan, "修改目标：" + text);
		}
		return view(plan, changed, store.today());
	}

	/** Accepts the metric suggested for a target as it stands. */
	@Transactional
	public TargetView confirm(long planId, long targetId) {
		PlanRow plan = store.writable(planId);
		TargetRow target = ofPlan(planId, targetId);
		if (target.metric() == null) {
			throw DomainException.onField("metric", "plan.target.metricRequired");
		}
		if (!target.confirmed()) {
			jdbc.sql("update plan_target set confirmed = true where id = ?").param(targetId).update();
			store.changed(plan, "确认目标：" + target.text());
		}
		return view(plan, target(targetId), store.today());
	}

	@Transactional
	public void delete(long planId, long targetId) {
		PlanRow plan = store.writable(planId);
		TargetRow target = ofPlan(planId, targetId);
		jdbc.sql("delete from plan_target where id = ?").param(targetId).update();
		store.changed(plan, "删除目标：" + target.text());
	}

	/**
	 * Enters the value of a target bound to the {@value #MANUAL} metric, with the evidence that shows
	 * it; the latest value entered in the period is the target's value. Anyone who may change plans of
	 * the target's org may enter it.
	 */
	@Transactional
	public TargetView enterManualValue(long targetId, BigDecimal value, String evidence) {
		return enterManualValue(null, targetId, value, evidence);
	}

	/** As {@link #enterManualValue(long, BigDecimal, String)}, for a target of the plan {@code planId}. */
	@Transactional
	public TargetView enterManualValue(Long planId, long targetId, BigDecimal value, String evidence) {
		TargetRow target = store.target(targetId)
			.filter(t -> planId == null || t.planId() == planId)
			.orElseThrow(DomainException::notFound);
		Org org = store.org(target.orgId());
		scopes.require(Permission.PLAN_WRITE, org.path());
		jdbc.sql("select id from plan where id = ? for update").param(target.planId()).query(Long.class).single();
		PlanRow plan = store.find(target.planId()).orElseThrow(DomainException::notFound);
		if (plan.status() == PlanStatus.ARCHIVED) {
			throw DomainException.conflict("plan.archived");
		}
		if (!MANUAL.equals(target.metric())) {
			throw DomainException.conflict("plan.target.notManual");
		}
		if (value == null) {
			throw DomainException.onField("value", "plan.target.valueRequired");
		}
		if (value.abs().compareTo(LARGEST) > 0) {
			throw DomainException.onField("value", "plan.target.numberRange");
		}
		if (!StringUtils.hasText(evidence)) {
			throw DomainException.onField("evidence", "plan.target.evidenceRequired");
		}
		if (evidence.strip().length() > 2000) {
			throw DomainException.onField("evidence", "plan.target.evidenceTooLong");
		}
		jdbc.sql("""
				insert into plan_target_manual_value (target_id, value, evidence, entered_by, entered_at)
				values (?, ?, ?, ?, ?)""")
			.params(targetId, value, evidence.strip(), AuditLog.currentActor(), store.now())
			.update();
		audit.record("MANUAL_VALUE", "plan_target", targetId, target.orgId(),
				"填报目标数值：" + target.text() + " = " + TargetRules.plain(value).toPlainString());
		return view(plan, target, store.today());
	}

	// ---- queries ---------------------------------------------------------------------------------

	/** A target's status on {@code today}, for a target of a plan the caller may read. */
	@Transactional(readOnly = true)
	public TargetView status(long targetId, LocalDate today) {
		TargetRow target = store.target(targetId).orElseThrow(DomainException::notFound);
		PlanRow plan = store.readable(target.planId());
		return view(plan, target, today);
	}

	/** The readings kept of a target, oldest first. */
	@Transactional(readOnly = true)
	public List<TargetReading> readings(long planId, long targetId) {
		store.readable(planId);
		ofPlan(planId, targetId);
		return jdbc.sql("select day, value, status from plan_target_reading where target_id = ? order by day")
			.param(targetId)
			.query((rs, i) -> {
				TargetStatus status = TargetStatus.valueOf(rs.getString("status"));
				return new TargetReading(rs.getObject("day", LocalDate.class),
						TargetRules.plain(rs.getBigDecimal("value")), status, status.label());
			})
			.list();
	}

	/** The targets of a plan with their status on {@code today}. */
	List<TargetView> views(PlanRow plan, List<TargetRow> targets, LocalDate today) {
		Map<Long, String> names = store.orgNames(targets.stream().map(TargetRow::orgId).toList());
		List<TargetView> views = new ArrayList<>(targets.size());
		for (TargetRow target : targets) {
			views.add(view(plan, target, today, names.get(target.orgId())));
		}
		return views;
	}

	// ---- the daily readings ----------------------------------------------------------------------

	/** Keeps today's reading of every target, on one instance of the cluster. */
	@Scheduled(cron = "${wenming.plan.readings-cron:0 20 1 * * *}", zone = "${wenming.zone:Asia/Shanghai}")
	void recordDailyReadings() {
		if (lock.tryAcquire("plan.target-readings", Duration.ofHours(1))) {
			int count = DataScopes.asSystem(() -> recordReadings(LocalDate.now(clock)));
			log.info("Recorded {} plan target readings", count);
		}
	}

	/**
	 * Records the reading of {@code day} (value and status) of every target of the published plans of
	 * that year and of the year before (whose values may still be entered early in the new year),
	 * replacing one recorded before on that day. A target whose metric fails is skipped and logged.
	 *
	 * @return how many readings were recorded
	 */
	public int recordReadings(LocalDate day) {
		Map<Long, Integer> years = new LinkedHashMap<>();
		jdbc.sql("select id, year from plan where status = 'PUBLISHED' and year between ? and ?")
			.params(day.getYear() - 1, day.getYear())
			.query(rs -> {
				years.put(rs.getLong("id"), rs.getInt("year"));
			});
		List<TargetRow> targets = jdbc.sql("select " + PlanStore.TARGET_COLUMNS + """
				 from plan_target where plan_id in (select id from plan where status = 'PUBLISHED' and year between ? and ?)
				order by id""")
			.params(day.getYear() - 1, day.getYear())
			.query(PlanStore::target)
			.list();
		int recorded = 0;
		for (TargetRow target : targets) {
			try {
				Integer year = years.get(target.planId());
				if (year == null) {
					continue; // published after the years were read
				}
				Evaluation evaluation = evaluate(target, year, day);
				jdbc.sql("""
						insert into plan_target_reading (target_id, day, value, status) values (?, ?, ?, ?)
						on conflict (target_id, day) do update set value = excluded.value, status = excluded.status""")
					.params(target.id(), day, evaluation.value(), evaluation.status().name())
					.update();
				recorded++;
			}
			catch (RuntimeException ex) {
				log.warn("No reading of plan target {} on {}", target.id(), day, ex);
			}
		}
		return recorded;
	}

	// ---- evaluation ------------------------------------------------------------------------------

	/** A target's status on a day: its value over the window and the value to reach. */
	record Evaluation(TargetStatus status, BigDecimal value, BigDecimal goal, Window window) {
	}

	Evaluation evaluate(TargetRow target, int year, LocalDate day) {
		Window window = TargetRules.window(target.period(), year, day);
		BigDecimal goal = TargetRules.goal(target.comparator(), target.threshold(), target.unit(), target.relative(),
				target.baseline());
		if (target.metric() == null || goal == null) {
			return new Evaluation(TargetStatus.INCOMPLETE, null, goal, window);
		}
		BigDecimal value;
		if (MANUAL.equals(target.metric())) {
			value = manualValue(target.id(), window.from(), day).orElse(null);
		}
		else {
			Org org = store.org(target.orgId());
			Optional<BigDecimal> computed = catalog.compute(target.metric(),
					new MetricQuery(org.id(), org.path(), window.from(), window.to()));
			if (computed.isEmpty()) {
				return new Evaluation(TargetStatus.AWAITING, null, goal, window);
			}
			value = computed.get();
		}
		TargetStatus status = TargetRules.judge(target.comparator(), value, goal, window.endedBefore(day));
		return new Evaluation(status, TargetRules.plain(value), goal, window);
	}

	/** The latest value entered from {@code from} up to the end of {@code day}. */
	private Optional<BigDecimal> manualValue(long targetId, LocalDate from, LocalDate day) {
		OffsetDateTime start = from.atStartOfDay(clock.getZone()).toOffsetDateTime();
		OffsetDateTime end = day.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
		return jdbc.sql("""
				select value from plan_target_manual_value where target_id = ? and entered_at >= ? and entered_at < ?
				order by entered_at desc, id desc limit 1""")
			.params(targetId, start, end)
			.query(BigDecimal.class)
			.optional();
	}

	private TargetView view(PlanRow plan, TargetRow target, LocalDate today) {
		return view(plan, target, today, store.orgNames(List.of(target.orgId())).get(target.orgId()));
	}

	private TargetView view(PlanRow plan, TargetRow target, LocalDate today, String orgName) {
		Evaluation evaluation = evaluate(target, plan.year(), today);
		String description = target.metric() == null ? null
				: MANUAL.equals(target.metric()) ? "人工填报（附佐证材料）"
						: catalog.find(target.metric()).map(MetricDefinition::description).orElse(null);
		return new TargetView(target.id(), target.planId(), target.sectionId(), target.text(), target.metric(),
				description, target.comparator(), target.threshold(), target.unit(), target.period(), target.relative(),
				target.baseline(), target.orgId(), orgName, target.confirmed(), evaluation.status(),
				evaluation.status().label(), evaluation.value(), evaluation.goal(), evaluation.window().from(),
				evaluation.window().to());
	}

	// ---- checks ----------------------------------------------------------------------------------

	private record Checked(String metric, String unit, long orgId) {
	}

	/** Whether a metric named on a target is a catalog name (or the manual marker) of a sane length. */
	static boolean isMetricName(String metric) {
		return MANUAL.equals(metric) || (metric.matches(METRIC_NAME) && metric.length() <= 100);
	}

	private Checked check(PlanRow plan, TargetBinding binding, long currentOrgId) {
		String metric = StringUtils.hasText(binding.metric()) ? binding.metric().strip() : null;
		if (metric != null && !MANUAL.equals(metric) && (!metric.matches(METRIC_NAME) || metric.length() > 100)) {
			throw DomainException.onField("metric", "plan.target.metricFormat");
		}
		if (binding.comparator() == null) {
			throw DomainException.onField("comparator", "plan.target.comparatorRequired");
		}
		if (binding.threshold() == null) {
			throw DomainException.onField("threshold", "plan.target.thresholdRequired");
		}
		if (binding.threshold().abs().compareTo(LARGEST) > 0) {
			throw DomainException.onField("threshold", "plan.target.numberRange");
		}
		// An absolute target counts or measures something: below zero it cannot be reached or missed.
		if (!binding.relative() && binding.threshold().signum() < 0) {
			throw DomainException.onField("threshold", "error.range.number", "threshold", "0", LARGEST.toPlainString());
		}
		if (binding.relative() && binding.baseline() == null) {
			throw DomainException.onField("baseline", "plan.target.baselineRequired");
		}
		if (binding.baseline() != null && binding.baseline().abs().compareTo(LARGEST) > 0) {
			throw DomainException.onField("baseline", "plan.target.numberRange");
		}
		String unit = StringUtils.hasText(binding.unit()) ? binding.unit().strip() : null;
		if (unit != null && unit.length() > 10) {
			throw DomainException.onField("unit", "plan.target.unitTooLong");
		}
		long orgId = binding.orgId() == null ? currentOrgId : binding.orgId();
		if (orgId != currentOrgId) {
			Org planOrg = store.org(plan.orgId());
			// An org that does not exist gets the same answer as one outside reach.
			Org org = store.findOrg(orgId).orElse(null);
			if (org == null || !planOrg.contains(org) || !scopes.current(Permission.PLAN_WRITE).covers(org)) {
				throw DomainException.onField("orgId", "plan.target.orgOutside");
			}
		}
		return new Checked(metric, unit, orgId);
	}

	private static String text(String text) {
		if (!StringUtils.hasText(text)) {
			throw DomainException.onField("text", "plan.target.textRequired");
		}
		String stripped = text.strip();
		if (stripped.length() > 2000) {
			throw DomainException.onField("text", "plan.target.textTooLong");
		}
		return stripped;
	}

	private static String period(TargetBinding binding) {
		return binding.period() == null ? null : binding.period().name();
	}

	private TargetRow ofPlan(long planId, long targetId) {
		return store.target(targetId).filter(t -> t.planId() == planId).orElseThrow(DomainException::notFound);
	}

	private TargetRow target(long id) {
		return store.target(id).orElseThrow();
	}

}

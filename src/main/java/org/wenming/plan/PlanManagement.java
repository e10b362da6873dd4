package org.wenming.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.wenming.directory.DataScope;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.metric.MetricCatalog;
import org.wenming.metric.MetricDefinition;
import org.wenming.plan.PlanPreview.Draft;
import org.wenming.plan.PlanPreview.DraftSection;
import org.wenming.plan.PlanPreview.DraftTarget;
import org.wenming.plan.PlanPreview.MetricState;
import org.wenming.plan.PlanStore.PlanRow;
import org.wenming.plan.PlanStore.SectionRow;
import org.wenming.plan.PlanStore.TaskRow;
import org.wenming.plan.PlanView.SectionNode;
import org.wenming.plan.PlanView.TaskLine;
import org.wenming.platform.Bounds;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The plans of orgs and years: created empty or from an outline read from a document, the outline
 * edited, published and archived. Every change after publishing is kept as a revision (who, when,
 * what, and the whole plan as it then read), and two revisions can be compared line by line. Callers
 * see and change only plans of orgs in their data scope ({@code plan:read}, {@code plan:write}); any
 * other plan is "not found".
 */
@Service
public class PlanManagement {

	private static final BigDecimal MAX_WEIGHT = new BigDecimal("9999.99");

	/** The longest lead-in text of a plan (the database keeps the same limit). */
	public static final int LEAD_TEXT_MAX = 10_000;

	/** The longest text of one section (the database keeps the same limit). */
	public static final int SECTION_BODY_MAX = 50_000;

	private final JdbcClient jdbc;

	private final PlanStore store;

	private final PlanTargets targets;

	private final OrgDirectory orgs;

	private final DataScopes scopes;

	private final MetricCatalog catalog;

	private final AuditLog audit;

	PlanManagement(JdbcClient jdbc, PlanStore store, PlanTargets targets, OrgDirectory orgs, DataScopes scopes,
			MetricCatalog catalog, AuditLog audit) {
		this.jdbc = jdbc;
		this.store = store;
		this.targets = targets;
		this.orgs = orgs;
		this.scopes = scopes;
		this.catalog = catalog;
		this.audit = audit;
	}

	// ---- creating --------------------------------------------------------------------------------

	/** A new draft plan without an outline. */
	@Transactional
	public PlanSummary create(long orgId, int year, String title) {
		Org org = writableOrg(orgId);
		checkYear(year);
		String checked = checkTitle(title);
		long id = insertPlan(org, year, checked, "");
		audit.record("CREATE", "plan", id, orgId, "新建计划：" + org.name() + year + "年《" + checked + "》");
		return summary(store.find(id).orElseThrow());
	}

	/**
	 * A new draft plan from an outline: its sections as a tree (positions, numbers, titles, text as
	 * body, levels from the nesting) and the targets found, bound to the suggested metric and the plan's
	 * org, to be confirmed. A plan without a title line is named after the org and year.
	 */
	@Transactional
	public PlanSummary createFromOutline(long orgId, int year, ParsedPlan parsed) {
		Org org = writableOrg(orgId);
		checkYear(year);
		String title = StringUtils.hasText(parsed.title()) ? cut(parsed.title().strip(), 200)
				: org.name() + year + "年工作计划";
		long id = insertPlan(org, year, title, parsed.text() == null ? "" : parsed.text().strip());
		int[] counts = { 0, insertTargets(id, null, parsed.targets(), orgId) };
		insertSections(id, null, 1, parsed.sections(), orgId, counts);
		audit.record("CREATE", "plan", id, orgId,
				"导入计划：" + org.name() + year + "年《" + title + "》，" + counts[0] + " 个部分，" + counts[1] + " 个目标");
		return summary(store.find(id).orElseThrow());
	}

	/**
	 * Several plans of one document, stored together: either every one is stored or, when one is
	 * refused, none is.
	 */
	@Transactional
	public List<PlanSummary> createAllFromOutline(long orgId, int year, List<ParsedPlan> parsed) {
		List<PlanSummary> saved = new ArrayList<>(parsed.size());
		for (ParsedPlan plan : parsed) {
			saved.add(createFromOutline(orgId, year, plan));
		}
		return saved;
	}

	/** What importing the document's text would store, with nothing stored. */
	public PlanPreview preview(String text) {
		OutlineResult result = PlanOutlines.parse(text);
		List<Draft> drafts = result.plans()
			.stream()
			.map(plan -> new Draft(plan.title(), plan.text(), draftTargets(plan.targets()), plan.figures(),
					draftSections(plan.sections())))
			.toList();
		return new PlanPreview(drafts, result.messages());
	}

	private List<DraftSection> draftSections(List<Section> sections) {
		return sections.stream()
			.map(s -> new DraftSection(s.number(), s.title(), s.level(), s.text(), draftTargets(s.targets()),
					s.figures(), s.children().isEmpty() && s.level() > 1, draftSections(s.children())))
			.toList();
	}

	private List<DraftTarget> draftTargets(List<Target> found) {
		return found.stream().map(t -> {
			MetricState state = t.metric() == null ? MetricState.NONE
					: catalog.isAvailable(t.metric()) ? MetricState.AVAILABLE : MetricState.AWAITING;
			String description = t.metric() == null ? null
					: catalog.find(t.metric()).map(MetricDefinition::description).orElse(null);
			return new DraftTarget(t.text(), t.comparator(), t.value(), t.unit(), t.period(), t.relative(), t.metric(),
					state, description);
		}).toList();
	}

	private long insertPlan(Org org, int year, String title, String leadText) {
		return jdbc.sql("""
				insert into plan (org_id, year, title, lead_text, created_by, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(org.id(), year, title, leadText, AuditLog.currentActor(), store.now())
			.query(Long.class)
			.single();
	}

	private void insertSections(long planId, Long parentId, int level, List<Section> sections, long orgId,
			int[] counts) {
		int position = 0;
		for (Section section : sections) {
			String title = section.title() == null ? "" : section.title().strip();
			String body = section.text() == null ? "" : section.text().strip();
			if (title.length() > 500) { // a heading line without a full stop: the rest is text
				body = (title.substring(500) + "\n" + body).strip();
				title = title.substring(0, 500);
			}
			Bounds.length("text", body, SECTION_BODY_MAX);
			String number = section.number() == null ? null : cut(section.number().strip(), 20);
			long id = jdbc.sql("""
					insert into plan_section (plan_id, parent_id, position, number, title, body, level)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(planId, parentId, position++, number, title, body, level)
				.query(Long.class)
				.single();
			counts[0]++;
			counts[1] += insertTargets(planId, id, section.targets(), orgId);
			insertSections(planId, id, level + 1, section.children(), orgId, counts);
		}
	}

	private int insertTargets(long planId, Long sectionId, List<Target> found, long orgId) {
		int count = 0;
		for (Target target : found) {
			if (target.comparator() == null || target.value() == null
					|| target.value().abs().compareTo(new BigDecimal("9999999999")) > 0) {
				continue;
			}
			String metric = target.metric() == null || target.metric().isBlank() ? null : target.metric().strip();
			if (metric != null && !PlanTargets.isMetricName(metric)) {
				throw DomainException.onField("metric", "plan.target.metricFormat");
			}
			String unit = target.unit() == null ? null : cut(target.unit(), 10);
			jdbc.sql("""
					insert into plan_target (plan_id, section_id, text, metric, comparator, threshold, unit, period,
					relative, org_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(planId, sectionId, target.text() == null ? "" : target.text(), metric,
						target.comparator().name(), target.value(), unit,
						target.period() == null ? null : target.period().name(), target.relative(), orgId)
				.update();
			count++;
		}
		return count;
	}

	// ---- editing ---------------------------------------------------------------------------------

	/** Changes the plan's title and lead-in text ({@code null} keeps either). */
	@Transactional
	public PlanSummary retitle(long planId, String title, String leadText) {
		PlanRow plan = store.writable(planId);
		String checked = title == null ? plan.title() : checkTitle(title);
		String lead = leadText == null ? plan.leadText() : Bounds.length("leadText", leadText.strip(), LEAD_TEXT_MAX);
		if (checked.equals(plan.title()) && lead.equals(plan.leadText())) {
			return summary(plan);
		}
		jdbc.sql("update plan set title = ?, lead_text = ? where id = ?").params(checked, lead, planId).update();
		store.changed(plan, checked.equals(plan.title()) ? "修改计划导语" : "修改计划标题：" + plan.title() + " → " + checked);
		return summary(store.find(planId).orElseThrow());
	}

	/** Adds a section as the last child of {@code parentId}, or at the end of the top level when null. */
	@Transactional
	public long addChild(long planId, Long parentId, SectionDraft draft) {
		PlanRow plan = store.writable(planId);
		List<SectionRow> sections = store.sections(planId);
		SectionRow parent = parentId == null ? null : find(sections, parentId, "parentId");
		int position = (int) sections.stream().filter(s -> Objects.equals(s.parentId(), parentId)).count();
		long id = insertSection(planId, parent, position, draft);
		store.changed(plan, "新增部分：" + label(draft.number(), draft.title().strip())
				+ (parent == null ? "" : "（" + label(parent) + "之下）"));
		return id;
	}

	/** Adds a section right after {@code sectionId}, at its level. */
	@Transactional
	public long addSibling(long planId, long sectionId, SectionDraft draft) {
		PlanRow plan = store.writable(planId);
		List<SectionRow> sections = store.sections(planId);
		SectionRow before = find(sections, sectionId, "afterId");
		SectionRow parent = before.parentId() == null ? null : find(sections, before.parentId(), "afterId");
		shift(planId, before.parentId(), before.position() + 1, 1);
		long id = insertSection(planId, parent, before.position() + 1, draft);
		store.changed(plan, "新增部分：" + label(draft.number(), draft.title().strip()) + "（" + label(before) + "之后）");
		return id;
	}

	/** Changes a section's number, title, text or weight ({@code null} keeps each). */
	@Transactional
	public void updateSection(long planId, long sectionId, SectionDraft draft) {
		PlanRow plan = store.writable(planId);
		SectionRow section = store.section(planId, sectionId).orElseThrow(DomainException::notFound);
		String title = draft.title() == null ? section.title() : checkSectionTitle(draft.title());
		String number = draft.number() == null ? section.number() : checkNumber(draft.number());
		String body = draft.body() == null ? section.body() : Bounds.length("body", draft.body().strip(), SECTION_BODY_MAX);
		BigDecimal weight = draft.weight() == null ? section.weight() : checkWeight(draft.weight());
		jdbc.sql("update plan_section set number = ?, title = ?, body = ?, weight = ? where id = ?")
			.params(number, title, body, weight, sectionId)
			.update();
		String before = label(section);
		String after = label(number, title);
		if (!before.equals(after)) {
			store.changed(plan, "修改部分：" + before + " → " + after);
		}
		else if (!body.equals(section.body())) {
			store.changed(plan, "修改部分内容：" + after);
		}
		else if (weight.compareTo(section.weight()) != 0) {
			store.changed(plan, "修改部分权重：" + after + "，" + section.weight().toPlainString() + " → "
					+ TargetRules.plain(weight).toPlainString());
		}
	}

	/**
	 * Moves a section with everything below it under another parent ({@code null}: the top level), at
	 * {@code position} among its new siblings ({@code null}: last); its level and theirs follow.
	 */
	@Transactional
	public void moveSection(long planId, long sectionId, Long parentId, Integer position) {
		PlanRow plan = store.writable(planId);
		List<SectionRow> sections = store.sections(planId);
		SectionRow section = find(sections, sectionId, null);
		SectionRow parent = parentId == null ? null : find(sections, parentId, "parentId");
		Set<Long> subtree = subtree(sections, sectionId);
		if (parent != null && subtree.contains(parent.id())) {
			throw DomainException.onField("parentId", "plan.section.moveIntoItself");
		}
		shift(planId, section.parentId(), section.position() + 1, -1);
		int siblings = (int) sections.stream()
			.filter(s -> Objects.equals(s.parentId(), parentId) && s.id() != sectionId)
			.count();
		int at = position == null ? siblings : Math.max(0, Math.min(position, siblings));
		shift(planId, parentId, at, 1);
		int level = parent == null ? 1 : parent.level() + 1;
		jdbc.sql("update plan_section set parent_id = ?, position = ?, level = ? where id = ?")
			.params(parentId, at, level, sectionId)
			.update();
		relevel(sections, sectionId, level);
		store.changed(plan, "移动部分：" + label(section) + " 至 " + (parent == null ? "第一级" : label(parent) + "之下"));
	}

	/** Deletes a section with its subsections and targets; refused while tasks hang on them. */
	@Transactional
	public void deleteSection(long planId, long sectionId) {
		PlanRow plan = store.writable(planId);
		List<SectionRow> sections = store.sections(planId);
		SectionRow section = find(sections, sectionId, null);
		Set<Long> subtree = subtree(sections, sectionId);
		long tasks = jdbc.sql("select count(*) from plan_task where section_id = any(?)")
			.param(subtree.toArray(Long[]::new))
			.query(Long.class)
			.single();
		if (tasks > 0) {
			throw DomainException.conflict("plan.section.hasTasks", tasks);
		}
		jdbc.sql("delete from plan_section where id = ?").param(sectionId).update();
		shift(planId, section.parentId(), section.position() + 1, -1);
		store.changed(plan, "删除部分：" + label(section));
	}

	private long insertSection(long planId, SectionRow parent, int position, SectionDraft draft) {
		String title = checkSectionTitle(draft.title());
		String number = draft.number() == null ? null : checkNumber(draft.number());
		BigDecimal weight = draft.weight() == null ? BigDecimal.ONE : checkWeight(draft.weight());
		return jdbc.sql("""
				insert into plan_section (plan_id, parent_id, position, number, title, body, level, weight)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(planId, parent == null ? null : parent.id(), position, number, title,
					draft.body() == null ? "" : Bounds.length("body", draft.body().strip(), SECTION_BODY_MAX),
					parent == null ? 1 : parent.level() + 1, weight)
			.query(Long.class)
			.single();
	}

	/** Moves the siblings under {@code parentId} from {@code from} on by {@code by} places. */
	private void shift(long planId, Long parentId, int from, int by) {
		jdbc.sql("""
				update plan_section set position = position + ?
				where plan_id = ? and parent_id is not distinct from ? and position >= ?""")
			.params(by, planId, parentId, from)
			.update();
	}

	private void relevel(List<SectionRow> sections, long sectionId, int level) {
		for (SectionRow child : sections) {
			if (Objects.equals(child.parentId(), sectionId)) {
				jdbc.sql("update plan_section set level = ? where id = ?").params(level + 1, child.id()).update();
				relevel(sections, child.id(), level + 1);
			}
		}
	}

	private static Set<Long> subtree(List<SectionRow> sections, long rootId) {
		Set<Long> ids = new LinkedHashSet<>(List.of(rootId));
		boolean grown = true;
		while (grown) {
			grown = false;
			for (SectionRow section : sections) {
				if (section.parentId() != null && ids.contains(section.parentId()) && ids.add(section.id())) {
					grown = true;
				}
			}
		}
		return ids;
	}

	/** A section of the plan; one named in the body is a field error, one named in the URL "not found". */
	private static SectionRow find(List<SectionRow> sections, long id, String field) {
		return sections.stream()
			.filter(s -> s.id() == id)
			.findFirst()
			.orElseThrow(() -> field == null ? DomainException.notFound()
					: DomainException.onField(field, "plan.section.unknown"));
	}

	// ---- states ----------------------------------------------------------------------------------

	/** Puts a draft in force; from now on every change is kept as a revision, this being the first. */
	@Transactional
	public PlanSummary publish(long planId) {
		PlanRow plan = store.locked(planId);
		switch (plan.status()) {
			case PUBLISHED -> throw DomainException.conflict("plan.publish.already");
			case ARCHIVED -> throw DomainException.conflict("plan.archived");
			case DRAFT -> {
			}
		}
		long sections = jdbc.sql("select count(*) from plan_section where plan_id = ?")
			.param(planId)
			.query(Long.class)
			.single();
		if (sections == 0) {
			throw DomainException.conflict("plan.publish.empty");
		}
		jdbc.sql("update plan set status = 'PUBLISHED', published_at = ?, version = version + 1 where id = ?")
			.params(store.now(), planId)
			.update();
		store.revise(planId, "发布计划");
		audit.record("PUBLISH", "plan", planId, plan.orgId(), "发布计划：《" + plan.title() + "》");
		return summary(store.find(planId).orElseThrow());
	}

	/** Closes a published plan for the record; it can no longer change. */
	@Transactional
	public PlanSummary archive(long planId) {
		PlanRow plan = store.locked(planId);
		switch (plan.status()) {
			case DRAFT -> throw DomainException.conflict("plan.archive.draft");
			case ARCHIVED -> throw DomainException.conflict("plan.archive.already");
			case PUBLISHED -> {
			}
		}
		jdbc.sql("update plan set status = 'ARCHIVED', archived_at = ?, version = version + 1 where id = ?")
			.params(store.now(), planId)
			.update();
		store.revise(planId, "归档计划");
		audit.record("ARCHIVE", "plan", planId, plan.orgId(), "归档计划：《" + plan.title() + "》");
		return summary(store.find(planId).orElseThrow());
	}

	// ---- revisions -------------------------------------------------------------------------------

	/** The revisions of a plan, oldest first. */
	@Transactional(readOnly = true)
	public List<PlanRevision> revisions(long planId) {
		store.readable(planId);
		return jdbc.sql("""
				select number, changed_by, changed_at, summary from plan_revision where plan_id = ? order by number""")
			.param(planId)
			.query((rs, i) -> new PlanRevision(rs.getInt("number"), rs.getString("changed_by"),
					rs.getObject("changed_at", OffsetDateTime.class), rs.getString("summary")))
			.list();
	}

	/** One revision with the plan as it read after it. */
	@Transactional(readOnly = true)
	public PlanRevision.WithSnapshot revision(long planId, int number) {
		store.readable(planId);
		return find(planId, number, null);
	}

	/** What changed between two revisions, line by line. */
	@Transactional(readOnly = true)
	public PlanComparison compare(long planId, int fromRevision, int toRevision) {
		store.readable(planId);
		PlanRevision.WithSnapshot from = find(planId, fromRevision, "from");
		PlanRevision.WithSnapshot to = find(planId, toRevision, "to");
		List<PlanComparison.Line> lines = LineDiff.diff(from.snapshot(), to.snapshot());
		List<String> removed = lines.stream()
			.filter(l -> l.change() == PlanComparison.Change.REMOVED)
			.map(PlanComparison.Line::text)
			.toList();
		List<String> added = lines.stream()
			.filter(l -> l.change() == PlanComparison.Change.ADDED)
			.map(PlanComparison.Line::text)
			.toList();
		return new PlanComparison(fromRevision, toRevision, removed, added, lines);
	}

	private PlanRevision.WithSnapshot find(long planId, int number, String field) {
		return jdbc.sql("""
				select number, changed_by, changed_at, summary from plan_revision
				where plan_id = ? and number = ?""")
			.params(planId, number)
			.query((rs, i) -> new PlanRevision.WithSnapshot(rs.getInt("number"), rs.getString("changed_by"),
					rs.getObject("changed_at", OffsetDateTime.class), rs.getString("summary"),
					store.revisionText(planId, number).orElseThrow()))
			.optional()
			.orElseThrow(() -> field == null ? DomainException.notFound()
					: DomainException.onField(field, "plan.revision.unknown", number));
	}

	// ---- reading ---------------------------------------------------------------------------------

	/** The plan with its outline, the progress of each section, its tasks and its targets' status today. */
	@Transactional(readOnly = true)
	public PlanView view(long planId) {
		PlanRow plan = store.readable(planId);
		List<SectionRow> sections = store.sections(planId);
		List<TaskRow> tasks = store.tasks(planId);
		Map<Long, Double> progress = ProgressRollUp.of(sections, tasks);
		Set<Long> orgIds = new HashSet<>();
		orgIds.add(plan.orgId());
		tasks.forEach(t -> orgIds.add(t.ownerOrgId()));
		Map<Long, String> names = store.orgNames(orgIds);

		Map<Long, List<SectionRow>> children = new HashMap<>();
		sections.forEach(s -> children.computeIfAbsent(s.parentId(), k -> new ArrayList<>()).add(s));
		Map<Long, List<TaskLine>> lines = new HashMap<>();
		for (TaskRow task : tasks) {
			lines.computeIfAbsent(task.sectionId(), k -> new ArrayList<>())
				.add(new TaskLine(task.id(), task.title(), task.ownerOrgId(), names.get(task.ownerOrgId()),
						task.status(), task.deadline(), task.progress(), task.weight()));
		}
		LocalDate today = store.today();
		return new PlanView(PlanSummary.of(plan, names.get(plan.orgId())), ProgressRollUp.percent(progress.get(null)),
				nodes(null, children, lines, progress), targets.views(plan, store.targets(planId), today));
	}

	private static List<SectionNode> nodes(Long parentId, Map<Long, List<SectionRow>> children,
			Map<Long, List<TaskLine>> tasks, Map<Long, Double> progress) {
		List<SectionNode> nodes = new ArrayList<>();
		for (SectionRow s : children.getOrDefault(parentId, List.of())) {
			List<SectionNode> below = nodes(s.id(), children, tasks, progress);
			List<TaskLine> own = tasks.getOrDefault(s.id(), List.of());
			nodes.add(new SectionNode(s.id(), s.parentId(), s.position(), s.number(), s.title(), s.body(), s.level(),
					s.weight(), ProgressRollUp.percent(progress.get(s.id())),
					below.isEmpty() && own.isEmpty() && s.level() > 1, own, below));
		}
		return nodes;
	}

	/** A plan the caller may read, without its contents. */
	@Transactional(readOnly = true)
	public PlanSummary get(long planId) {
		return summary(store.readable(planId));
	}

	/**
	 * The plans of an org and every org below it ({@code orgId} null: of the caller's whole scope), of
	 * one year or ({@code year} null) all, newest year first.
	 */
	@Transactional(readOnly = true)
	public List<PlanSummary> list(Long orgId, Integer year) {
		DataScope scope = scopes.current(Permission.PLAN_READ);
		List<Long> orgIds = new ArrayList<>();
		boolean everything = false;
		if (orgId != null) {
			Org org = orgs.find(orgId).filter(scope::covers).orElseThrow(DomainException::notFound);
			orgIds.addAll(orgs.subtreeIds(org.id()));
		}
		else if (scope.coversEverything()) {
			everything = true;
		}
		else {
			orgIds.addAll(orgs.subtreeIds(scope));
		}
		if (!everything && orgIds.isEmpty()) {
			return List.of();
		}
		List<PlanRow> plans = jdbc.sql("""
				select id from plan where (? or org_id = any(?)) and (cast(? as int) is null or year = ?)
				order by year desc, org_id, id""")
			.params(everything, orgIds.toArray(Long[]::new), year, year)
			.query(Long.class)
			.list()
			.stream()
			.map(id -> store.find(id).orElseThrow())
			.toList();
		Map<Long, String> names = store.orgNames(plans.stream().map(PlanRow::orgId).toList());
		return plans.stream().map(p -> PlanSummary.of(p, names.get(p.orgId()))).toList();
	}

	// ---- checks ----------------------------------------------------------------------------------

	private PlanSummary summary(PlanRow plan) {
		return PlanSummary.of(plan, store.orgNames(List.of(plan.orgId())).get(plan.orgId()));
	}

	private Org writableOrg(long orgId) {
		Org org = orgs.find(orgId)
			.filter(o -> scopes.current(Permission.PLAN_WRITE).covers(o))
			.orElseThrow(DomainException::notFound);
		if (org.isClosed()) {
			throw DomainException.onField("orgId", "plan.org.closed");
		}
		return org;
	}

	private static void checkYear(int year) {
		if (year < 2000 || year > 2100) {
			throw DomainException.onField("year", "plan.year.range");
		}
	}

	private static String checkTitle(String title) {
		if (!StringUtils.hasText(title)) {
			throw DomainException.onField("title", "plan.title.required");
		}
		String stripped = title.strip();
		if (stripped.length() > 200) {
			throw DomainException.onField("title", "plan.title.tooLong");
		}
		return stripped;
	}

	private static String checkSectionTitle(String title) {
		if (!StringUtils.hasText(title)) {
			throw DomainException.onField("title", "plan.section.titleRequired");
		}
		String stripped = title.strip();
		if (stripped.length() > 500) {
			throw DomainException.onField("title", "plan.section.titleTooLong");
		}
		return stripped;
	}

	private static String checkNumber(String number) {
		String stripped = number.strip();
		if (stripped.length() > 20) {
			throw DomainException.onField("number", "plan.section.numberTooLong");
		}
		return stripped.isEmpty() ? null : stripped;
	}

	private static BigDecimal checkWeight(BigDecimal weight) {
		if (weight.signum() < 0 || weight.compareTo(MAX_WEIGHT) > 0 || TargetRules.plain(weight).scale() > 2) {
			throw DomainException.onField("weight", "plan.weight.range");
		}
		return weight;
	}

	private static String label(SectionRow section) {
		return label(section.number(), section.title());
	}

	private static String label(String number, String title) {
		return (number == null ? "" : number.strip()) + title;
	}

	private static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}

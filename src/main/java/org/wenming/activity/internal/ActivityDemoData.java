package org.wenming.activity.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.activity.Activities;
import org.wenming.activity.Activity;
import org.wenming.activity.ActivityType;
import org.wenming.activity.Audience;
import org.wenming.activity.ForgottenCheckOutJob;
import org.wenming.activity.HoursLedger;
import org.wenming.activity.HoursRule;
import org.wenming.activity.NewActivity;
import org.wenming.activity.Signups;
import org.wenming.directory.DataScopes;
import org.wenming.directory.DemoActors;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The activities of the demo city 示范市 (profile {@code demo}, after the demo volunteers): this
 * year up to today, of every type, for the communities and villages and some for the city and the
 * districts (学雷锋日 on 5 March, the festivals, weekly theory study at 和平社区, monthly moral
 * lectures, care visits to empty-nest elders, team service, training, pairing, contests), with
 * sign-ups, attendance and hours confirmed by the organizing org's admin into the ledger; the two
 * years before for the long-standing volunteers of 和平社区; and upcoming ones open for sign-up, one
 * cancelled and one draft. The last two weeks of 和平社区 wait for the leader's confirmation, a few
 * forgotten check-outs among them. Does nothing when the demo activities exist already.
 * <p>
 * Activities are created through {@link Activities}; upcoming sign-ups through {@link Signups}; the
 * hours through {@link HoursLedger} (so points and star levels follow). Sign-ups and attendance of
 * activities already over are written as rows (the services take them only while the activity runs),
 * then the activity clock and the forgotten check-out job move them on as they would have.
 */
@Component
@Profile("demo")
@Order(40)
class ActivityDemoData implements ApplicationRunner {

	static final String MARKER = "学雷锋纪念日志愿服务";

	private static final Logger log = LoggerFactory.getLogger(ActivityDemoData.class);

	private static final List<String> COMMUNITIES = List.of("和平社区", "幸福社区", "红星村", "柳树村", "明珠社区", "文明社区", "桃花村",
			"李家村");

	/** Where the communities are, roughly: 示范市 is placed near 30.27 N, 120.15 E. */
	private static final double LAT = 30.27;

	private static final double LNG = 120.15;

	private final Activities activities;

	private final Signups signups;

	private final HoursLedger ledger;

	private final ForgottenCheckOutJob forgotten;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Map<Long, List<long[]>> busy = new HashMap<>();

	private final List<Long> toConfirm = new ArrayList<>();

	private Random random;

	private OffsetDateTime now;

	private WenmingUser unit;

	private WenmingUser admin;

	private long heping;

	private int attendances;

	private Set<Long> favoured = Set.of();

	ActivityDemoData(Activities activities, Signups signups, HoursLedger ledger, ForgottenCheckOutJob forgotten,
			JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transactions, Clock clock) {
		this.activities = activities;
		this.signups = signups;
		this.ledger = ledger;
		this.forgotten = forgotten;
		this.jdbc = jdbc;
		this.template = template;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Map<String, Long> orgs = demoOrgs();
		if (!orgs.keySet().containsAll(COMMUNITIES) || teams(orgs).size() < COMMUNITIES.size()) {
			log.info("No demo volunteers of 示范市; no demo activities");
			return;
		}
		if (jdbc.sql("select count(*) from activity where organizer_org_id = ? and title like ?")
			.params(orgs.get("和平社区"), "%" + MARKER + "%")
			.query(Long.class)
			.single() > 0) {
			return;
		}
		long started = System.nanoTime();
		DataScopes.asSystem(() -> transactions.executeWithoutResult(status -> seed(orgs)));
		log.info("Demo activities created in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void seed(Map<String, Long> orgs) {
		random = new Random(2026);
		now = OffsetDateTime.now(clock);
		busy.clear();
		toConfirm.clear();
		attendances = 0;
		unit = DemoActors.user(jdbc, "unit");
		admin = DemoActors.user(jdbc, "admin");
		heping = orgs.get("和平社区");
		long volunteer = DemoActors.user(jdbc, "volunteer").personId();
		favoured = Set.of(volunteer, DemoActors.user(jdbc, "leader").personId());
		Map<String, Long> teams = teams(orgs);
		LocalDate today = LocalDate.now(clock);
		int year = today.getYear();
		int count = 0;

		// The long-standing volunteers of 和平社区: a monthly service in each of the two years before.
		List<Long> core = new ArrayList<>();
		core.add(volunteer);
		members(teams.get("和平社区")).stream().filter(p -> p != volunteer).limit(12).forEach(core::add);
		for (int y = year - 2; y < year; y++) {
			for (int m = 1; m <= 12; m++) {
				LocalDate day = LocalDate.of(y, m, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SATURDAY)).plusWeeks(1);
				count += activity(new Spec("和平社区学雷锋志愿服务队" + m + "月志愿服务日", ActivityType.VOLUNTEER_SERVICE, heping,
						teams.get("和平社区"), "和平社区党群服务中心", day, "08:30", "13:30", 20, Audience.TEAM_MEMBERS, null,
						teams.get("和平社区"), HoursRule.FIXED, new BigDecimal("5"), "社区居民", null), core, core.size());
			}
		}

		for (String name : COMMUNITIES) {
			long org = orgs.get(name);
			long team = teams.get(name);
			List<Long> members = members(team);
			List<Long> volunteers = volunteers(org);
			List<Long> residents = residents(org);
			boolean home = org == heping;
			// 学雷锋日
			count += activity(new Spec(name + MARKER, ActivityType.VOLUNTEER_SERVICE, org, team, name + "文化广场",
					LocalDate.of(year, 3, 5), "09:00", "11:30", 40, Audience.VOLUNTEERS, null, null, HoursRule.ACTUAL, null,
					"社区居民", null).at(lat(org), lng(org)), volunteers, 30);
			// the festivals
			for (Map.Entry<String, LocalDate> festival : festivals(year).entrySet()) {
				String title = name + festival.getKey() + switch (festival.getKey()) {
					case "春节" -> "写春联送福字";
					case "元宵节" -> "猜灯谜闹元宵";
					case "清明节" -> "文明祭扫宣传";
					case "端午节" -> "包粽子传文化";
					case "中秋节" -> "邻里中秋游园会";
					case "重阳节" -> "敬老爱老饺子宴";
					default -> "升国旗唱国歌";
				};
				count += activity(new Spec(title, ActivityType.FESTIVAL, org, null, name + "党群服务中心", festival.getValue(),
						"09:30", "11:30", 40, Audience.ORG_RESIDENTS, org, null, HoursRule.ACTUAL, null, name + "居民", null),
						residents, 12 + random.nextInt(10));
			}
			// team service: monthly at 和平社区, every other month elsewhere
			for (int m = 1; m <= 12; m += home ? 1 : 2) {
				LocalDate day = LocalDate.of(year, m, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SATURDAY)).plusWeeks(2);
				count += activity(new Spec(name + "志愿服务队" + m + "月“美丽家园”环境整治", ActivityType.VOLUNTEER_SERVICE, org,
						team, name + "各小区", day, "08:30", "11:30", 30, Audience.TEAM_MEMBERS, null, team, HoursRule.ACTUAL,
						null, "社区环境", null), members, Math.min(members.size(), 14));
			}
			// care visits to 空巢老人, every other month
			List<long[]> elders = elders(org);
			for (int m = 2, i = 0; m <= 12 && !elders.isEmpty(); m += 2, i++) {
				long[] elder = elders.get(i % elders.size());
				LocalDate day = LocalDate.of(year, m, 10 + random.nextInt(10));
				count += activity(new Spec("走访慰问空巢老人" + elderName(elder[1]) + "（" + name + "）", ActivityType.CARE_VISIT, org,
						team, "老人家中", day, "14:30", "16:30", 6, Audience.TEAM_MEMBERS, null, team, HoursRule.FIXED,
						new BigDecimal("2"), "空巢老人", elder[0]).group(), members, 4 + random.nextInt(3));
			}
			// monthly 道德讲堂 at the communities
			if (name.endsWith("社区")) {
				for (int m = 1; m <= 12; m++) {
					LocalDate day = LocalDate.of(year, m, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.THURSDAY));
					count += activity(new Spec(name + "道德讲堂第" + m + "期：" + LECTURES[(m - 1) % LECTURES.length],
							ActivityType.MORAL_LECTURE, org, null, name + "道德讲堂", day, "19:00", "20:30", 50,
							Audience.ORG_RESIDENTS, org, null, HoursRule.ACTUAL, null, name + "居民", null), residents,
							12 + random.nextInt(10));
				}
			}
		}
		List<Long> hepingResidents = residents(heping);
		// weekly 理论学习 at 和平社区, on Wednesday evenings
		for (LocalDate day = LocalDate.of(year, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)); day
			.isBefore(today.plusWeeks(3)); day = day.plusWeeks(1)) {
			count += activity(new Spec("和平社区理论学习：" + STUDY[day.getDayOfYear() / 7 % STUDY.length], ActivityType.THEORY_STUDY,
					heping, null, "和平社区党群服务中心二楼会议室", day, "19:30", "21:00", 30, Audience.ORG_RESIDENTS, heping, null,
					HoursRule.ACTUAL, null, "社区党员和居民", null).at(LAT, LNG), hepingResidents, 10 + random.nextInt(8));
		}
		// the city and the districts
		List<Long> everyone = new ArrayList<>();
		COMMUNITIES.forEach(name -> everyone.addAll(volunteers(orgs.get(name))));
		long city = orgs.get("示范市");
		long office = orgs.get("示范市精神文明建设办公室");
		String[][] trainings = { { "2", "志愿者通用知识培训" }, { "4", "应急救护（AED）培训" }, { "6", "志愿服务项目设计培训" },
				{ "8", "心理疏导志愿者培训" }, { "10", "新时代文明实践骨干培训" } };
		for (String[] training : trainings) {
			count += activity(new Spec("示范市" + training[1], ActivityType.TRAINING, office, null, "示范市新时代文明实践中心报告厅",
					LocalDate.of(year, Integer.parseInt(training[0]), 18), "14:00", "17:00", 120, Audience.VOLUNTEERS, null,
					null, HoursRule.FIXED, new BigDecimal("3"), "全市志愿者", null), everyone, 30 + random.nextInt(20));
		}
		for (String district : List.of("东城区", "西湖区")) {
			long org = orgs.get(district);
			List<Long> pool = new ArrayList<>();
			COMMUNITIES.stream().filter(name -> districtOf(name).equals(district)).forEach(name -> pool.addAll(residents(orgs.get(name))));
			String[][] sports = { { "4", "全民健身广场舞展演" }, { "7", "邻里运动会" }, { "10", "“我们的节日”文艺汇演" } };
			for (String[] sport : sports) {
				count += activity(new Spec(district + sport[1], ActivityType.CULTURE_SPORTS, org, null, district + "全民健身中心",
						LocalDate.of(year, Integer.parseInt(sport[0]), 22), "15:00", "17:30", 80, Audience.ANYONE, null, null,
						HoursRule.ACTUAL, null, "辖区居民", null), pool, 25 + random.nextInt(15));
			}
			count += activity(new Spec(district + "社会主义核心价值观知识竞赛", ActivityType.CONTEST, org, null, district + "文化馆",
					LocalDate.of(year, 9, 12), "09:00", "11:30", 60, Audience.ANYONE, null, null, HoursRule.ACTUAL, null,
					"辖区居民", null), pool, 30 + random.nextInt(20));
		}
		count += activity(new Spec("示范市“文明家庭”故事演讲比赛", ActivityType.CONTEST, office, null, "示范市文化中心",
				LocalDate.of(year, 5, 20), "14:00", "17:00", 100, Audience.ANYONE, null, null, HoursRule.ACTUAL, null,
				"全市市民", null), everyone, 50);
		String[][] pairs = { { "示范市水利局", "红星村", "3" }, { "示范市财政局", "和平社区", "5" }, { "示范市地方税务局", "明珠社区", "6" },
				{ "示范市水利局", "柳树村", "9" } };
		for (String[] pair : pairs) {
			long org = orgs.get(pair[0]);
			count += activity(new Spec(pair[0] + "与" + pair[1] + "结对共建：共驻共建文明实践", ActivityType.PAIRING, org, null,
					pair[1] + "党群服务中心", LocalDate.of(year, Integer.parseInt(pair[2]), 15), "09:00", "11:30", 40,
					Audience.ANYONE, null, null, HoursRule.ACTUAL, null, pair[1], null), residents(orgs.get(pair[1])),
					20 + random.nextInt(10));
		}
		count += activity(new Spec("和平社区“文明楼道”评选总结会", ActivityType.OTHER, heping, null, "和平社区党群服务中心",
				LocalDate.of(year, 6, 28), "15:00", "16:30", 40, Audience.ORG_RESIDENTS, heping, null, HoursRule.ACTUAL, null,
				"社区居民", null), hepingResidents, 25);
		// across midnight: 除夕守岁 at 和平社区
		LocalDate eve = festivals(year).get("春节").minusDays(1);
		count += activity(new Spec("和平社区除夕守岁迎新春", ActivityType.FESTIVAL, heping, teams.get("和平社区"), "和平社区文化广场", eve,
				"21:00", "01:00", 40, Audience.ANYONE, null, null, HoursRule.ACTUAL, null, "社区居民", null).at(LAT, LNG),
				hepingResidents, 30);

		upcoming(orgs, teams, volunteer, today);
		count += 6;

		// The clock moves what has ended on (no-shows marked); forgotten check-outs are closed and flagged.
		activities.advance();
		int flagged = forgotten.run(now);
		int credited = 0;
		for (long id : toConfirm) {
			long organizer = jdbc.sql("select organizer_org_id from activity where id = ?").param(id).query(Long.class).single();
			WenmingUser approver = organizer == heping ? unit : admin;
			try {
				credited += DemoActors.as(approver, () -> nested().execute(status -> ledger.confirmAll(id))).size();
			}
			catch (DomainException ex) {
				log.warn("Demo hours of activity {} not confirmed: {}", id, ex.getMessage());
			}
		}
		log.info("Demo activities: {} activities, {} attendances, {} credited, {} forgotten check-outs flagged", count,
				attendances, credited, flagged);
	}

	/** Upcoming activities open for sign-up, one cancelled, one draft. */
	private void upcoming(Map<String, Long> orgs, Map<String, Long> teams, long volunteer, LocalDate today) {
		long team = teams.get("和平社区");
		LocalDate saturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
		List<Long> members = members(team);
		Activity service = open(new Spec("和平社区学雷锋志愿服务队冬季关爱行动", ActivityType.VOLUNTEER_SERVICE, heping, team,
				"和平社区党群服务中心", saturday, "09:00", "11:30", 20, Audience.TEAM_MEMBERS, null, team, HoursRule.ACTUAL, null,
				"社区困难群众", null).at(LAT, LNG));
		signUp(service, volunteer);
		members.stream().filter(p -> p != volunteer).limit(12).forEach(p -> signUp(service, p));
		Activity training = open(new Spec("和平社区志愿者应急救护培训（小班）", ActivityType.TRAINING, heping, null, "和平社区卫生服务站",
				saturday.plusDays(1), "14:00", "16:00", 10, Audience.VOLUNTEERS, null, null, HoursRule.FIXED,
				new BigDecimal("2"), "社区志愿者", null));
		volunteers(heping).stream().filter(p -> p != volunteer).limit(14).forEach(p -> signUp(training, p));
		Activity newYear = open(new Spec("示范市“迎新年”志愿服务集中行动", ActivityType.VOLUNTEER_SERVICE, orgs.get("示范市精神文明建设办公室"),
				null, "示范市新时代文明实践中心", today.plusDays(20), "09:00", "12:00", 200, Audience.VOLUNTEERS, null, null,
				HoursRule.ACTUAL, null, "全市市民", null));
		volunteers(orgs.get("明珠社区")).stream().limit(15).forEach(p -> signUp(newYear, p));
		Activity lecture = open(new Spec("幸福社区道德讲堂：孝老爱亲", ActivityType.MORAL_LECTURE, orgs.get("幸福社区"), null,
				"幸福社区道德讲堂", today.plusDays(10), "19:00", "20:30", 50, Audience.ORG_RESIDENTS, orgs.get("幸福社区"), null,
				HoursRule.ACTUAL, null, "社区居民", null));
		residents(orgs.get("幸福社区")).stream().limit(12).forEach(p -> signUp(lecture, p));
		Activity cancelled = open(new Spec("和平社区户外健步走", ActivityType.CULTURE_SPORTS, heping, null, "滨江绿道", today.plusDays(5),
				"08:00", "10:00", 60, Audience.ORG_RESIDENTS, heping, null, HoursRule.ACTUAL, null, "社区居民", null));
		residents(heping).stream().limit(8).forEach(p -> signUp(cancelled, p));
		DemoActors.as(unit, () -> activities.cancel(cancelled.id(), "受寒潮大风天气影响，为保障居民安全，活动取消，另行通知。"));
		DemoActors.as(unit, () -> activities.create(new Spec("和平社区新春邻里年货节（筹备中）", ActivityType.FESTIVAL, heping, null,
				"和平社区文化广场", today.plusDays(45), "09:00", "12:00", 100, Audience.ANYONE, null, null, HoursRule.ACTUAL,
				null, "社区居民", null).draft()));
	}

	private Activity open(Spec spec) {
		WenmingUser staff = spec.org == heping ? unit : admin;
		return DemoActors.as(staff, () -> {
			Activity created = activities.create(spec.draft());
			return activities.publish(created.id());
		});
	}

	private void signUp(Activity activity, long person) {
		try {
			nested().executeWithoutResult(status -> signups.signUp(activity.id(), person));
		}
		catch (DomainException ex) {
			// someone busy then: they simply do not sign up
		}
	}

	/** A savepoint within the seeding transaction, so that a refusal rolls back only its own work. */
	private TransactionTemplate nested() {
		TransactionTemplate nested = new TransactionTemplate(transactions.getTransactionManager());
		nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		return nested;
	}

	/**
	 * One activity: created by the organizer's staff; if it is over, with its sign-ups (a few
	 * waiting, a few no-shows) and attendance; if it runs now, with check-ins; if it is ahead, open
	 * for sign-up. Returns 1 when created, 0 when it lies too far ahead.
	 */
	private int activity(Spec spec, List<Long> pool, int wanted) {
		if (spec.startsAt().isAfter(now)) {
			if (spec.startsAt().isAfter(now.plusDays(45))) {
				return 0;
			}
			Activity activity = open(spec);
			pool.stream().limit(Math.min(wanted, spec.capacity / 2)).forEach(p -> signUp(activity, p));
			return 1;
		}
		WenmingUser staff = spec.org == heping ? unit : admin;
		Activity activity = DemoActors.as(staff, () -> activities.create(spec.draft()));
		long from = spec.startsAt().toEpochSecond();
		long to = spec.endsAt().toEpochSecond();
		List<Long> chosen = new ArrayList<>();
		List<Long> shuffled = new ArrayList<>(pool);
		java.util.Collections.shuffle(shuffled, random);
		// the demo volunteer and leader come first where they may
		shuffled.sort((a, b) -> Boolean.compare(!favoured.contains(a), !favoured.contains(b)));
		for (long person : shuffled) {
			if (chosen.size() >= wanted + 3) {
				break;
			}
			List<long[]> periods = busy.computeIfAbsent(person, p -> new ArrayList<>());
			if (periods.stream().noneMatch(p -> p[0] < to + 1800 && p[1] > from - 1800)) {
				chosen.add(person);
			}
		}
		boolean over = !spec.endsAt().isAfter(now);
		boolean recent = spec.org == heping && spec.endsAt().isAfter(now.minusDays(14));
		List<Object[]> signupRows = new ArrayList<>();
		List<Object[]> attendanceRows = new ArrayList<>();
		int confirmed = 0;
		for (int i = 0; i < chosen.size(); i++) {
			long person = chosen.get(i);
			OffsetDateTime signedAt = spec.startsAt().minusDays(3 + random.nextInt(10)).minusMinutes(random.nextInt(600));
			if (confirmed >= spec.capacity) {
				signupRows.add(new Object[] { activity.id(), person, "WAITLISTED", signedAt, null });
				continue;
			}
			confirmed++;
			signupRows.add(new Object[] { activity.id(), person, "CONFIRMED", signedAt, signedAt });
			boolean noShow = i > 0 && random.nextInt(15) == 0;
			if (noShow) {
				continue;
			}
			OffsetDateTime in = spec.startsAt().minusMinutes(random.nextInt(20));
			OffsetDateTime out = spec.endsAt().plusMinutes(random.nextInt(15)).minusMinutes(random.nextInt(25));
			boolean forgot = recent && over && i > 0 && random.nextInt(12) == 0;
			if (!over || forgot) {
				out = null;
			}
			attendanceRows.add(new Object[] { activity.id(), person, in, out, spec.group ? "GROUP" : "QR",
					spec.group ? staff.getUsername() : "demo" });
			busy.get(person).add(new long[] { from, to });
		}
		template.batchUpdate("""
				insert into activity_signup (activity_id, person_id, status, created_at, confirmed_at)
				values (?, ?, ?, ?, ?)""", signupRows);
		template.batchUpdate("""
				insert into attendance (activity_id, person_id, checked_in_at, checked_out_at, method, recorded_by)
				values (?, ?, ?, ?, ?, ?)""", attendanceRows);
		jdbc.sql("update activity set status = 'OPEN', confirmed_count = ? where id = ?").params(confirmed, activity.id())
			.update();
		attendances += attendanceRows.size();
		if (over && !recent) {
			toConfirm.add(activity.id());
		}
		return 1;
	}

	// ---- the demo city ------------------------------------------------------------------------------

	private Map<String, Long> demoOrgs() {
		Map<String, Long> byName = new LinkedHashMap<>();
		jdbc.sql("""
				select o.name, o.id from org o join org city on o.path like city.path || '%'
				where city.name = '示范市' and city.parent_id is null and city.closed_at is null and o.closed_at is null
				order by o.id""")
			.query((rs, i) -> byName.putIfAbsent(rs.getString(1), rs.getLong(2)))
			.list();
		return byName;
	}

	private Map<String, Long> teams(Map<String, Long> orgs) {
		Map<String, Long> teams = new HashMap<>();
		for (String name : COMMUNITIES) {
			if (orgs.containsKey(name)) {
				jdbc.sql("select id from volunteer_team where org_id = ? and closed_at is null order by id limit 1")
					.param(orgs.get(name))
					.query(Long.class)
					.optional()
					.ifPresent(id -> teams.put(name, id));
			}
		}
		return teams;
	}

	/** The team's active members, the leader first; the demo volunteer right after. */
	private List<Long> members(long team) {
		return jdbc.sql("""
				select m.person_id from team_member m join volunteer_team t on t.id = m.team_id
				left join account a on a.person_id = m.person_id
				where m.team_id = ? and m.status = 'ACTIVE'
				order by m.person_id = t.leader_person_id desc, a.username = 'volunteer' desc nulls last, m.id""")
			.param(team)
			.query(Long.class)
			.list();
	}

	/** The registered volunteers of a community, the demo volunteer first. */
	private List<Long> volunteers(long org) {
		return jdbc.sql("""
				select v.person_id from volunteer v left join account a on a.person_id = v.person_id
				where v.org_id = ? and v.status = 'ACTIVE' order by a.username = 'volunteer' desc nulls last, v.id""")
			.param(org)
			.query(Long.class)
			.list();
	}

	/**
	 * Residents of a community aged 10 or more, the demo volunteer first; no one of the other demo
	 * accounts but the resident (the staff confirm hours and may not confirm their own).
	 */
	private List<Long> residents(long org) {
		return jdbc.sql("""
				select p.id from person p left join account a on a.person_id = p.id
				where p.home_org_id = ? and p.birth_year < extract(year from current_date) - 10
				and (a.username is null or a.username in ('volunteer', 'resident', 'leader'))
				order by a.username = 'volunteer' desc nulls last, p.id""")
			.param(org)
			.query(Long.class)
			.list();
	}

	/** The empty-nest elders of a community: care recipient id and person id. */
	private List<long[]> elders(long org) {
		return jdbc.sql("""
				select c.id, c.person_id from care_recipient c where c.responsible_org_id = ? and c.type = 'EMPTY_NEST_ELDER'
				and c.closed_at is null order by c.id""")
			.param(org)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	private String elderName(long person) {
		String name = jdbc.sql("select name from person where id = ?").param(person).query(String.class).single();
		return name.charAt(0) + (name.length() > 2 ? "奶奶" : "大爷");
	}

	private double lat(long org) {
		return LAT + (org % 17) * 0.004;
	}

	private double lng(long org) {
		return LNG + (org % 13) * 0.004;
	}

	private static String districtOf(String community) {
		return List.of("和平社区", "幸福社区", "红星村", "柳树村").contains(community) ? "东城区" : "西湖区";
	}

	/**
	 * The festivals of a year by the date they fall on (春节, 元宵节, 端午节, 中秋节, 重阳节 follow the lunar
	 * calendar; years outside the table get a date close to theirs).
	 */
	static Map<String, LocalDate> festivals(int year) {
		String[] lunar = switch (year) {
			case 2025 -> new String[] { "01-29", "02-12", "05-31", "10-06", "10-29" };
			case 2026 -> new String[] { "02-17", "03-03", "06-19", "09-25", "10-18" };
			case 2027 -> new String[] { "02-06", "02-20", "06-09", "09-15", "10-08" };
			case 2028 -> new String[] { "01-26", "02-09", "05-28", "10-03", "10-26" };
			default -> new String[] { "02-08", "02-22", "06-10", "09-20", "10-15" };
		};
		Map<String, LocalDate> festivals = new LinkedHashMap<>();
		festivals.put("春节", LocalDate.parse(year + "-" + lunar[0]));
		festivals.put("元宵节", LocalDate.parse(year + "-" + lunar[1]));
		festivals.put("清明节", LocalDate.of(year, 4, 4));
		festivals.put("端午节", LocalDate.parse(year + "-" + lunar[2]));
		festivals.put("中秋节", LocalDate.parse(year + "-" + lunar[3]));
		festivals.put("重阳节", LocalDate.parse(year + "-" + lunar[4]));
		festivals.put("国庆节", LocalDate.of(year, 10, 1));
		return festivals;
	}

	private static final String[] LECTURES = { "孝老爱亲", "诚实守信", "敬业奉献", "见义勇为", "助人为乐", "勤俭节约", "邻里和睦",
			"文明礼让", "爱岗敬业", "家风家训", "移风易俗", "绿色生活" };

	private static final String[] STUDY = { "学习党的二十届历次全会精神", "学习习近平文化思想", "学习《新时代公民道德建设实施纲要》",
			"学习《中华人民共和国志愿服务条例》", "学习基层治理典型经验", "学习社会主义核心价值观", "学习《民法典》婚姻家庭编",
			"学习新时代文明实践工作要点" };

	/** What an activity is, with its day and times in China (an end before the start is the next day). */
	private final class Spec {

		final String title;

		final ActivityType type;

		final long org;

		final Long team;

		final String place;

		final LocalDate day;

		final String from;

		final String to;

		final int capacity;

		final Audience audience;

		final Long audienceOrg;

		final Long audienceTeam;

		final HoursRule rule;

		final BigDecimal fixed;

		final String target;

		final Long careRecipient;

		Double lat;

		Double lng;

		boolean group;

		Spec(String title, ActivityType type, long org, Long team, String place, LocalDate day, String from, String to,
				int capacity, Audience audience, Long audienceOrg, Long audienceTeam, HoursRule rule, BigDecimal fixed,
				String target, Long careRecipient) {
			this.title = title;
			this.type = type;
			this.org = org;
			this.team = team;
			this.place = place;
			this.day = day;
			this.from = from;
			this.to = to;
			this.capacity = capacity;
			this.audience = audience;
			this.audienceOrg = audienceOrg;
			this.audienceTeam = audienceTeam;
			this.rule = rule;
			this.fixed = fixed;
			this.target = target;
			this.careRecipient = careRecipient;
		}

		Spec at(double lat, double lng) {
			this.lat = lat;
			this.lng = lng;
			return this;
		}

		/** Attendance recorded for the group (集体录入) by the organizer. */
		Spec group() {
			this.group = true;
			return this;
		}

		OffsetDateTime startsAt() {
			return LocalDateTime.of(day, LocalTime.parse(from)).atZone(clock.getZone()).toOffsetDateTime();
		}

		OffsetDateTime endsAt() {
			LocalTime end = LocalTime.parse(to);
			LocalDate endDay = end.isAfter(LocalTime.parse(from)) ? day : day.plusDays(1);
			return LocalDateTime.of(endDay, end).atZone(clock.getZone()).toOffsetDateTime();
		}

		NewActivity draft() {
			return new NewActivity(title, type, org, team, place, lat, lng, lat == null ? null : 300, startsAt(), endsAt(),
					capacity, null, null, null, audience, audienceOrg, audienceTeam, rule, fixed, target, careRecipient);
		}

	}

}

package org.wenming.volunteer.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.directory.DataScopes;
import org.wenming.directory.DemoActors;
import org.wenming.platform.crypto.PersonalDataCipher;
import org.wenming.platform.security.WenmingUser;
import org.wenming.volunteer.NewTeam;
import org.wenming.volunteer.Team;
import org.wenming.volunteer.TeamMember;
import org.wenming.volunteer.Teams;
import org.wenming.volunteer.Volunteer;
import org.wenming.volunteer.VolunteerRegistration;
import org.wenming.volunteer.Volunteers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The volunteers of the demo city 示范市 (profile {@code demo}, after the directory's demo data):
 * about 15% of the residents of each community or village registered by their community, a few
 * self-registrations of 和平社区 waiting for review, one refused and one deregistered; one team
 * (志愿服务队) per community or village with its members and a few applications. The demo account
 * {@code volunteer} is a volunteer of 和平社区, {@code leader} leads its team (as staff, not a
 * registered volunteer), {@code resident} is no volunteer. Does nothing when the teams exist already.
 */
@Component
@Profile("demo")
@Order(30)
class VolunteerDemoData implements ApplicationRunner {

	/** The team of each community or village, in the order of the directory's demo data. */
	static final Map<String, String> TEAMS = teams();

	private static final Logger log = LoggerFactory.getLogger(VolunteerDemoData.class);

	private static final String[] SKILLS = { "文艺表演", "医疗护理", "法律咨询", "家电维修", "心理疏导", "摄影摄像", "书法绘画", "课业辅导",
			"驾驶", "烹饪", "计算机", "急救" };

	private static final String[] AREAS = { "助老助残", "环境保护", "文化文艺", "卫生健康", "理论宣讲", "科学普及", "平安建设", "关爱儿童" };

	private static final String[] AVAILABILITY = { "周末全天", "工作日晚上", "周六上午", "节假日", "随时", "工作日白天" };

	private final Volunteers volunteers;

	private final Teams teams;

	private final PersonalDataCipher cipher;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	VolunteerDemoData(Volunteers volunteers, Teams teams, PersonalDataCipher cipher, JdbcClient jdbc,
			TransactionTemplate transactions) {
		this.volunteers = volunteers;
		this.teams = teams;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		Map<String, Long> communities = communities();
		if (communities.size() < TEAMS.size() || !accountsExist()) {
			log.info("No demo city 示范市; no demo volunteers");
			return;
		}
		if (jdbc.sql("select count(*) from volunteer_team where org_id = ? and name = ?")
			.params(communities.get("和平社区"), TEAMS.get("和平社区"))
			.query(Long.class)
			.single() > 0) {
			return;
		}
		long started = System.nanoTime();
		DataScopes.asSystem(() -> transactions.executeWithoutResult(status -> seed(communities)));
		log.info("Demo volunteers created in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void seed(Map<String, Long> communities) {
		Random random = new Random(2026);
		WenmingUser unit = DemoActors.user(jdbc, "unit");
		WenmingUser admin = DemoActors.user(jdbc, "admin");
		long volunteerPerson = DemoActors.user(jdbc, "volunteer").personId();
		long leaderPerson = DemoActors.user(jdbc, "leader").personId();
		int registered = 0;
		int members = 0;
		int applications = 0;
		for (Map.Entry<String, Long> community : communities.entrySet()) {
			String name = community.getKey();
			long orgId = community.getValue();
			boolean heping = "和平社区".equals(name);
			WenmingUser staff = heping ? unit : admin;
			List<Long> candidates = candidates(orgId);
			long residents = jdbc.sql("select count(*) from person where home_org_id = ?").param(orgId).query(Long.class)
				.single();
			int target = Math.round(residents * 0.15f);
			List<Long> active = new ArrayList<>();
			if (heping) {
				active.add(register(staff, volunteerPerson, orgId, random));
			}
			for (long person : candidates) {
				if (active.size() >= target) {
					break;
				}
				if (random.nextInt(100) < 60) {
					active.add(register(staff, person, orgId, random));
				}
			}
			registered += active.size();
			List<Long> rest = candidates.stream().filter(person -> !active.contains(person)).toList();
			if (heping) {
				pendingAndEnded(unit, orgId, rest, random);
			}
			long leader = heping ? leaderPerson : active.get(0);
			Team team = DemoActors.as(staff, () -> teams.create(new NewTeam(orgId, TEAMS.get(name), leader,
					name + "的志愿服务队，常态化开展" + AREAS[random.nextInt(AREAS.length)] + "、"
							+ AREAS[random.nextInt(AREAS.length)] + "等志愿服务。",
					"助老助残、环境保护、文化文艺")));
			List<Long> joining = new ArrayList<>(active);
			joining.remove(leader);
			joining.add(0, leader);
			if (heping) {
				joining.remove(volunteerPerson);
				joining.add(1, volunteerPerson);
			}
			int size = Math.min(joining.size() - 2, 10 + random.nextInt(21));
			for (int i = 0; i < size + 2; i++) {
				long person = joining.get(i);
				TeamMember application = DemoActors.as(staff, () -> teams.apply(team.id(), person));
				if (i < size) {
					DemoActors.as(staff, () -> teams.approve(team.id(), application.id()));
					members++;
				}
				else {
					applications++;
				}
			}
		}
		log.info("Demo volunteers: {} registered, {} teams with {} members and {} applications", registered,
				communities.size(), members, applications);
	}

	/** At 和平社区: three self-registrations waiting for review, one refused, one deregistered. */
	private void pendingAndEnded(WenmingUser unit, long orgId, List<Long> rest, Random random) {
		for (int i = 0; i < 4; i++) {
			long person = rest.get(i);
			Volunteer pending = DemoActors.as(unit, () -> volunteers.registerSelf(person,
					registration(null, orgId, idNumber(person), random)));
			if (i == 3) {
				DemoActors.as(unit, () -> volunteers.reject(pending.id(), "身份信息与户籍登记不一致，请到社区服务站现场核验后重新申请。"));
			}
		}
		long ended = register(unit, rest.get(4), orgId, random);
		long id = DemoActors.as(unit, () -> volunteers.current(ended).orElseThrow().id());
		DemoActors.as(unit, () -> volunteers.deregister(id, "一年内多次报名后未到场，经本人同意注销注册。"));
	}

	private long register(WenmingUser staff, long person, long orgId, Random random) {
		DemoActors.as(staff, () -> volunteers.registerByUnit(registration(person, orgId, null, random)));
		return person;
	}

	private static VolunteerRegistration registration(Long person, long orgId, String idNumber, Random random) {
		String skill = SKILLS[random.nextInt(SKILLS.length)];
		String other = SKILLS[random.nextInt(SKILLS.length)];
		return new VolunteerRegistration(person, orgId, idNumber, skill.equals(other) ? skill : skill + "、" + other,
				AREAS[random.nextInt(AREAS.length)] + "、" + AREAS[random.nextInt(AREAS.length)],
				AVAILABILITY[random.nextInt(AVAILABILITY.length)],
				VolunteerRegistration.EDUCATIONS.get(random.nextInt(VolunteerRegistration.EDUCATIONS.size())), null,
				null, null);
	}

	/**
	 * Adults (16 to 75) living in the community, without an account (the demo accounts are placed by
	 * hand), in a fixed order.
	 */
	private List<Long> candidates(long orgId) {
		return jdbc.sql("""
				select p.id from person p where p.home_org_id = ?
				and p.birth_year between extract(year from current_date) - 75 and extract(year from current_date) - 16
				and not exists (select 1 from account a where a.person_id = p.id)
				and not exists (select 1 from volunteer v where v.person_id = p.id)
				order by p.id""")
			.param(orgId)
			.query(Long.class)
			.list();
	}

	/** The ID number a person types when registering from the phone: the one the directory holds. */
	private String idNumber(long person) {
		byte[] stored = jdbc.sql("select id_number_cipher from person where id = ?").param(person).query(byte[].class)
			.single();
		return cipher.decrypt("person.id_number", stored);
	}

	private boolean accountsExist() {
		return jdbc.sql("""
				select count(*) from account where username in ('admin', 'unit', 'leader', 'volunteer', 'resident')""")
			.query(Long.class)
			.single() == 5;
	}

	/** The communities and villages of 示范市 by name, in the order of {@link #TEAMS}. */
	private Map<String, Long> communities() {
		Map<String, Long> byName = new LinkedHashMap<>();
		for (String name : TEAMS.keySet()) {
			jdbc.sql("""
					select o.id from org o join org city on o.path like city.path || '%'
					where city.name = '示范市' and city.parent_id is null and city.closed_at is null
					and o.name = ? and o.closed_at is null order by o.id limit 1""")
				.param(name)
				.query(Long.class)
				.optional()
				.ifPresent(id -> byName.put(name, id));
		}
		return byName;
	}

	private static Map<String, String> teams() {
		Map<String, String> teams = new LinkedHashMap<>();
		teams.put("和平社区", "和平社区学雷锋志愿服务队");
		teams.put("幸福社区", "幸福社区邻里守望志愿服务队");
		teams.put("红星村", "红星村乡风文明志愿服务队");
		teams.put("柳树村", "柳树村美丽乡村志愿服务队");
		teams.put("明珠社区", "明珠社区文明实践志愿服务队");
		teams.put("文明社区", "文明社区银龄志愿服务队");
		teams.put("桃花村", "桃花村移风易俗志愿服务队");
		teams.put("李家村", "李家村红色宣讲志愿服务队");
		return teams;
	}

}

package org.wenming.directory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.directory.Accounts;
import org.wenming.directory.CareRecipientType;
import org.wenming.directory.CareRecipients;
import org.wenming.directory.DataScopes;
import org.wenming.directory.IdNumbers;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;
import org.wenming.directory.People;
import org.wenming.directory.PersonCommand;
import org.wenming.directory.PersonQuery;
import org.wenming.directory.Role;
import org.wenming.platform.notify.Notifications;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo city 示范市 (profile {@code demo}, into a database that has no 示范市 yet): two
 * districts, four streets and towns, eight communities and villages, the bureaus of the seed
 * plans with their departments, about 2,000 residents with valid ID numbers, care recipients, and
 * the demo accounts, all with the password {@code Demo@2026}. A demo account whose user name is
 * already taken (the first start's {@code admin}, or anyone's) is left alone: the demo never sets
 * the password, unlocks or grants a role to an account it did not create itself.
 */
@Component
@Profile("demo")
@Order(10)
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "Demo@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华玉兰文辉志强春梅海燕红梅晓东子涵浩然欣怡雨轩思远佳怡梓萱宇航嘉怡俊杰雅婷博文诗涵德华秀珍淑华国强凤英金凤";

	private final OrgDirectory orgs;

	private final People people;

	private final CareRecipients careRecipients;

	private final Accounts accounts;

	private final Notifications notifications;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	DemoData(OrgDirectory orgs, People people, CareRecipients careRecipients, Accounts accounts,
			Notifications notifications, JdbcClient jdbc, TransactionTemplate transactions) {
		this.orgs = orgs;
		this.people = people;
		this.careRecipients = careRecipients;
		this.accounts = accounts;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Not "the org table is empty": the database may hold other orgs already (the first start's
		// root org, or whatever other test classes of the same JVM created).
		if (jdbc.sql("select count(*) from org where name = '示范市' and parent_id is null and closed_at is null")
			.query(Long.class)
			.single() > 0) {
			return;
		}
		long started = System.nanoTime();
		DataScopes.asSystem(() -> transactions.executeWithoutResult(status -> seed()));
		log.info("Demo data created in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void seed() {
		Random random = new Random(2026);
		Org city = orgs.create(null, "示范市", OrgType.CITY, "990100");
		orgs.create(city.id(), "示范市精神文明建设办公室", OrgType.AGENCY, null);
		Map<String, Org> residential = new LinkedHashMap<>();
		Map<String, String> regionOf = new LinkedHashMap<>();
		Org east = orgs.create(city.id(), "东城区", OrgType.DISTRICT, "990102");
		Org west = orgs.create(city.id(), "西湖区", OrgType.DISTRICT, "990105");
		Org dongfeng = orgs.create(east.id(), "东风街道", OrgType.STREET, "990102001");
		Org xiangyang = orgs.create(east.id(), "向阳镇", OrgType.STREET, "990102101");
		Org hubin = orgs.create(west.id(), "湖滨街道", OrgType.STREET, "990105001");
		Org taoyuan = orgs.create(west.id(), "桃源镇", OrgType.STREET, "990105101");
		for (Object[] c : new Object[][] { { dongfeng, "和平社区", OrgType.COMMUNITY, "990102" },
				{ dongfeng, "幸福社区", OrgType.COMMUNITY, "990102" }, { xiangyang, "红星村", OrgType.VILLAGE, "990102" },
				{ xiangyang, "柳树村", OrgType.VILLAGE, "990102" }, { hubin, "明珠社区", OrgType.COMMUNITY, "990105" },
				{ hubin, "文明社区", OrgType.COMMUNITY, "990105" }, { taoyuan, "桃花村", OrgType.VILLAGE, "990105" },
				{ taoyuan, "李家村", OrgType.VILLAGE, "990105" } }) {
			Org org = orgs.create(((Org) c[0]).id(), (String) c[1], (OrgType) c[2], null);
			residential.put(org.name(), org);
			regionOf.put(org.name(), (String) c[3]);
		}
		orgs.create(residential.get("和平社区").id(), "和平社区学校", OrgType.SCHOOL, null);
		orgs.create(east.id(), "示范市第一中学", OrgType.SCHOOL, null);
		orgs.create(city.id(), "示范市阳光志愿者协会", OrgType.SOCIAL_ORG, null);
		orgs.create(west.id(), "示范市湖滨建设集团", OrgType.ENTERPRISE, null);
		List<Org> workplaces = new ArrayList<>();
		for (String[] bureau : new String[][] { { "示范市地方税务局", "办公室", "征收管理科", "人事教育科", "纳税服务科" },
				{ "示范市水利局", "办公室", "规划计划科", "工程建设科", "水资源管理科" },
				{ "示范市财政局", "办公室", "预算科", "国库科", "综合科" } }) {
			Org agency = orgs.create(city.id(), bureau[0], OrgType.AGENCY, null);
			workplaces.add(agency);
			for (int i = 1; i < bureau.length; i++) {
				workplaces.add(orgs.create(agency.id(), bureau[i], OrgType.DEPARTMENT, null));
			}
		}

		List<PersonCommand> residents = new ArrayList<>();
		List<String> homes = new ArrayList<>();
		java.util.Set<String> issued = new java.util.HashSet<>();
		for (Map.Entry<String, Org> entry : residential.entrySet()) {
			for (int i = 0; i < 250; i++) {
				LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 75));
				String id = idNumber(regionOf.get(entry.getKey()), birth, issued, random);
				String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + given(random);
				int age = LocalDate.now().getYear() - birth.getYear();
				Long work = null;
				List<String> tags = new ArrayList<>(List.of("居民"));
				String political = age < 14 ? "群众" : pick(random, "群众", "群众", "群众", "中共党员", "共青团员");
				if (age >= 22 && age <= 60 && random.nextInt(8) == 0) {
					work = workplaces.get(random.nextInt(workplaces.size())).id();
					tags.add("职工");
					if (random.nextInt(3) == 0) {
						tags.add("干部");
						if (random.nextInt(5) == 0) {
							tags.add("处级以上干部");
						}
					}
				}
				if ("中共党员".equals(political)) {
					tags.add("党员");
				}
				String phone = age < 12 ? null : "1" + pick(random, "3", "5", "7", "8", "9")
						+ String.format("%09d", random.nextInt(1_000_000_000));
				String address = "示范市" + entry.getKey() + (1 + random.nextInt(30)) + "号楼" + (1 + random.nextInt(4)) + "单元"
						+ (101 + random.nextInt(18) * 100 + random.nextInt(4)) + "室";
				residents.add(new PersonCommand(name, null, null, id, phone, address, political, tags, work,
						entry.getValue().id()));
				homes.add(entry.getKey());
			}
		}
		people.createAll(residents);

		List<Long> careCount = new ArrayList<>();
		jdbc.sql("""
				select p.id, p.birth_year, p.home_org_id from person p
				where p.home_org_id is not null and p.birth_year is not null
				order by p.id""")
			.query(rs -> {
				int age = LocalDate.now().getYear() - rs.getInt(2);
				long personId = rs.getLong(1);
				long orgId = rs.getLong(3);
				CareRecipientType type = null;
				if (age >= 75 && personId % 9 == 0) {
					type = CareRecipientType.EMPTY_NEST_ELDER;
				}
				else if (age <= 14 && personId % 7 == 0) {
					type = CareRecipientType.LEFT_BEHIND_CHILD;
				}
				else if (personId % 97 == 0) {
					type = CareRecipientType.DISABLED;
				}
				else if (personId % 89 == 0) {
					type = CareRecipientType.HARDSHIP_HOUSEHOLD;
				}
				if (type != null) {
					careCount.add(careRecipients.register(personId, type, needsOf(type), orgId));
				}
			});

		Org heping = residential.get("和平社区");
		account("admin", "示范市精神文明建设办公室", city, Role.OFFICE_ADMIN, city);
		account("unit", "和平社区", heping, Role.UNIT_ADMIN, heping);
		account("inspector", "东城区", east, Role.INSPECTOR, east);
		account("leader", "和平社区", heping, Role.TEAM_LEADER, heping);
		account("volunteer", "和平社区", heping, Role.VOLUNTEER, heping);
		account("resident", "和平社区", heping, Role.RESIDENT, heping);
		notifications.post("admin", "GENERAL", "欢迎使用文明办工作平台", "示范数据已就绪：" + residents.size() + " 名居民，"
				+ careCount.size() + " 名帮扶对象。", "/people");
		notifications.post("unit", "GENERAL", "欢迎使用文明办工作平台", "您是和平社区的单位管理员。", "/people");
		log.info("Demo city 示范市: {} residents, {} care recipients, accounts admin/unit/inspector/leader/volunteer/resident",
				residents.size(), careCount.size());
	}

	private void account(String username, String orgName, Org personOrg, Role role, Org roleOrg) {
		Long existing = jdbc.sql("select id from account where username = ?").param(username).query(Long.class)
			.optional()
			.orElse(null);
		if (existing != null) {
			log.warn("Demo account {} not created: the user name belongs to an account the demo did not create, "
					+ "whose password and roles stay as they are", username);
			return;
		}
		long personId = people.search(new PersonQuery(null, personOrg.id(), null, null, null, null, null), 0, 50)
			.items()
			.stream()
			.filter(p -> p.birthYear() != null && p.birthYear() < LocalDate.now().getYear() - 25)
			.filter(p -> jdbc.sql("select count(*) from account where person_id = ?").param(p.id()).query(Long.class).single() == 0)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no adult in " + orgName))
			.id();
		accounts.create(personId, username, PASSWORD, List.of(new Accounts.Grant(role, roleOrg.id())));
	}

	private static String needsOf(CareRecipientType type) {
		return switch (type) {
			case EMPTY_NEST_ELDER -> "定期上门探望，代购生活用品，陪同就医";
			case LEFT_BEHIND_CHILD -> "课业辅导，亲情陪伴，假期看护";
			case DISABLED -> "康复训练陪护，无障碍出行帮助";
			case HARDSHIP_HOUSEHOLD -> "节日慰问，就业信息帮扶";
			default -> "日常关爱";
		};
	}

	/**
	 * A valid ID number not issued before, with random sequence digits: digits that followed the
	 * order of creation would let anyone who sees a person's id narrow the masked number.
	 */
	private static String idNumber(String region, LocalDate birth, java.util.Set<String> issued, Random random) {
		String first17;
		do {
			first17 = region + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
					+ String.format("%03d", random.nextInt(1000));
		}
		while (!issued.add(first17));
		return first17 + IdNumbers.checkDigit(first17);
	}

	private static String given(Random random) {
		int start = random.nextInt(GIVEN.length() - 1);
		return random.nextBoolean() ? GIVEN.substring(start, start + 1) : GIVEN.substring(start, start + 2);
	}

	private static String pick(Random random, String... values) {
		return values[random.nextInt(values.length)];
	}

}

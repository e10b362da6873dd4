package org.wenming.volunteer.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.directory.DataScopes;
import org.wenming.directory.DemoActors;
import org.wenming.platform.security.WenmingUser;
import org.wenming.volunteer.NewServiceOrder;
import org.wenming.volunteer.Redemption;
import org.wenming.volunteer.Redemptions;
import org.wenming.volunteer.ServiceCategories;
import org.wenming.volunteer.ServiceCategory;
import org.wenming.volunteer.ServiceOrderTimeLimits;
import org.wenming.volunteer.ServiceOrders;
import org.wenming.volunteer.StoreItem;
import org.wenming.volunteer.StoreItemCommand;
import org.wenming.volunteer.StoreItems;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The service orders and stores of the demo city 示范市 (profile {@code demo}, after the demo
 * activities): orders in every state, placed by the demo {@code resident} or by 和平社区's staff for
 * its care recipients, reviewed, dispatched to the 和平社区 team and down the tree to a district and a
 * street, accepted, served, rated and reported by the demo {@code leader}; one overdue; wishes open
 * and claimed by the demo {@code volunteer}; stocked stores (爱心超市) at 和平社区 and three other sites,
 * with orders placed and collected. Everything goes through the services. Does nothing when the
 * 和平社区 store is stocked already.
 */
@Component
@Profile("demo")
@Order(50)
class ServiceDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ServiceDemoData.class);

	private static final String[][] ITEMS = { { "洗衣液", "2kg 装，家庭常用", "200", "30" }, { "大米", "5kg 装东北大米", "300", "20" },
			{ "毛巾", "纯棉毛巾两条装", "80", "50" }, { "雨伞", "折叠晴雨伞", "150", "15" }, { "保温杯", "不锈钢保温杯 500ml", "260", "0" },
			{ "食用油", "非转基因菜籽油 1.8L", "280", "12" }, { "牙膏", "家庭装牙膏", "60", "40" } };

	private final ServiceOrders orders;

	private final ServiceCategories categories;

	private final ServiceOrderTimeLimits timeLimits;

	private final StoreItems items;

	private final Redemptions redemptions;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ServiceDemoData(ServiceOrders orders, ServiceCategories categories, ServiceOrderTimeLimits timeLimits,
			StoreItems items, Redemptions redemptions, JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.orders = orders;
		this.categories = categories;
		this.timeLimits = timeLimits;
		this.items = items;
		this.redemptions = redemptions;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Map<String, Long> orgs = demoOrgs();
		if (!orgs.containsKey("和平社区") || jdbc.sql("select count(*) from volunteer_team where org_id = ?")
			.param(orgs.get("和平社区"))
			.query(Long.class)
			.single() == 0) {
			log.info("No demo volunteers of 示范市; no demo service orders");
			return;
		}
		if (jdbc.sql("select count(*) from store_item where org_id = ? and name = '洗衣液'")
			.param(orgs.get("和平社区"))
			.query(Long.class)
			.single() > 0) {
			return;
		}
		long started = System.nanoTime();
		DataScopes.asSystem(() -> transactions.executeWithoutResult(status -> seed(orgs)));
		log.info("Demo service orders and stores created in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void seed(Map<String, Long> orgs) {
		WenmingUser unit = DemoActors.user(jdbc, "unit");
		WenmingUser admin = DemoActors.user(jdbc, "admin");
		WenmingUser leader = DemoActors.user(jdbc, "leader");
		WenmingUser resident = DemoActors.user(jdbc, "resident");
		WenmingUser volunteer = DemoActors.user(jdbc, "volunteer");
		long heping = orgs.get("和平社区");
		long team = jdbc.sql("select id from volunteer_team where org_id = ? and closed_at is null order by id limit 1")
			.param(heping)
			.query(Long.class)
			.single();
		Map<String, Long> category = new HashMap<>();
		categories.active().forEach(c -> category.put(c.name(), c.id()));
		List<Long> recipients = recipients(heping);
		// nine in the morning, in the clock's zone (wenming.zone)
		OffsetDateTime soon = java.time.ZonedDateTime.now(clock).plusDays(2).truncatedTo(ChronoUnit.HOURS).withHour(9)
			.toOffsetDateTime();

		// 待审核
		place(resident, category.get("家电维修"), null, "家里的老式空调不制冷了，想请志愿者帮忙看看。", soon, null);
		// 已拒绝
		long rejected = place(resident, category.get("法律服务"), null, "想请律师代理一起邻里纠纷诉讼。", soon.plusDays(1), null);
		DemoActors.as(unit, () -> orders.review(rejected, false, "代理诉讼不属于志愿服务范围，已为您预约社区法律顾问免费咨询。"));
		// 已取消
		long cancelled = place(resident, category.get("心理疏导"), null, "孩子升学压力大，想找人聊聊。", soon.plusDays(2), null);
		DemoActors.as(resident, () -> orders.cancel(cancelled, "已联系到学校心理老师，不需要了。"));
		// 待派单, one of them overdue
		long waiting = place(resident, category.get("助老助残"), null, "想请志愿者陪同父亲到医院复诊。", soon.plusDays(3), null);
		DemoActors.as(unit, () -> orders.review(waiting, true, null));
		long overdue = place(unit, category.get("卫生健康"), null, "老人需要上门测量血压、讲解用药。", soon.plusDays(1),
				recipients.get(0));
		DemoActors.as(unit, () -> orders.review(overdue, true, null));
		jdbc.sql("update service_order set created_at = created_at - interval '2 days', reviewed_at = reviewed_at - interval '2 days' where id = ?")
			.param(overdue)
			.update();
		// 已派单: to the 和平社区 team, to a district, to a street
		long toTeam = place(unit, category.get("环境保护"), null, "楼道堆放杂物较多，需要志愿者协助清理。", soon.plusDays(4),
				recipients.get(1 % recipients.size()));
		DemoActors.as(unit, () -> {
			orders.review(toTeam, true, null);
			orders.dispatch(toTeam, team, null);
		});
		long toDistrict = place(admin, category.get("文化文艺"), orgs.get("示范市"), "村里想办一场新春文艺演出，需要文艺志愿者。",
				soon.plusDays(20), null);
		DemoActors.as(admin, () -> {
			orders.review(toDistrict, true, null);
			orders.dispatch(toDistrict, null, orgs.get("西湖区"));
		});
		long toStreet = place(admin, category.get("科学普及"), orgs.get("东城区"), "希望为老年人开展防范电信诈骗科普讲座。",
				soon.plusDays(10), null);
		DemoActors.as(admin, () -> {
			orders.review(toStreet, true, null);
			orders.dispatch(toStreet, null, orgs.get("向阳镇"));
		});
		// 已接单, 服务中, 待评价, 已完成: the 和平社区 team takes them
		String[][] served = { { "理论宣讲", "想请宣讲员到楼栋给老人们讲讲新政策。", "" },
				{ "家电维修", "洗衣机漏水，老人不会修。", "" },
				{ "助老助残", "老人腿脚不便，想请人帮忙代购一周的生活用品。", "已代购米面油和蔬菜，老人很满意。" },
				{ "卫生健康", "想请志愿者上门讲讲冬季慢病防护。", "上门讲解冬季慢病防护知识，测量血压，留下联系卡。" },
				{ "环境保护", "小区垃圾分类点脏乱，想组织清理。", "组织 8 名队员清理垃圾分类点，张贴分类指引。" },
				{ "家电维修", "家里电饭煲、台灯坏了。", "修好电饭煲和台灯各一件，讲解安全用电常识。" } };
		int[] stages = { 1, 2, 3, 4, 4, 4 };
		String[] comments = { "志愿者很耐心，讲得明明白白，谢谢！", "来得很及时，环境干净多了。", "修得又快又好，还教我们安全用电，点赞！" };
		int[] ratings = { 5, 4, 5 };
		int completed = 0;
		for (int i = 0; i < served.length; i++) {
			boolean forRecipient = i % 2 == 1;
			long id = place(forRecipient ? unit : resident, category.get(served[i][0]), null, served[i][1],
					soon.plusDays(5 + i), forRecipient ? recipients.get((2 + i) % recipients.size()) : null);
			DemoActors.as(unit, () -> {
				orders.review(id, true, null);
				orders.dispatch(id, team, null);
			});
			int stage = stages[i];
			String report = served[i][2];
			DemoActors.as(leader, () -> {
				orders.accept(id);
				if (stage >= 2) {
					orders.start(id);
				}
				if (stage >= 3) {
					orders.finish(id, report);
				}
			});
			if (stage >= 4) {
				int n = completed++;
				DemoActors.as(forRecipient ? unit : resident, () -> orders.rate(id, ratings[n % 3], comments[n % 3]));
			}
		}
		// 微心愿: open ones, one claimed by the demo volunteer
		String[] wishes = { "想要一套小学五年级的课外读物", "希望有人周末陪我下象棋", "想要一台收音机听戏曲" };
		long firstWish = 0;
		for (int i = 0; i < wishes.length; i++) {
			String wish = wishes[i];
			long id = DemoActors.as(unit, () -> orders.create(new NewServiceOrder(category.get("助老助残"), heping,
					soon.plusDays(7), soon.plusDays(30), wish, "13800138000", null,
					recipients.get(0), true)));
			if (i == 0) {
				firstWish = id;
			}
		}
		long claimed = firstWish;
		DemoActors.as(volunteer, () -> orders.claim(claimed));
		int flagged = timeLimits.run();

		// 爱心超市: 和平社区 and three other sites
		int stocked = 0;
		StoreItem laundry = null;
		StoreItem towel = null;
		for (String site : List.of("和平社区", "幸福社区", "红星村", "明珠社区")) {
			WenmingUser staff = "和平社区".equals(site) ? unit : admin;
			for (int i = 0; i < ITEMS.length; i++) {
				if (!"和平社区".equals(site) && i % 2 == 1) {
					continue;
				}
				String[] item = ITEMS[i];
				int stock = "保温杯".equals(item[0]) && !"和平社区".equals(site) ? 8 : Integer.parseInt(item[3]);
				StoreItem created = DemoActors.as(staff, () -> items.create(new StoreItemCommand(orgs.get(site), item[0],
						item[1], Integer.parseInt(item[2]), stock, true)));
				stocked++;
				if ("和平社区".equals(site) && "洗衣液".equals(item[0])) {
					laundry = created;
				}
				if ("和平社区".equals(site) && "毛巾".equals(item[0])) {
					towel = created;
				}
			}
		}
		long laundryId = laundry.id();
		long towelId = towel.id();
		Redemption collected = DemoActors.as(volunteer, () -> redemptions.redeem(towelId));
		DemoActors.as(volunteer, () -> redemptions.redeem(laundryId));
		DemoActors.as(unit, () -> redemptions.collect(collected.code()));
		Redemption leaderOrder = DemoActors.as(leader, () -> redemptions.redeem(towelId));
		DemoActors.as(unit, () -> redemptions.collect(leaderOrder.code()));
		log.info("Demo service orders: {} orders ({} completed, {} overdue), {} wishes, {} store items",
				jdbc.sql("select count(*) from service_order where site_org_id in (select id from org where path like (select path from org where id = ?) || '%')")
					.param(orgs.get("示范市"))
					.query(Long.class)
					.single(),
				completed, flagged, wishes.length, stocked);
	}

	private long place(WenmingUser caller, long categoryId, Long site, String description, OffsetDateTime from,
			Long recipient) {
		return DemoActors.as(caller, () -> orders.create(new NewServiceOrder(categoryId, site, from, from.plusHours(3),
				description, "13900001111", recipient == null ? null : "示范市和平社区", recipient, false)));
	}

	private List<Long> recipients(long org) {
		return jdbc.sql("""
				select id from care_recipient where responsible_org_id = ? and type = 'EMPTY_NEST_ELDER' and closed_at is null
				order by id""")
			.param(org)
			.query(Long.class)
			.list();
	}

	private Map<String, Long> demoOrgs() {
		Map<String, Long> byName = new HashMap<>();
		jdbc.sql("""
				select o.name, o.id from org o join org city on o.path like city.path || '%'
				where city.name = '示范市' and city.parent_id is null and city.closed_at is null and o.closed_at is null
				order by o.id""")
			.query((rs, i) -> byName.putIfAbsent(rs.getString(1), rs.getLong(2)))
			.list();
		return byName;
	}

}

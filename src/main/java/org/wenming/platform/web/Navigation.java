package org.wenming.platform.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wenming.platform.security.WenmingUser;

import org.springframework.stereotype.Component;

/**
 * The sidebar: the pages of every module, grouped the way staff think of their work, each shown only
 * to those who hold its permission. The groups of modules still to come (学习教育, 创建评选, 督查整改,
 * 宣传, 数据) are declared already and stay hidden until they have a page; a module adds a page here
 * with one {@link Item}, or, when who sees it depends on its own data (the captain of a team), with a
 * {@link NavigationItems} bean.
 */
@Component
public class Navigation {

	/** The groups of the sidebar, in order. */
	public enum Group {

		WORKBENCH, PLAN, VOLUNTEER, ORDER, LEARNING, EVALUATION, INSPECTION, PUBLICITY, DATA, ORG, SYSTEM;

		/** The bundle key of the group's heading. */
		public String key() {
			return "nav.group." + name().toLowerCase(java.util.Locale.ROOT);
		}

		/** The id of the group's element on the page. */
		public String elementId() {
			return "nav-group-" + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/**
	 * One page in the sidebar: its group, the bundle key of its name, its path, and the permission
	 * it needs ({@code null}: every signed-in user).
	 */
	public record Item(Group group, String key, String href, String permission) {
	}

	/** A link as the layout draws it; {@code current} marks the page shown (aria-current). */
	public record Link(String key, String href, String id, boolean current) {
	}

	/** A group with the links the user may follow. */
	public record Section(Group group, List<Link> links, boolean current) {

		public String key() {
			return group.key();
		}

		public String id() {
			return group.elementId();
		}

	}

	/** A tab of the phone pages' bottom bar. */
	public record Tab(String key, String href, String id, String icon, boolean current) {
	}

	static final List<Item> ITEMS = List.of(
			new Item(Group.WORKBENCH, "nav.workbench", "/", null),
			new Item(Group.WORKBENCH, "nav.mine", "/m", null),
			new Item(Group.WORKBENCH, "nav.me", "/me", null),
			new Item(Group.PLAN, "nav.plans", "/plans", "plan:read"),
			new Item(Group.PLAN, "nav.tasks", "/tasks", "plan:read"),
			new Item(Group.PLAN, "nav.assignments", "/assignments", "plan:write"),
			new Item(Group.VOLUNTEER, "nav.activities", "/activities", "activity:read"),
			new Item(Group.VOLUNTEER, "nav.hours", "/hours", "hours:confirm"),
			new Item(Group.VOLUNTEER, "nav.volunteers", "/volunteers", "volunteer:read"),
			new Item(Group.VOLUNTEER, "nav.teams", "/teams", "volunteer:read"),
			new Item(Group.VOLUNTEER, "nav.leaderboards", "/leaderboards", "volunteer:read"),
			new Item(Group.VOLUNTEER, "nav.store", "/store/items", "store:manage"),
			new Item(Group.ORDER, "nav.serviceOrders", "/service-orders", "order:manage"),
			new Item(Group.ORG, "nav.orgs", "/orgs", "org:read"),
			new Item(Group.ORG, "nav.people", "/people", "person:read"),
			new Item(Group.ORG, "nav.careRecipients", "/care-recipients", "person:read"),
			new Item(Group.ORG, "nav.accounts", "/accounts", "account:manage"),
			new Item(Group.ORG, "nav.imports", "/imports", "import:run"),
			new Item(Group.SYSTEM, "nav.audit", "/audit", "audit:read"),
			new Item(Group.SYSTEM, "nav.ledger", "/ledger-integrity", "audit:read"));

	/** Where the bottom bar of the phone pages leads. */
	static final List<String[]> TABS = List.of(
			new String[] { "nav.tab.home", "/m", "home" },
			new String[] { "nav.tab.activities", "/m/activities", "activities" },
			new String[] { "nav.tab.scan", "/m/scan", "scan" },
			new String[] { "nav.tab.mine", "/m/mine", "mine" });

	private final List<NavigationItems> contributions;

	Navigation(List<NavigationItems> contributions) {
		this.contributions = contributions;
	}

	/**
	 * The groups the user sees, with the links it may follow; the link whose path is the longest
	 * prefix of {@code path} is the current one.
	 */
	public List<Section> sectionsFor(WenmingUser user, Set<String> can, String path) {
		List<Item> visible = new ArrayList<>();
		for (Item item : ITEMS) {
			if (item.permission() == null || can.contains(item.permission())) {
				visible.add(item);
			}
		}
		for (NavigationItems contribution : user == null ? List.<NavigationItems>of() : contributions) {
			visible.addAll(contribution.itemsFor(user));
		}
		String current = visible.stream()
			.map(Item::href)
			.filter(href -> covers(href, path))
			.max(Comparator.comparingInt(String::length))
			.orElse(null);
		Map<Group, List<Link>> byGroup = new EnumMap<>(Group.class);
		for (Item item : visible) {
			byGroup.computeIfAbsent(item.group(), g -> new ArrayList<>())
				.add(new Link(item.key(), item.href(), "nav-" + item.key().substring("nav.".length()).replace('.', '-'),
						item.href().equals(current)));
		}
		List<Section> sections = new ArrayList<>();
		byGroup.forEach((group, links) -> sections.add(new Section(group, List.copyOf(links),
				links.stream().anyMatch(Link::current))));
		return sections;
	}

	/** The bottom bar of the phone pages, the tab of {@code path} marked. */
	public List<Tab> tabsFor(String path) {
		String current = TABS.stream()
			.map(tab -> tab[1])
			.filter(href -> href.equals("/m") ? path.equals(href) : covers(href, path))
			.findFirst()
			.orElse(path.startsWith("/m/signups") ? "/m/activities" : "/m/mine");
		return TABS.stream()
			.map(tab -> new Tab(tab[0], tab[1], "tab-" + tab[2], tab[2], tab[1].equals(current)))
			.toList();
	}

	/** Whether the phone pages' bottom bar belongs on {@code path}. */
	public static boolean isPhonePage(String path) {
		return path.equals("/m") || path.startsWith("/m/");
	}

	/** {@code href} is the page itself or a page below it ({@code /} only itself and the workbench). */
	static boolean covers(String href, String path) {
		if (href.equals("/")) {
			return path.equals("/") || path.equals("/workbench");
		}
		return path.equals(href) || path.startsWith(href + "/");
	}

}

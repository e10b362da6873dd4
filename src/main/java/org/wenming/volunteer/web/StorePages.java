package org.wenming.volunteer.web;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wenming.directory.DataScope;
import org.wenming.directory.DataScopes;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.directory.Permission;
import org.wenming.directory.Person;
import org.wenming.directory.PersonQuery;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.BadInput;
import org.wenming.platform.web.PageExceptionHandler;
import org.wenming.volunteer.Points;
import org.wenming.volunteer.Redemption;
import org.wenming.volunteer.RedemptionStatus;
import org.wenming.volunteer.Redemptions;
import org.wenming.volunteer.StoreItem;
import org.wenming.volunteer.StoreItemCommand;
import org.wenming.volunteer.StoreItems;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The points store (爱心超市) as pages: on the phone, the items with the caller's balance, ordering
 * with a confirmation step, the caller's orders and points; for staff with {@code store:manage},
 * the items of their stores, the orders with collection by pickup code (核销), and bonus points.
 * What a service refuses is shown on the page in the user's language.
 */
@Controller
class StorePages {

	private static final int PEOPLE_FOUND = 20;

	private final StoreItems items;

	private final Redemptions redemptions;

	private final Points points;

	private final People people;

	private final OrgDirectory orgs;

	private final DataScopes scopes;

	private final MessageSource messages;

	private final PageExceptionHandler pages;

	StorePages(StoreItems items, Redemptions redemptions, Points points, People people, OrgDirectory orgs,
			DataScopes scopes, MessageSource messages, PageExceptionHandler pages) {
		this.pages = pages;
		this.items = items;
		this.redemptions = redemptions;
		this.points = points;
		this.people = people;
		this.orgs = orgs;
		this.scopes = scopes;
		this.messages = messages;
	}

	// ---- on the phone

	@GetMapping("/m/store")
	String store(@RequestParam(required = false) String orgId, Model model) {
		List<StoreItem> all = items.active(null);
		Long org = number(orgId);
		Map<Long, String> stores = new LinkedHashMap<>();
		all.stream()
			.sorted((x, y) -> x.orgName().compareTo(y.orgName()))
			.forEach(item -> stores.putIfAbsent(item.orgId(), item.orgName()));
		model.addAttribute("stores", stores);
		model.addAttribute("orgId", org);
		model.addAttribute("balance", points.mine().balance());
		model.addAttribute("items", org == null ? all : items.active(org));
		model.addAttribute("orders", redemptions.mine());
		return "mobile/store";
	}

	@GetMapping("/m/store/items/{id}/redeem")
	String confirm(@PathVariable long id, Model model) {
		model.addAttribute("item", activeItem(id));
		model.addAttribute("balance", points.mine().balance());
		return "mobile/store-confirm";
	}

	@PostMapping("/m/store/items/{id}/redeem")
	String redeem(@PathVariable long id, RedirectAttributes redirect) {
		try {
			Redemption order = redemptions.redeem(id);
			redirect.addFlashAttribute("redeemed",
					new Redeemed(order.itemName(), order.points(), order.code(), order.orgName()));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", text(ex));
		}
		return "redirect:/m/store";
	}

	@PostMapping("/m/store/orders/{id}/cancel")
	String cancelMine(@PathVariable long id, RedirectAttributes redirect) {
		try {
			Redemption order = redemptions.cancel(id);
			redirect.addFlashAttribute("flashSuccess", text("store.page.cancelled", order.itemName(), order.points()));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", text(ex));
		}
		return "redirect:/m/store";
	}

	@GetMapping("/m/store/points")
	String myPoints(Model model) {
		model.addAttribute("statement", points.mine());
		return "mobile/store-points";
	}

	// ---- for staff of the stores

	@GetMapping("/store/items")
	String itemList(Model model) {
		model.addAttribute("itemForm", new ItemForm(null, null, null, null, null, true));
		return items(model);
	}

	@PostMapping("/store/items")
	String create(@ModelAttribute("itemForm") ItemForm form, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			StoreItem item = items.create(form.command());
			redirect.addFlashAttribute("flashSuccess", text("store.page.itemCreated", item.name()));
			return "redirect:/store/items";
		}
		catch (DomainException ex) {
			refused(ex, model, response);
			return items(model);
		}
	}

	@GetMapping("/store/items/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		StoreItem item = items.get(id);
		model.addAttribute("item", item);
		model.addAttribute("itemForm", new ItemForm(String.valueOf(item.orgId()), item.name(), item.description(),
				String.valueOf(item.points()), String.valueOf(item.stock()), item.active()));
		return "store/item-form";
	}

	@PostMapping("/store/items/{id}")
	String update(@PathVariable long id, @ModelAttribute("itemForm") ItemForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		StoreItem item = items.get(id);
		try {
			StoreItem changed = items.update(id, form.command());
			redirect.addFlashAttribute("flashSuccess", text("store.page.itemSaved", changed.name()));
			return "redirect:/store/items";
		}
		catch (DomainException ex) {
			refused(ex, model, response);
			model.addAttribute("item", item);
			return "store/item-form";
		}
	}

	@GetMapping("/store/redemptions")
	String orders(@RequestParam(required = false) String status, Model model) {
		RedemptionStatus chosen = status(status);
		model.addAttribute("status", chosen);
		model.addAttribute("statuses", RedemptionStatus.values());
		model.addAttribute("orders", redemptions.managed(chosen));
		return "store/redemptions";
	}

	@PostMapping("/store/redemptions/collect")
	String collect(@RequestParam(required = false) String code, RedirectAttributes redirect) {
		try {
			Redemption order = redemptions.collect(code);
			redirect.addFlashAttribute("flashSuccess",
					text("store.page.collected", order.code(), order.itemName(), order.personName()));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", text(ex));
		}
		return "redirect:/store/redemptions";
	}

	@PostMapping("/store/redemptions/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		try {
			Redemption order = redemptions.cancel(id);
			redirect.addFlashAttribute("flashSuccess",
					text("store.page.cancelledFor", order.itemName(), order.personName()));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", text(ex));
		}
		return "redirect:/store/redemptions";
	}

	@GetMapping("/store/bonus")
	String bonusForm(@RequestParam(required = false) String name, Model model) {
		model.addAttribute("bonusForm", new BonusForm(null, null, null));
		return bonus(name, model);
	}

	@PostMapping("/store/bonus")
	String giveBonus(@ModelAttribute("bonusForm") BonusForm form, @RequestParam(required = false) String name,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Long personId = number(form.personId());
			if (personId == null) {
				throw DomainException.onField("personId", "store.bonus.person");
			}
			Integer amount = integer(form.points());
			if (amount == null) {
				throw DomainException.onField("points", "store.bonus.points", Points.MAX_BONUS);
			}
			points.bonus(personId, amount, form.reason());
			redirect.addFlashAttribute("flashSuccess", text("store.page.bonusGiven", amount));
			return "redirect:/store/bonus";
		}
		catch (DomainException ex) {
			refused(ex, model, response);
			return bonus(name, model);
		}
	}

	/** The labels of the bonus form's fields, for messages about them. */
	private static final Map<String, String> BONUS_LABELS = Map.of("personId", "store.admin.recipient", "points",
			"store.admin.bonusPoints", "reason", "store.admin.reason", "name", "store.admin.searchPerson");

	/**
	 * A field that could not be read (a control character): the bonus form shows it above itself
	 * with what was typed; other pages of the store say it.
	 */
	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, BindException.class })
	ModelAndView badInput(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/store/bonus")) {
			Map<String, String> typed = BadInput.typed(request);
			ModelAndView view = new ModelAndView();
			view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			Model model = new org.springframework.ui.ExtendedModelMap();
			model.addAttribute("bonusForm", new BonusForm(typed.get("personId"), typed.get("points"), typed.get("reason")));
			model.addAttribute("formError", BadInput.message(ex, messages, BONUS_LABELS));
			model.addAttribute("errorField", BadInput.field(ex));
			String name = typed.get("name");
			try {
				view.setViewName(bonus(name, model));
			}
			catch (RuntimeException unreadableName) {
				view.setViewName(bonus(null, model));
			}
			view.addAllObjects(model.asMap());
			return pages.withLayout(view, request);
		}
		// Elsewhere (an address with a malformed number, say) there is no form to return to.
		return pages.badRequest(ex, response);
	}

	private String items(Model model) {
		model.addAttribute("items", items.managed());
		DataScope scope = scopes.current(Permission.STORE_MANAGE);
		model.addAttribute("stores", orgs.visibleTree(false).stream().filter(scope::covers).toList());
		return "store/items";
	}

	private String bonus(String name, Model model) {
		model.addAttribute("name", name);
		List<Person> found = StringUtils.hasText(name)
				? people.search(new PersonQuery(name, null, null, null, null, null, null), 0, PEOPLE_FOUND).items()
				: List.of();
		model.addAttribute("found", found);
		return "store/bonus";
	}

	private StoreItem activeItem(long id) {
		return items.active(null).stream().filter(item -> item.id() == id).findFirst()
			.orElseThrow(DomainException::notFound);
	}

	private void refused(DomainException ex, Model model, HttpServletResponse response) {
		model.addAttribute("formError", text(ex));
		model.addAttribute("errorField", ex.field());
		response.setStatus(ex.status() == HttpStatus.NOT_FOUND ? HttpStatus.NOT_FOUND.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
	}

	private String text(DomainException ex) {
		return text(ex.code(), ex.args());
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	private static RedemptionStatus status(String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return RedemptionStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

	static Long number(String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	static Integer integer(String value) {
		Long number = number(value);
		return number == null || number > Integer.MAX_VALUE || number < Integer.MIN_VALUE ? null : number.intValue();
	}

	/** A store item as typed into the form; numbers stay text until the service is asked. */
	record ItemForm(String orgId, String name, String description, String points, String stock, Boolean active) {

		StoreItemCommand command() {
			return new StoreItemCommand(number(orgId), name, description, integer(points), integer(stock),
					active != null && active);
		}

	}

	/** What the store page shows once after an order: the pickup code above all. */
	record Redeemed(String itemName, int points, String code, String orgName) implements Serializable {
	}

	/** Bonus points as typed into the form. */
	record BonusForm(String personId, String points, String reason) {
	}

}

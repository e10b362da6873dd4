package org.wenming.volunteer.web;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wenming.platform.DomainException;
import org.wenming.platform.Times;
import org.wenming.platform.web.BadInput;
import org.wenming.platform.web.PageExceptionHandler;
import org.wenming.volunteer.NewServiceOrder;
import org.wenming.volunteer.ServiceCategories;
import org.wenming.volunteer.ServiceOrder;
import org.wenming.volunteer.ServiceOrderProperties;
import org.wenming.volunteer.ServiceOrderStatus;
import org.wenming.volunteer.ServiceOrders;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The service order pages: on the phone, a resident's orders with the order form, rating, chasing
 * and cancelling, and the open wishes for volunteers; for staff, the board by state with its time
 * limits, an order's page with review and dispatch, and the service menu; for team leaders, the
 * orders of their teams. Every form posts, redirects and shows what happened as a flash message.
 */
@Controller
class ServiceOrderPages {

	/** How long before a time limit an order shows as due soon. */
	private static final Duration SOON = Duration.ofHours(4);

	private final ServiceOrders orders;

	private final ServiceCategories categories;

	private final ServiceOrderProperties properties;

	private final MessageSource messages;

	private final Times times;

	private final Clock clock;

	private final PageExceptionHandler pages;

	ServiceOrderPages(ServiceOrders orders, ServiceCategories categories, ServiceOrderProperties properties,
			MessageSource messages, Times times, Clock clock, PageExceptionHandler pages) {
		this.pages = pages;
		this.times = times;
		this.clock = clock;
		this.orders = orders;
		this.categories = categories;
		this.properties = properties;
		this.messages = messages;
	}

	// ---- the phone ----------------------------------------------------------------------------------

	@GetMapping("/m/orders")
	String myOrders(Model model) {
		model.addAttribute("orders", orders.mine());
		model.addAttribute("categories", categories.active());
		return "mobile/orders";
	}

	@PostMapping("/m/orders")
	String order(@RequestParam(required = false) Long categoryId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime desiredFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) java.time.LocalDateTime desiredTo,
			@RequestParam(required = false) String description, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String address, RedirectAttributes redirect, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			long id = orders.create(new NewServiceOrder(categoryId, null, local(desiredFrom), local(desiredTo),
					description, phone, address, null, false));
			redirect.addFlashAttribute("flashSuccess", text("serviceOrder.web.ordered"));
			return "redirect:/m/orders/" + id;
		}
		catch (DomainException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			response.setStatus(422);
			return orderAgain(messages.getMessage(ex.code(), ex.args(), ex.code(), LocaleContextHolder.getLocale()),
					request, model);
		}
	}

	/** The labels of the order form's fields, for messages about them. */
	private static final Map<String, String> ORDER_LABELS = Map.of("categoryId", "serviceOrder.web.category",
			"desiredFrom", "serviceOrder.web.from", "desiredTo", "serviceOrder.web.to", "description",
			"serviceOrder.web.description", "phone", "serviceOrder.web.phone", "address", "serviceOrder.web.address");

	/**
	 * A field of a page of this controller that could not be read (a control character, a time that
	 * is no time): the order form shows it above itself with what was typed; other pages say it.
	 */
	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, BindException.class })
	ModelAndView badInput(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/m/orders")) {
			ModelAndView view = new ModelAndView();
			view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			view.setViewName(orderAgain(BadInput.message(ex, messages, ORDER_LABELS), request, view.getModelMap()));
			return pages.withLayout(view, request);
		}
		return pages.badRequest(ex, response);
	}

	private String orderAgain(String message, HttpServletRequest request, Map<String, Object> model) {
		model.put("orders", orders.mine());
		model.put("categories", categories.active());
		model.put("formError", message);
		model.put("typed", BadInput.typed(request));
		return "mobile/orders";
	}

	private String orderAgain(String message, HttpServletRequest request, Model model) {
		return orderAgain(message, request, model.asMap());
	}

	@GetMapping("/m/orders/{id}")
	String myOrder(@PathVariable long id, Model model) {
		model.addAttribute("details", orders.details(id));
		return "mobile/orders-detail";
	}

	@PostMapping("/m/orders/{id}/rate")
	String rate(@PathVariable long id, @RequestParam(required = false) Integer rating,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		return step(id, () -> orders.rate(id, rating, comment), "serviceOrder.web.rated", "/m/orders/", redirect);
	}

	@PostMapping("/m/orders/{id}/chase")
	String chase(@PathVariable long id, RedirectAttributes redirect) {
		return step(id, () -> orders.chase(id), "serviceOrder.web.chased", "/m/orders/", redirect);
	}

	@PostMapping("/m/orders/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return step(id, () -> orders.cancel(id, reason), "serviceOrder.web.cancelled", "/m/orders/", redirect);
	}

	@GetMapping("/m/wishes")
	String wishes(Model model) {
		model.addAttribute("wishes", orders.openWishes());
		model.addAttribute("claimed", orders.claimedByMe());
		return "mobile/wishes";
	}

	/** The claimed wish's phone and address in full; the service audits every look. */
	@PostMapping("/m/wishes/{id}/contact")
	String wishContact(@PathVariable long id, Model model) {
		return contact(id, model);
	}

	/** The order's phone and address in full, for its team leader and staff; audited. */
	@PostMapping({ "/service-orders/{id}/contact", "/service-orders/team/{id}/contact" })
	String contact(@PathVariable long id, Model model) {
		model.addAttribute("contact", orders.contact(id));
		model.addAttribute("details", orders.details(id));
		return "service-order/contact";
	}

	@PostMapping("/m/wishes/{id}/claim")
	String claim(@PathVariable long id, RedirectAttributes redirect) {
		return act(() -> {
			orders.claim(id);
			return "redirect:/m/wishes";
		}, "serviceOrder.web.claimed", "redirect:/m/wishes", redirect);
	}

	@PostMapping("/m/wishes/{id}/{step}")
	String serveWish(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		return serve(id, step, text, null, "redirect:/m/wishes", redirect);
	}

	// ---- team leaders -------------------------------------------------------------------------------

	@GetMapping("/service-orders/team")
	String team(Model model) {
		model.addAttribute("orders", orders.ofMyTeams());
		model.addAttribute("revealContact", "/service-orders/team/");
		return "service-order/team";
	}

	@PostMapping("/service-orders/team/{id}/{step}")
	String serveTeam(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String text,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return serve(id, step, text, reason, "redirect:/service-orders/team", redirect);
	}

	// ---- staff --------------------------------------------------------------------------------------

	@GetMapping("/service-orders")
	String board(@RequestParam(required = false) ServiceOrderStatus status, Model model) {
		List<ServiceOrder> board = orders.board(status);
		model.addAttribute("orders", board);
		model.addAttribute("status", status);
		model.addAttribute("statuses", ServiceOrderStatus.values());
		model.addAttribute("limits", limits(board));
		return "service-order/board";
	}

	@GetMapping("/service-orders/{id}")
	String order(@PathVariable long id, Model model) {
		var details = orders.details(id);
		model.addAttribute("details", details);
		model.addAttribute("limits", limits(List.of(details.order())));
		boolean manages = orders.manages(details.order());
		model.addAttribute("manages", manages);
		model.addAttribute("revealContact", orders.handles(details.order()) ? "/service-orders/" : null);
		if (manages && details.order().awaitsDispatch() && !details.order().wish()) {
			model.addAttribute("teams", orders.teamsFor(id));
			model.addAttribute("orgsBelow", orders.orgsBelow(id));
		}
		return "service-order/order";
	}

	@PostMapping("/service-orders/{id}/review")
	String review(@PathVariable long id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		boolean approve = "approve".equals(decision);
		return step(id, () -> orders.review(id, approve, reason),
				approve ? "serviceOrder.web.approved" : "serviceOrder.web.rejected", "/service-orders/", redirect);
	}

	@PostMapping("/service-orders/{id}/dispatch")
	String dispatch(@PathVariable long id, @RequestParam(required = false) String target, RedirectAttributes redirect) {
		Long teamId = target != null && target.startsWith("team:") ? parse(target.substring(5)) : null;
		Long orgId = target != null && target.startsWith("org:") ? parse(target.substring(4)) : null;
		return step(id, () -> orders.dispatch(id, teamId, orgId), "serviceOrder.web.dispatched", "/service-orders/",
				redirect);
	}

	@PostMapping("/service-orders/{id}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		return step(id, () -> orders.closeUnrated(id), "serviceOrder.web.closed", "/service-orders/", redirect);
	}

	@GetMapping("/service-orders/categories")
	String categories(Model model) {
		model.addAttribute("categories", categories.all());
		return "service-order/categories";
	}

	@PostMapping("/service-orders/categories")
	String addCategory(@RequestParam(required = false) String name, RedirectAttributes redirect) {
		return act(() -> {
			categories.add(name);
			return "redirect:/service-orders/categories";
		}, "serviceOrder.web.categorySaved", "redirect:/service-orders/categories", redirect);
	}

	@PostMapping("/service-orders/categories/{id}")
	String changeCategory(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) Boolean active, RedirectAttributes redirect) {
		return act(() -> {
			if (active != null) {
				categories.setActive(id, active);
			}
			else {
				categories.rename(id, name);
			}
			return "redirect:/service-orders/categories";
		}, "serviceOrder.web.categorySaved", "redirect:/service-orders/categories", redirect);
	}

	// ---- helpers ------------------------------------------------------------------------------------

	private String serve(long id, String step, String text, String reason, String back, RedirectAttributes redirect) {
		Supplier<ServiceOrder> work = switch (step) {
			case "accept" -> () -> orders.accept(id);
			case "decline" -> () -> orders.decline(id, reason);
			case "start" -> () -> orders.start(id);
			case "finish" -> () -> orders.finish(id, text);
			case "report" -> () -> orders.report(id, text);
			default -> throw DomainException.notFound();
		};
		return act(() -> {
			work.get();
			return back;
		}, "serviceOrder.web.step." + step, back, redirect);
	}

	private String step(long id, Supplier<ServiceOrder> work, String success, String pagePrefix,
			RedirectAttributes redirect) {
		return act(() -> {
			work.get();
			return "redirect:" + pagePrefix + id;
		}, success, "redirect:" + pagePrefix + id, redirect);
	}

	/** Runs the work; a refused step shows its message on the page it came from, unknown orders are 404. */
	private String act(Supplier<String> work, String success, String back, RedirectAttributes redirect) {
		try {
			String next = work.get();
			redirect.addFlashAttribute("flashSuccess", text(success));
			return next;
		}
		catch (DomainException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.code(), ex.args(), ex.code(),
					LocaleContextHolder.getLocale()));
			return back;
		}
	}

	/** The time-limit badge of each order: overdue, or due within a few hours. */
	private Map<Long, String> limits(List<ServiceOrder> list) {
		Map<Long, String> limits = new HashMap<>();
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (ServiceOrder order : list) {
			if (order.overdueSince() != null
					&& Arrays.asList(ServiceOrderStatus.PENDING_DISPATCH, ServiceOrderStatus.DISPATCHED)
						.contains(order.status())) {
				limits.put(order.id(), "overdue");
				continue;
			}
			OffsetDateTime due = switch (order.status()) {
				case PENDING_DISPATCH -> order.wish() || order.reviewedAt() == null ? null
						: order.reviewedAt().plus(properties.dispatchWithin());
				case DISPATCHED -> order.dispatchedAt() == null ? null : order.dispatchedAt().plus(properties.acceptWithin());
				default -> null;
			};
			if (due != null && due.isBefore(now)) {
				limits.put(order.id(), "overdue");
			}
			else if (due != null && due.minus(SOON).isBefore(now)) {
				limits.put(order.id(), "soon");
			}
		}
		return limits;
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private static Long parse(String text) {
		try {
			return Long.valueOf(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A time typed in the order form, in the configured zone. */
	private OffsetDateTime local(java.time.LocalDateTime time) {
		return times.instant(time);
	}

}

package org.wenming.volunteer.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import org.wenming.volunteer.NewServiceOrder;
import org.wenming.volunteer.ServiceCategories;
import org.wenming.volunteer.ServiceCategory;
import org.wenming.volunteer.ServiceOrder;
import org.wenming.volunteer.ServiceOrderDetails;
import org.wenming.volunteer.ServiceOrderStatus;
import org.wenming.volunteer.ServiceOrders;
import org.wenming.platform.web.Idempotent;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service orders and wishes as JSON: placing, the caller's own, the board in scope, and one endpoint
 * per step of the order's way. Who may take which step is checked by {@link ServiceOrders}.
 */
@RestController
class ServiceOrderApi {

	private final ServiceOrders orders;

	private final ServiceCategories categories;

	ServiceOrderApi(ServiceOrders orders, ServiceCategories categories) {
		this.orders = orders;
		this.categories = categories;
	}

	@GetMapping("/api/v1/service-categories")
	List<ServiceCategory> categories() {
		return categories.active();
	}

	@Idempotent
	@PostMapping("/api/v1/service-orders")
	ResponseEntity<ServiceOrder> create(@RequestBody OrderBody body) {
		long id = orders.create(body.toCommand());
		return ResponseEntity.created(URI.create("/api/v1/service-orders/" + id)).body(orders.get(id));
	}

	@GetMapping("/api/v1/service-orders/mine")
	List<ServiceOrder> mine() {
		return orders.mine();
	}

	@GetMapping("/api/v1/service-orders")
	List<ServiceOrder> board(@RequestParam(required = false) ServiceOrderStatus status) {
		return orders.board(status);
	}

	@GetMapping("/api/v1/service-orders/{id}")
	ServiceOrderDetails get(@PathVariable long id) {
		return orders.details(id);
	}

	/** The phone and address in full, for those who handle the order; audited. */
	@GetMapping("/api/v1/service-orders/{id}/contact")
	org.wenming.volunteer.ServiceOrderContact contact(@PathVariable long id) {
		return orders.contact(id);
	}

	@PostMapping("/api/v1/service-orders/{id}/review")
	ServiceOrder review(@PathVariable long id, @RequestBody OrderReviewBody body) {
		return orders.review(id, Boolean.TRUE.equals(body.approve()), body.reason());
	}

	@PostMapping("/api/v1/service-orders/{id}/dispatch")
	ServiceOrder dispatch(@PathVariable long id, @RequestBody DispatchBody body) {
		return orders.dispatch(id, body.teamId(), body.orgId());
	}

	@PostMapping("/api/v1/service-orders/{id}/accept")
	ServiceOrder accept(@PathVariable long id) {
		return orders.accept(id);
	}

	@PostMapping("/api/v1/service-orders/{id}/decline")
	ServiceOrder decline(@PathVariable long id, @RequestBody(required = false) ReasonBody body) {
		return orders.decline(id, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/service-orders/{id}/start")
	ServiceOrder start(@PathVariable long id) {
		return orders.start(id);
	}

	@PostMapping("/api/v1/service-orders/{id}/finish")
	ServiceOrder finish(@PathVariable long id, @RequestBody(required = false) ReportBody body) {
		return orders.finish(id, body == null ? null : body.text());
	}

	@PostMapping("/api/v1/service-orders/{id}/report")
	ServiceOrder report(@PathVariable long id, @RequestBody(required = false) ReportBody body) {
		return orders.report(id, body == null ? null : body.text());
	}

	@PostMapping("/api/v1/service-orders/{id}/rate")
	ServiceOrder rate(@PathVariable long id, @RequestBody RatingBody body) {
		return orders.rate(id, body.rating(), body.comment());
	}

	@PostMapping("/api/v1/service-orders/{id}/cancel")
	ServiceOrder cancel(@PathVariable long id, @RequestBody(required = false) ReasonBody body) {
		return orders.cancel(id, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/service-orders/{id}/chase")
	ServiceOrder chase(@PathVariable long id) {
		return orders.chase(id);
	}

	@PostMapping("/api/v1/service-orders/{id}/claim")
	ServiceOrder claim(@PathVariable long id) {
		return orders.claim(id);
	}

	record OrderBody(Long categoryId, Long siteOrgId, OffsetDateTime desiredFrom, OffsetDateTime desiredTo,
			String description, String phone, String address, Long careRecipientId, Boolean wish) {

		NewServiceOrder toCommand() {
			return new NewServiceOrder(categoryId, siteOrgId, desiredFrom, desiredTo, description, phone, address,
					careRecipientId, Boolean.TRUE.equals(wish));
		}

	}

	record OrderReviewBody(Boolean approve, String reason) {
	}

	record DispatchBody(Long teamId, Long orgId) {
	}

	record ReasonBody(String reason) {
	}

	record ReportBody(String text) {
	}

	record RatingBody(Integer rating, String comment) {
	}

}

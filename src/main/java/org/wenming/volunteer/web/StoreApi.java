package org.wenming.volunteer.web;

import java.util.List;

import org.wenming.volunteer.Points;
import org.wenming.volunteer.PointsEntry;
import org.wenming.volunteer.PointsStatement;
import org.wenming.volunteer.Redemption;
import org.wenming.volunteer.Redemptions;
import org.wenming.volunteer.StoreItem;
import org.wenming.volunteer.StoreItemCommand;
import org.wenming.volunteer.StoreItems;
import org.wenming.platform.web.Idempotent;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The points store (爱心超市) and points as JSON: items, orders with their pickup codes, collection
 * and cancellation, the caller's points and bonuses by staff.
 */
@RestController
class StoreApi {

	private final StoreItems items;

	private final Redemptions redemptions;

	private final Points points;

	StoreApi(StoreItems items, Redemptions redemptions, Points points) {
		this.items = items;
		this.redemptions = redemptions;
		this.points = points;
	}

	@GetMapping("/api/v1/store/items")
	List<StoreItem> items(@RequestParam(required = false) Long orgId) {
		return items.active(orgId);
	}

	@PostMapping("/api/v1/store/items")
	ResponseEntity<StoreItem> create(@RequestBody StoreItemCommand body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(items.create(body));
	}

	@PutMapping("/api/v1/store/items/{id}")
	StoreItem update(@PathVariable long id, @RequestBody StoreItemCommand body) {
		return items.update(id, body);
	}

	@Idempotent
	@PostMapping("/api/v1/store/items/{id}/redemptions")
	ResponseEntity<Order> redeem(@PathVariable long id) {
		Redemption redemption = redemptions.redeem(id);
		return ResponseEntity.status(HttpStatus.CREATED).body(order(redemption));
	}

	@PostMapping("/api/v1/store/redemptions/{id}/cancel")
	Order cancel(@PathVariable long id) {
		return order(redemptions.cancel(id));
	}

	@PostMapping("/api/v1/store/redemptions/collect")
	Order collect(@RequestBody CollectBody body) {
		return order(redemptions.collect(body.code()));
	}

	@GetMapping("/api/v1/people/me/points")
	PointsStatement mine() {
		return points.mine();
	}

	@PostMapping("/api/v1/points/bonus")
	ResponseEntity<PointsEntry> bonus(@RequestBody BonusBody body) {
		if (body.personId() == null || body.points() == null) {
			throw org.wenming.platform.DomainException.onField(body.personId() == null ? "personId" : "points",
					body.personId() == null ? "store.bonus.person" : "store.bonus.points", Points.MAX_BONUS);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(points.bonus(body.personId(), body.points(), body.reason()));
	}

	private Order order(Redemption redemption) {
		return new Order(redemption.id(), redemption.code(), redemption.status().name(), redemption.points(),
				redemption.itemId(), redemption.itemName(), points.balance(redemption.personId()));
	}

	/** An order as answered: its pickup code, status, the points paid and the balance after it. */
	record Order(long id, String code, String status, int points, long itemId, String itemName, long balance) {
	}

	record CollectBody(String code) {
	}

	record BonusBody(Long personId, Integer points, String reason) {
	}

}

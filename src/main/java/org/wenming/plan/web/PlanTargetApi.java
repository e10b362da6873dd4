package org.wenming.plan.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;

import org.wenming.plan.PlanTargets;
import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;
import org.wenming.plan.TargetBinding;
import org.wenming.plan.TargetReading;
import org.wenming.plan.TargetView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's targets as JSON: added, bound to a metric or changed, confirmed, deleted; the value of a
 * {@code manual} target entered with its evidence; the readings kept day by day; and the metrics to
 * bind to.
 */
@RestController
class PlanTargetApi {

	private static final String TARGETS = "/api/v1/plans/{id}/targets";

	private final PlanTargets targets;

	PlanTargetApi(PlanTargets targets) {
		this.targets = targets;
	}

	@GetMapping("/api/v1/plan-metrics")
	List<PlanTargets.MetricChoice> metrics() {
		return targets.metrics();
	}

	@PostMapping(TARGETS)
	ResponseEntity<TargetView> add(@PathVariable long id, @Valid @RequestBody TargetBody body) {
		TargetView target = targets.add(id, body.sectionId(), body.toBinding());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + id + "/targets/" + target.id())).body(target);
	}

	@PutMapping(TARGETS + "/{targetId}")
	TargetView bind(@PathVariable long id, @PathVariable long targetId, @Valid @RequestBody TargetBody body) {
		return targets.bind(id, targetId, body.toBinding());
	}

	@PostMapping(TARGETS + "/{targetId}/confirm")
	TargetView confirm(@PathVariable long id, @PathVariable long targetId) {
		return targets.confirm(id, targetId);
	}

	@DeleteMapping(TARGETS + "/{targetId}")
	ResponseEntity<Void> delete(@PathVariable long id, @PathVariable long targetId) {
		targets.delete(id, targetId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(TARGETS + "/{targetId}/manual-values")
	ResponseEntity<TargetView> enterManualValue(@PathVariable long id, @PathVariable long targetId,
			@Valid @RequestBody ManualValue body) {
		return ResponseEntity.status(201).body(targets.enterManualValue(id, targetId, body.value(), body.evidence()));
	}

	@GetMapping(TARGETS + "/{targetId}/readings")
	List<TargetReading> readings(@PathVariable long id, @PathVariable long targetId) {
		return targets.readings(id, targetId);
	}

	/** A target as the client sends it; {@code sectionId} counts only when adding. */
	record TargetBody(Long sectionId, String text, String metric, Comparator comparator, BigDecimal threshold,
			String unit, Period period, Boolean relative, BigDecimal baseline, Long orgId) {

		TargetBinding toBinding() {
			return new TargetBinding(text, metric, comparator, threshold, unit, period, Boolean.TRUE.equals(relative),
					baseline, orgId);
		}

	}

	record ManualValue(BigDecimal value, String evidence) {
	}

}

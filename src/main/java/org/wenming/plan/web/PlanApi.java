package org.wenming.plan.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.wenming.plan.OutlineMessage;
import org.wenming.plan.OutlineResult;
import org.wenming.plan.PlanComparison;
import org.wenming.plan.PlanDocuments;
import org.wenming.plan.PlanManagement;
import org.wenming.plan.PlanOutlines;
import org.wenming.plan.PlanPreview;
import org.wenming.plan.PlanRevision;
import org.wenming.plan.PlanSummary;
import org.wenming.plan.PlanView;
import org.wenming.plan.SectionDraft;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.DocumentWork;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Plans as JSON: listed by org subtree and year, created empty or imported from a document's text
 * (after a preview the user may fix), their outline edited, published, archived, and their revisions
 * listed and compared.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanApi {

	private final PlanManagement plans;

	private final MessageSource messages;

	PlanApi(PlanManagement plans, MessageSource messages) {
		this.plans = plans;
		this.messages = messages;
	}

	@GetMapping
	List<PlanSummary> list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year) {
		return plans.list(orgId, year);
	}

	@PostMapping
	ResponseEntity<PlanSummary> create(@Valid @RequestBody NewPlan body) {
		PlanSummary plan = plans.create(body.orgId(), body.year(), body.title());
		return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id())).body(plan);
	}

	/** What importing the text would store: nothing is stored. */
	@PostMapping("/preview")
	@DocumentWork
	Preview preview(@Valid @RequestBody PreviewRequest body) {
		PlanPreview preview = plans.preview(body.text());
		return new Preview(preview.plans(), texts(preview.messages()));
	}

	/**
	 * Stores a plan from a document's text (its plan number {@code planIndex}, from 0) or from the
	 * outline the preview gave, checked and fixed by the user.
	 */
	@PostMapping("/import")
	@DocumentWork
	ResponseEntity<Imported> importPlan(@Valid @RequestBody ImportRequest body) {
		PlanPreview.Draft draft = body.plan();
		List<OutlineMessage> notes = List.of();
		PlanSummary plan;
		if (draft != null) {
			plan = plans.createFromOutline(body.orgId(), body.year(), draft.toParsedPlan());
		}
		else if (body.text() != null && !body.text().isBlank()) {
			OutlineResult outline = PlanOutlines.parse(body.text());
			int index = body.planIndex() == null ? 0 : body.planIndex();
			if (index < 0 || index >= outline.plans().size()) {
				throw DomainException.onField("planIndex", "plan.import.planIndex", index + 1);
			}
			notes = outline.messages();
			plan = plans.createFromOutline(body.orgId(), body.year(), outline.plans().get(index));
		}
		else {
			throw DomainException.onField("text", "plan.import.source");
		}
		return ResponseEntity.created(URI.create("/api/v1/plans/" + plan.id()))
			.body(new Imported(plans.view(plan.id()), texts(notes)));
	}

	@GetMapping("/{id}")
	PlanView view(@PathVariable long id) {
		return plans.view(id);
	}

	@PutMapping("/{id}")
	PlanSummary update(@PathVariable long id, @Valid @RequestBody UpdatePlan body) {
		return plans.retitle(id, body.title(), body.leadText());
	}

	@PostMapping("/{id}/publish")
	PlanSummary publish(@PathVariable long id) {
		return plans.publish(id);
	}

	@PostMapping("/{id}/archive")
	PlanSummary archive(@PathVariable long id) {
		return plans.archive(id);
	}

	// ---- the outline -----------------------------------------------------------------------------

	/** Adds a section after {@code afterId} (a sibling), or else as the last child of {@code parentId}. */
	@PostMapping("/{id}/sections")
	ResponseEntity<Map<String, Long>> addSection(@PathVariable long id, @Valid @RequestBody NewSection body) {
		SectionDraft draft = body.toDraft();
		long section = body.afterId() != null ? plans.addSibling(id, body.afterId(), draft)
				: plans.addChild(id, body.parentId(), draft);
		return ResponseEntity.created(URI.create("/api/v1/plans/" + id + "#section-" + section))
			.body(Map.of("id", section));
	}

	@PutMapping("/{id}/sections/{sectionId}")
	ResponseEntity<Void> updateSection(@PathVariable long id, @PathVariable long sectionId,
			@Valid @RequestBody UpdateSection body) {
		plans.updateSection(id, sectionId, body.toDraft());
		return ResponseEntity.noContent().build();
	}

	/** Moves a section under another ({@code parentId} null: to the top level), which changes its level. */
	@PostMapping("/{id}/sections/{sectionId}/move")
	ResponseEntity<Void> moveSection(@PathVariable long id, @PathVariable long sectionId,
			@Valid @RequestBody MoveSection body) {
		plans.moveSection(id, sectionId, body.parentId(), body.position());
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/{id}/sections/{sectionId}")
	ResponseEntity<Void> deleteSection(@PathVariable long id, @PathVariable long sectionId) {
		plans.deleteSection(id, sectionId);
		return ResponseEntity.noContent().build();
	}

	// ---- revisions -------------------------------------------------------------------------------

	@GetMapping("/{id}/revisions")
	List<PlanRevision> revisions(@PathVariable long id) {
		return plans.revisions(id);
	}

	@GetMapping("/{id}/revisions/{number}")
	PlanRevision.WithSnapshot revision(@PathVariable long id, @PathVariable int number) {
		return plans.revision(id, number);
	}

	@GetMapping("/{id}/revisions/compare")
	PlanComparison compare(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
		return plans.compare(id, from, to);
	}

	// ---- bodies ----------------------------------------------------------------------------------

	record NewPlan(@NotNull Long orgId, @NotNull Integer year, @Size(max = 200) String title) {
	}

	record UpdatePlan(@Size(max = 200) String title, @Size(max = PlanManagement.LEAD_TEXT_MAX) String leadText) {
	}

	record PreviewRequest(@NotNull @Size(max = PlanDocuments.MAX_CHARS) String text) {
	}

	record ImportRequest(@NotNull Long orgId, @NotNull Integer year, @Size(max = PlanDocuments.MAX_CHARS) String text,
			Integer planIndex, PlanPreview.Draft plan) {
	}

	record NewSection(Long parentId, Long afterId, String number, String title, String body, BigDecimal weight) {

		SectionDraft toDraft() {
			return new SectionDraft(number, title, body, weight);
		}

	}

	/** A section's new number, title, text or weight; {@code null} keeps what is stored. */
	record UpdateSection(String number, String title, String body, BigDecimal weight) {

		SectionDraft toDraft() {
			return new SectionDraft(number, title, body, weight);
		}

	}

	record MoveSection(Long parentId, Integer position) {
	}

	record Preview(List<PlanPreview.Draft> plans, List<String> messages) {
	}

	record Imported(PlanView plan, List<String> messages) {
	}

	private List<String> texts(List<OutlineMessage> notes) {
		return notes.stream()
			.map(m -> messages.getMessage(m.code(), m.args().toArray(), m.code(), LocaleContextHolder.getLocale()))
			.toList();
	}

}

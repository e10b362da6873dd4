package org.wenming.plan.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;

import org.wenming.plan.Assignments;
import org.wenming.plan.EvidenceUpload;
import org.wenming.plan.Evidence;
import org.wenming.plan.Priority;
import org.wenming.plan.Recurrence;
import org.wenming.plan.Submissions;
import org.wenming.plan.SubmissionBoard;
import org.wenming.plan.Task;
import org.wenming.plan.TaskCommand;
import org.wenming.plan.TaskDetails;
import org.wenming.plan.Tasks;
import org.wenming.platform.DomainException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Tasks as JSON: create on a section, the owner's start, progress and report, the plan's accept,
 * send back, cancel, and distribution with its board and reminders.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskApi {

	private final Tasks tasks;

	private final Submissions submissions;

	TaskApi(Tasks tasks, Submissions submissions) {
		this.tasks = tasks;
		this.submissions = submissions;
	}

	/** What the caller's own orgs have to do: the tasks they own and the submissions due from them. */
	@GetMapping(params = "assignedTo=mine")
	Assignments mine() {
		return new Assignments(tasks.ownedByMyOrgs(), submissions.dueFromMyOrgs());
	}

	/** The tasks of a plan, section by section. */
	@GetMapping(params = "planId")
	List<Task> ofPlan(@RequestParam long planId) {
		return tasks.ofPlan(planId);
	}

	/** Neither filter: a problem document saying which to give, rather than every task in scope. */
	@GetMapping
	List<Task> unfiltered() {
		throw DomainException.onField("assignedTo", "plan.task.list.filter");
	}

	@PostMapping
	ResponseEntity<Task> create(@Valid @RequestBody TaskBody body) {
		long id = tasks.create(body.toCommand());
		return ResponseEntity.created(URI.create("/api/v1/tasks/" + id)).body(tasks.get(id));
	}

	@GetMapping("/{id}")
	TaskDetails get(@PathVariable long id) {
		return tasks.details(id);
	}

	@GetMapping("/{id}/evidence/{evidenceId}")
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
		return EvidenceResponses.download(tasks.evidence(id, evidenceId));
	}

	@PostMapping("/{id}/start")
	Task start(@PathVariable long id) {
		return tasks.start(id);
	}

	@PostMapping("/{id}/progress")
	Task progress(@PathVariable long id, @RequestBody ProgressBody body) {
		return tasks.updateProgress(id, body.progress());
	}

	@PostMapping("/{id}/reports")
	Task report(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) List<MultipartFile> files) throws IOException {
		return tasks.report(id, text, uploads(files));
	}

	@PostMapping("/{id}/accept")
	Task accept(@PathVariable long id) {
		return tasks.accept(id);
	}

	@PostMapping("/{id}/send-back")
	Task sendBack(@PathVariable long id, @RequestBody ReasonBody body) {
		return tasks.sendBack(id, body.reason());
	}

	@PostMapping("/{id}/cancel")
	Task cancel(@PathVariable long id, @RequestBody ReasonBody body) {
		return tasks.cancel(id, body.reason());
	}

	/** Without a body, or without {@code orgIds}, to every open org directly below the plan's org. */
	@PostMapping("/{id}/distribute")
	SubmissionBoard distribute(@PathVariable long id, @RequestBody(required = false) DistributeBody body) {
		return submissions.distribute(id, body == null ? null : body.orgIds());
	}

	@GetMapping("/{id}/board")
	SubmissionBoard board(@PathVariable long id) {
		return submissions.board(id);
	}

	@PostMapping("/{id}/remind")
	Reminded remind(@PathVariable long id) {
		return new Reminded(submissions.remind(id));
	}

	static List<EvidenceUpload> uploads(List<MultipartFile> files) throws IOException {
		List<EvidenceUpload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			uploads.add(new EvidenceUpload(file.getOriginalFilename(), file.getBytes()));
		}
		return uploads;
	}

	/** A new task; see {@link TaskCommand}. */
	record TaskBody(Long sectionId, String title, String description, Long ownerOrgId, List<Long> cooperatingOrgIds,
			String leader, LocalDate deadline, Recurrence recurrence, Priority priority, BigDecimal weight) {

		TaskCommand toCommand() {
			return new TaskCommand(sectionId, title, description, ownerOrgId, cooperatingOrgIds, leader, deadline,
					recurrence, priority, weight);
		}

	}

	record ProgressBody(Integer progress) {
	}

	record ReasonBody(String reason) {
	}

	record DistributeBody(List<Long> orgIds) {
	}

	/** How many orgs were reminded. */
	record Reminded(int reminded) {
	}

}

package org.wenming.plan.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.wenming.plan.ReviewDecision;
import org.wenming.plan.Submission;
import org.wenming.plan.Submissions;

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
 * A child org's submission (报送) as JSON: read it, submit it, and the sender's review.
 */
@RestController
@RequestMapping("/api/v1/submissions")
class SubmissionApi {

	private final Submissions submissions;

	SubmissionApi(Submissions submissions) {
		this.submissions = submissions;
	}

	@GetMapping("/{id}")
	Submission get(@PathVariable long id) {
		return submissions.get(id);
	}

	@GetMapping("/{id}/evidence/{evidenceId}")
	ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
		return EvidenceResponses.download(submissions.evidence(id, evidenceId));
	}

	@PostMapping("/{id}/submit")
	Submission submit(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) List<MultipartFile> files) throws IOException {
		return submissions.submit(id, text, TaskApi.uploads(files));
	}

	@PostMapping("/{id}/review")
	Submission review(@PathVariable long id, @RequestBody ReviewBody body) {
		return submissions.review(id, body.score(), body.comment(), body.decision());
	}

	/** {@code ACCEPT} with a score, or {@code RETURN} with a comment saying why. */
	record ReviewBody(BigDecimal score, String comment, ReviewDecision decision) {
	}

}

package org.wenming.activity.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.wenming.activity.Activities;
import org.wenming.activity.Activity;
import org.wenming.activity.ActivityPhoto;
import org.wenming.activity.ActivityQuery;
import org.wenming.activity.ActivityStatus;
import org.wenming.activity.ActivityType;
import org.wenming.activity.Signup;
import org.wenming.activity.SignupResult;
import org.wenming.activity.Signups;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.Page;
import org.wenming.platform.web.Idempotent;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Activities as JSON: create (and publish), list, read, change, publish, cancel, finish, the
 * summary and photos afterwards; the caller's own sign-up and its cancellation, and the sign-ups
 * an organizer sees.
 */
@RestController
@RequestMapping("/api/v1/activities")
class ActivityApi {

	private final Activities activities;

	private final Signups signups;

	ActivityApi(Activities activities, Signups signups) {
		this.activities = activities;
		this.signups = signups;
	}

	@PostMapping
	ResponseEntity<Activity> create(@RequestBody ActivityBody body) {
		Activity activity = activities.create(body.toCommand(), Boolean.TRUE.equals(body.publish()));
		return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id())).body(activity);
	}

	@GetMapping
	Page<Activity> list(@RequestParam(required = false) ActivityStatus status,
			@RequestParam(required = false) ActivityType type, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return activities.list(new ActivityQuery(status, type, orgId, q), page, size);
	}

	@GetMapping("/{id}")
	Activity get(@PathVariable long id) {
		return activities.get(id);
	}

	@PutMapping("/{id}")
	Activity update(@PathVariable long id, @RequestBody ActivityBody body) {
		return activities.update(id, body.toCommand());
	}

	@PostMapping("/{id}/publish")
	Activity publish(@PathVariable long id) {
		return activities.publish(id);
	}

	@PostMapping("/{id}/cancel")
	Activity cancel(@PathVariable long id, @RequestBody(required = false) ReasonBody body) {
		return activities.cancel(id, body == null ? null : body.reason());
	}

	@PostMapping("/{id}/finish")
	Activity finish(@PathVariable long id) {
		return activities.finish(id);
	}

	@PutMapping("/{id}/summary")
	Activity summary(@PathVariable long id, @RequestBody(required = false) SummaryBody body) {
		return activities.summarize(id, body == null ? null : body.summary());
	}

	@PostMapping("/{id}/photos")
	ResponseEntity<ActivityPhoto> addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile file)
			throws IOException {
		if (file == null) {
			throw DomainException.onField("file", "activity.photo.empty");
		}
		ActivityPhoto photo = activities.addPhoto(id, file.getOriginalFilename(), file.getBytes());
		return ResponseEntity.created(URI.create("/api/v1/activities/" + id + "/photos/" + photo.id())).body(photo);
	}

	@GetMapping("/{id}/photos")
	List<ActivityPhoto> photos(@PathVariable long id) {
		return activities.photos(id);
	}

	@GetMapping("/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		return photoResponse(activities.photo(id, photoId));
	}

	@GetMapping("/{id}/signups")
	List<Signup> signups(@PathVariable long id) {
		return signups.ofActivity(id);
	}

	@Idempotent
	@PostMapping("/{id}/signups")
	@ResponseStatus(HttpStatus.CREATED)
	SignupResult signUp(@PathVariable long id) {
		return signups.signUp(id);
	}

	@DeleteMapping("/{id}/signups/me")
	ResponseEntity<Void> cancelMine(@PathVariable long id) {
		signups.cancelMine(id);
		return ResponseEntity.noContent().build();
	}

	static ResponseEntity<byte[]> photoResponse(Activities.PhotoContent photo) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(photo.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.content());
	}

	record ReasonBody(String reason) {
	}

	record SummaryBody(String summary) {
	}

}

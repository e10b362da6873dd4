package org.wenming.activity.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wenming.activity.Activities;
import org.wenming.activity.Activity;
import org.wenming.activity.ActivityQuery;
import org.wenming.activity.ActivityStatus;
import org.wenming.activity.ActivityType;
import org.wenming.activity.Audience;
import org.wenming.activity.HoursRule;
import org.wenming.activity.Signups;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.platform.DomainException;
import org.wenming.platform.Times;
import org.wenming.platform.web.Page;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages of activities: the list with filters, the form to create or change one, and
 * its page with the sign-ups and waiting list, the buttons that move it on, its summary and photos.
 */
@Controller
@RequestMapping("/activities")
class ActivityPages {

	private final Activities activities;

	private final Signups signups;

	private final OrgDirectory orgs;

	private final MessageSource messages;

	private final Times times;

	private final org.springframework.beans.factory.ObjectProvider<org.wenming.activity.Memberships> memberships;

	ActivityPages(Activities activities, Signups signups, OrgDirectory orgs, MessageSource messages, Times times,
			org.springframework.beans.factory.ObjectProvider<org.wenming.activity.Memberships> memberships) {
		this.memberships = memberships;
		this.activities = activities;
		this.signups = signups;
		this.orgs = orgs;
		this.messages = messages;
		this.times = times;
	}

	@GetMapping
	String list(@RequestParam(required = false) ActivityStatus status, @RequestParam(required = false) ActivityType type,
			@RequestParam(required = false) Long orgId, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Page<Activity> found = activities.list(new ActivityQuery(status, type, orgId, q), page, 30);
		model.addAttribute("activities", found);
		model.addAttribute("orgNames", orgNames(found.items()));
		model.addAttribute("orgOptions", orgs.visibleTree(false));
		model.addAttribute("statuses", ActivityStatus.values());
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("status", status);
		model.addAttribute("type", type);
		model.addAttribute("orgId", orgId);
		model.addAttribute("q", q);
		return "activity/list";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		List<Org> options = orgs.visibleTree(false);
		return form(model, ActivityForm.empty(options.isEmpty() ? null : options.get(0).id()), null, Map.of());
	}

	@PostMapping("/new")
	String create(@ModelAttribute ActivityForm form, Model model, RedirectAttributes redirect) {
		try {
			Activity activity = activities.create(form.toCommand(times), Boolean.TRUE.equals(form.publish()));
			redirect.addFlashAttribute("flashSuccess", text("activity.page.created"));
			return "redirect:/activities/" + activity.id();
		}
		catch (DomainException ex) {
			return formError(model, form, null, ex);
		}
	}

	@GetMapping("/{id:\\d+}")
	String detail(@PathVariable long id, Model model) {
		Activity activity = activities.get(id);
		model.addAttribute("activity", activity);
		model.addAttribute("organizer", orgs.find(activity.organizerOrgId()).map(Org::name).orElse(""));
		model.addAttribute("audienceOrg", activity.audienceOrgId() == null ? null
				: orgs.find(activity.audienceOrgId()).map(Org::name).orElse(null));
		model.addAttribute("canWrite", activities.canWrite(activity));
		model.addAttribute("signups", activities.canRead(activity) ? signups.ofActivity(id) : List.of());
		model.addAttribute("photos", activities.photos(id));
		model.addAttribute("cancelReason", activities.cancelReason(id).orElse(null));
		return "activity/detail";
	}

	@GetMapping("/{id:\\d+}/edit")
	String editForm(@PathVariable long id, Model model) {
		Activity activity = activities.get(id);
		return form(model, ActivityForm.of(activity, times), activity, Map.of());
	}

	@PostMapping("/{id:\\d+}/edit")
	String update(@PathVariable long id, @ModelAttribute ActivityForm form, Model model, RedirectAttributes redirect) {
		Activity activity = activities.get(id);
		try {
			activities.update(id, form.toCommand(times));
			redirect.addFlashAttribute("flashSuccess", text("activity.page.saved"));
			return "redirect:/activities/" + id;
		}
		catch (DomainException ex) {
			return formError(model, form, activity, ex);
		}
	}

	@PostMapping("/{id:\\d+}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "activity.page.published", () -> activities.publish(id));
	}

	@PostMapping("/{id:\\d+}/finish")
	String finish(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, "activity.page.finished", () -> activities.finish(id));
	}

	@PostMapping("/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(id, redirect, "activity.page.cancelled", () -> activities.cancel(id, reason));
	}

	@PostMapping("/{id:\\d+}/summary")
	String summary(@PathVariable long id, @RequestParam(required = false) String summary, RedirectAttributes redirect) {
		return act(id, redirect, "activity.page.summarized", () -> activities.summarize(id, summary));
	}

	@PostMapping("/{id:\\d+}/photos")
	String photo(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		byte[] content = file == null ? null : file.getBytes();
		String name = file == null ? null : file.getOriginalFilename();
		return act(id, redirect, "activity.page.photoAdded", () -> activities.addPhoto(id, name, content));
	}

	@GetMapping("/{id:\\d+}/photos/{photoId:\\d+}")
	ResponseEntity<byte[]> photoContent(@PathVariable long id, @PathVariable long photoId) {
		return ActivityApi.photoResponse(activities.photo(id, photoId));
	}

	private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", text(success));
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/activities/" + id;
	}

	private String formError(Model model, ActivityForm form, Activity activity, DomainException ex) {
		if (ex.status().value() == 404 && activity != null) {
			throw ex;
		}
		String message = ex.status().value() == 404 ? text("activity.page.orgOutOfScope") : text(ex.code(), ex.args());
		return form(model, form, activity, Map.of(ex.field() == null ? "form" : ex.field(), message));
	}

	private String form(Model model, ActivityForm form, Activity activity, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("activity", activity);
		model.addAttribute("errors", errors);
		model.addAttribute("orgOptions", orgs.visibleTree(false));
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("audiences", Audience.values());
		model.addAttribute("hoursRules", HoursRule.values());
		// The teams of the caller's scope for the team picker (which searches further by name).
		var spi = memberships.getIfAvailable();
		model.addAttribute("teamChoices", spi == null ? List.of() : spi.teamChoices(null, 200));
		return "activity/form";
	}

	private Map<Long, String> orgNames(List<Activity> items) {
		Map<Long, String> names = new LinkedHashMap<>();
		items.forEach(a -> names.computeIfAbsent(a.organizerOrgId(), orgId -> orgs.find(orgId).map(Org::name).orElse("")));
		return names;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

}

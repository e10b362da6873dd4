package org.wenming.directory.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The org tree (组织机构): browse it, add a child org, rename, move and close an org.
 */
@Controller
@RequestMapping("/orgs")
class OrgPages {

	private final OrgDirectory orgs;

	private final DataScopes scopes;

	private final OrgChoices choices;

	private final Flash flash;

	OrgPages(OrgDirectory orgs, DataScopes scopes, OrgChoices choices, Flash flash) {
		this.orgs = orgs;
		this.scopes = scopes;
		this.choices = choices;
		this.flash = flash;
	}

	@ModelAttribute("orgTypes")
	OrgType[] orgTypes() {
		return OrgType.values();
	}

	@GetMapping
	String tree(@RequestParam(defaultValue = "false") boolean closed, Model model) {
		model.addAttribute("roots", OrgNode.tree(orgs.visibleTree(closed)));
		model.addAttribute("showClosed", closed);
		return "directory/orgs";
	}

	@GetMapping("/new")
	String newOrg(@RequestParam(required = false) Long parentId, Model model) {
		model.addAttribute("orgForm", new OrgForm(parentId, null, null, null));
		return createForm(model);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("orgForm") OrgForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		result = FormErrors.withTarget(form, result, model);
		if (!result.hasErrors()) {
			try {
				Org org = orgs.create(form.parentId(), form.name(), form.type(), form.divisionCode());
				flash.success(redirect, "dir.org.created", org.name());
				return "redirect:/orgs/" + org.id();
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return createForm(model);
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		Org org = orgs.get(id);
		if (!model.containsAttribute("renameForm")) {
			model.addAttribute("renameForm", new RenameForm(org.name(), org.divisionCode()));
		}
		if (!model.containsAttribute("moveForm")) {
			model.addAttribute("moveForm", new MoveForm(org.parentId()));
		}
		List<Org> tree = orgs.visibleTree(true);
		Map<Long, Org> visible = tree.stream().collect(Collectors.toMap(Org::id, o -> o));
		// the path lists the ancestors' ids from the root; show those the caller may see
		List<Org> ancestors = Arrays.stream(StringUtils.tokenizeToStringArray(org.path(), "/"))
			.map(Long::valueOf)
			.filter(ancestor -> ancestor != id)
			.map(visible::get)
			.filter(Objects::nonNull)
			.toList();
		model.addAttribute("org", org);
		model.addAttribute("ancestors", ancestors);
		model.addAttribute("children", tree.stream().filter(o -> Long.valueOf(id).equals(o.parentId())).toList());
		model.addAttribute("writable", scopes.current(Permission.ORG_WRITE).covers(org));
		model.addAttribute("parentOptions", Option.orgs(choices.open(Permission.ORG_WRITE, o -> !org.contains(o))));
		return "directory/org";
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable long id, @Valid @ModelAttribute("renameForm") RenameForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		result = FormErrors.withTarget(form, result, model);
		if (!result.hasErrors()) {
			try {
				Org org = orgs.rename(id, form.name(), form.divisionCode());
				flash.success(redirect, "dir.org.renamed", org.name());
				return "redirect:/orgs/" + id;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return detail(id, model);
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable long id, @Valid @ModelAttribute("moveForm") MoveForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		result = FormErrors.withTarget(form, result, model);
		if (!result.hasErrors()) {
			try {
				Org org = orgs.move(id, form.parentId());
				flash.success(redirect, "dir.org.moved", org.name());
				return "redirect:/orgs/" + id;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return detail(id, model);
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			Org org = orgs.close(id);
			flash.success(redirect, "dir.org.closed", org.name());
			return "redirect:/orgs/" + id;
		}
		catch (DomainException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			model.addAttribute("closeError", flash.text(ex.code(), ex.args()));
			response.setStatus(ex.status().value());
			return detail(id, model);
		}
	}

	private String createForm(Model model) {
		model.addAttribute("parentOptions", choices.covered(Permission.ORG_WRITE));
		return "directory/org-form";
	}

	/** An org with the orgs below it, for showing the tree as nested lists. */
	record OrgNode(Org org, List<OrgNode> children) {

		/** Builds the forest of orgs given in path order; an org whose parent is not visible is a root. */
		static List<OrgNode> tree(List<Org> orgs) {
			Map<Long, OrgNode> nodes = new LinkedHashMap<>();
			List<OrgNode> roots = new ArrayList<>();
			for (Org org : orgs) {
				OrgNode node = new OrgNode(org, new ArrayList<>());
				nodes.put(org.id(), node);
				OrgNode parent = org.parentId() == null ? null : nodes.get(org.parentId());
				(parent == null ? roots : parent.children()).add(node);
			}
			return roots;
		}

	}

	record OrgForm(Long parentId, @Size(max = 100, message = "{org.name.tooLong}") String name, OrgType type,
			@Size(max = 12, message = "{org.divisionCode.format}") String divisionCode) {
	}

	record RenameForm(@Size(max = 100, message = "{org.name.tooLong}") String name,
			@Size(max = 12, message = "{org.divisionCode.format}") String divisionCode) {
	}

	record MoveForm(@NotNull(message = "{org.parent.required}") Long parentId) {
	}

}

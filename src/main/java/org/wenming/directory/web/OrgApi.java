package org.wenming.directory.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The org tree as JSON, within the caller's scope.
 */
@RestController
@RequestMapping("/api/v1/orgs")
class OrgApi {

	private final OrgDirectory orgs;

	OrgApi(OrgDirectory orgs) {
		this.orgs = orgs;
	}

	@GetMapping
	List<OrgJson> list(@RequestParam(defaultValue = "false") boolean includeClosed) {
		return orgs.visibleTree(includeClosed).stream().map(OrgJson::of).toList();
	}

	@GetMapping("/{id}")
	OrgJson get(@PathVariable long id) {
		return OrgJson.of(orgs.get(id));
	}

	@PostMapping
	ResponseEntity<OrgJson> create(@Valid @RequestBody CreateOrg body) {
		Org org = orgs.create(body.parentId(), body.name(), body.type(), body.divisionCode());
		return ResponseEntity.created(URI.create("/api/v1/orgs/" + org.id())).body(OrgJson.of(org));
	}

	@PutMapping("/{id}")
	OrgJson update(@PathVariable long id, @Valid @RequestBody UpdateOrg body) {
		return OrgJson.of(orgs.rename(id, body.name(), body.divisionCode()));
	}

	@PostMapping("/{id}/move")
	OrgJson move(@PathVariable long id, @Valid @RequestBody MoveOrg body) {
		return OrgJson.of(orgs.move(id, body.parentId()));
	}

	@PostMapping("/{id}/close")
	OrgJson close(@PathVariable long id) {
		return OrgJson.of(orgs.close(id));
	}

	record CreateOrg(@NotNull Long parentId, @NotBlank @Size(max = 100) String name, @NotNull OrgType type,
			@Size(max = 12) String divisionCode) {
	}

	record UpdateOrg(@NotBlank @Size(max = 100) String name, @Size(max = 12) String divisionCode) {
	}

	record MoveOrg(@NotNull Long parentId) {
	}

	record OrgJson(long id, Long parentId, String name, OrgType type, String typeName, String divisionCode, int depth,
			boolean closed) {

		static OrgJson of(Org org) {
			return new OrgJson(org.id(), org.parentId(), org.name(), org.type(), org.type().label(), org.divisionCode(),
					org.depth(), org.isClosed());
		}

	}

}

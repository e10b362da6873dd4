package org.wenming.directory.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.wenming.directory.CareRecipient;
import org.wenming.directory.CareRecipientType;
import org.wenming.directory.CareRecipients;
import org.wenming.directory.People;
import org.wenming.directory.Person;
import org.wenming.directory.PersonCommand;
import org.wenming.directory.PersonQuery;
import org.wenming.directory.PersonalData;
import org.wenming.platform.web.Page;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * People and care recipients as JSON: always masked, except the audited full view.
 */
@RestController
@Validated
class PeopleApi {

	private final People people;

	private final CareRecipients careRecipients;

	PeopleApi(People people, CareRecipients careRecipients) {
		this.people = people;
		this.careRecipients = careRecipients;
	}

	@GetMapping("/api/v1/people")
	Page<Person> list(@RequestParam(required = false) String name, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String politicalStatus,
			@RequestParam(required = false) String gender, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String phone, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return people.search(new PersonQuery(name, orgId, tag, politicalStatus, gender, idNumber, phone), page, size);
	}

	@GetMapping("/api/v1/people/{id}")
	Person get(@PathVariable long id) {
		return people.get(id);
	}

	@GetMapping("/api/v1/people/{id}/personal-data")
	PersonalData personalData(@PathVariable long id) {
		return people.fullView(id);
	}

	@PostMapping("/api/v1/people")
	ResponseEntity<Person> create(@Valid @RequestBody PersonBody body) {
		long id = people.create(body.toCommand());
		return ResponseEntity.created(URI.create("/api/v1/people/" + id)).body(people.get(id));
	}

	@PutMapping("/api/v1/people/{id}")
	Person update(@PathVariable long id, @Valid @RequestBody PersonBody body) {
		return people.update(id, body.toCommand());
	}

	@GetMapping("/api/v1/care-recipients")
	Page<CareRecipient> careRecipients(@RequestParam(required = false) CareRecipientType type,
			@RequestParam(required = false) Long orgId, @RequestParam(required = false) String name,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return careRecipients.search(type, orgId, name, page, size);
	}

	@PostMapping("/api/v1/care-recipients")
	ResponseEntity<Long> registerCareRecipient(@Valid @RequestBody CareRecipientBody body) {
		long id = careRecipients.register(body.personId(), body.type(), body.needs(), body.responsibleOrgId());
		return ResponseEntity.created(URI.create("/api/v1/care-recipients/" + id)).body(id);
	}

	@PostMapping("/api/v1/care-recipients/{id}/close")
	ResponseEntity<Void> closeCareRecipient(@PathVariable long id) {
		careRecipients.close(id);
		return ResponseEntity.noContent().build();
	}

	/** A person as sent by API clients; on update, absent ID number, phone or address keep the stored one. */
	record PersonBody(@NotBlank @Size(max = 50) String name, @Size(max = 6) String gender, LocalDate birthDate,
			@Size(max = 18) String idNumber, @Size(max = 20) String phone, @Size(max = 200) String address,
			@Size(max = 20) String politicalStatus, List<@Size(max = 20) String> tags, Long workOrgId, Long homeOrgId) {

		PersonCommand toCommand() {
			return new PersonCommand(name, gender, birthDate, idNumber, phone, address, politicalStatus,
					tags == null ? List.of() : tags, workOrgId, homeOrgId);
		}

	}

	record CareRecipientBody(long personId, CareRecipientType type, @Size(max = 2000) String needs,
			long responsibleOrgId) {
	}

}

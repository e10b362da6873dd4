package org.wenming.directory.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Size;

import org.wenming.directory.Person;
import org.wenming.directory.PersonCommand;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The person form. On a change the ID number, phone and address come empty unless retyped, and an
 * empty one keeps what is stored.
 */
record PersonForm(@Size(max = 50, message = "{person.name.tooLong}") String name, String gender,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
		@Size(max = 30, message = "{person.idNumber.format}") String idNumber,
		@Size(max = 30, message = "{person.phone.format}") String phone,
		@Size(max = 200, message = "{person.address.tooLong}") String address, String politicalStatus,
		List<String> tags, Long workOrgId, Long homeOrgId) {

	/** A new person, living in the given community when one is given. */
	static PersonForm livingIn(Long homeOrgId) {
		return new PersonForm(null, null, null, null, null, null, null, List.of(), null, homeOrgId);
	}

	/** The stored person, with the fields that are only ever shown masked left empty. */
	static PersonForm of(Person person) {
		return new PersonForm(person.name(), person.gender(), null, null, null, null,
				person.politicalStatus(), person.tags(), person.workOrgId(), person.homeOrgId());
	}

	/** Empty inputs become {@code null}: on a change that keeps the stored value, on creation it means none. */
	PersonCommand toCommand() {
		return new PersonCommand(name, blankToNull(gender), birthDate, blankToNull(idNumber), blankToNull(phone),
				blankToNull(address), blankToNull(politicalStatus), tags == null ? List.of() : tags, workOrgId,
				homeOrgId);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}

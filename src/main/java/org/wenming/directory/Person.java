package org.wenming.directory;

import java.util.List;

/**
 * A person as shown to whoever may see the person: ID number, phone and address masked, and of the
 * birth date only the year (the full date is part of the ID number, see {@link PersonalData}).
 */
public record Person(long id, String name, String gender, Integer birthYear, String idNumberMasked,
		String phoneMasked, String addressMasked, String politicalStatus, List<String> tags, Long workOrgId,
		String workOrgName, Long homeOrgId, String homeOrgName) {

	/**
	 * The person as a picker shows them: the name, then the masked ID number (to tell namesakes
	 * apart) and where they live or work. Never the full ID number.
	 */
	public org.wenming.platform.web.PickerSearch.Choice choice() {
		String place = homeOrgName != null ? homeOrgName : workOrgName;
		String detail = java.util.stream.Stream.of(idNumberMasked, place)
			.filter(org.springframework.util.StringUtils::hasText)
			.collect(java.util.stream.Collectors.joining(" · "));
		return org.wenming.platform.web.PickerSearch.Choice.of(id, name, detail);
	}

}

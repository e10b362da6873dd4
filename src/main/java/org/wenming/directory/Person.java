package org.wenming.directory;

import java.util.List;

/**
 * A person as shown to whoever may see the person: ID number, phone and address masked, and of the
 * birth date only the year (the full date is part of the ID number, see {@link PersonalData}).
 */
public record Person(long id, String name, String gender, Integer birthYear, String idNumberMasked,
		String phoneMasked, String addressMasked, String politicalStatus, List<String> tags, Long workOrgId,
		String workOrgName, Long homeOrgId, String homeOrgName) {
}

package org.wenming.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * A person as shown to whoever may see the person: ID number, phone and address masked.
 */
public record Person(long id, String name, String gender, LocalDate birthDate, String idNumberMasked,
		String phoneMasked, String addressMasked, String politicalStatus, List<String> tags, Long workOrgId,
		String workOrgName, Long homeOrgId, String homeOrgName) {
}

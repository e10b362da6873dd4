package org.wenming.directory;

/**
 * Filters of the people list; each may be blank.
 *
 * @param orgId people who work or live in this org's subtree
 * @param idNumber exact full ID number (matched through its keyed hash)
 * @param phone exact full phone number (matched through its keyed hash)
 */
public record PersonQuery(String name, Long orgId, String tag, String politicalStatus, String gender, String idNumber,
		String phone) {

	public static PersonQuery all() {
		return new PersonQuery(null, null, null, null, null, null, null);
	}

}

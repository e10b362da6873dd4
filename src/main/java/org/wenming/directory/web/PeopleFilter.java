package org.wenming.directory.web;

import org.wenming.directory.PersonQuery;

import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the people list, as they come in the query string.
 */
record PeopleFilter(String name, Long orgId, String tag, String politicalStatus, String gender, String idNumber,
		String phone) {

	PersonQuery toQuery() {
		return new PersonQuery(name, orgId, tag, politicalStatus, gender, idNumber, phone);
	}

	/** The filters that are set, as {@code ?name=…&tag=…}, or an empty string. */
	String queryString() {
		UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
		add(uri, "name", name);
		add(uri, "orgId", orgId == null ? null : orgId.toString());
		add(uri, "tag", tag);
		add(uri, "politicalStatus", politicalStatus);
		add(uri, "gender", gender);
		add(uri, "idNumber", idNumber);
		add(uri, "phone", phone);
		String query = uri.encode().build().getQuery();
		return query == null ? "" : "?" + query;
	}

	private static void add(UriComponentsBuilder uri, String name, String value) {
		if (StringUtils.hasText(value)) {
			uri.queryParam(name, value.strip());
		}
	}

}

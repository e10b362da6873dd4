package org.wenming.volunteer;

import java.util.List;
import java.util.Map;

/**
 * What a 志愿服务证明 states, as stored (JSON) and signed when it is issued. Hours are decimal
 * strings so that the stored text never depends on how numbers are printed.
 */
public record CertificateContent(String code, String name, String idNumberMasked, String volunteerNo, long orgId,
		String orgName, String issuedOn, String totalHours, Map<String, String> hoursByYear,
		List<ActivityLine> activities) {

	/** The hours of one activity served. */
	public record ActivityLine(String title, String date, String hours) {
	}

}

package org.wenming.directory;

import java.time.LocalDate;
import java.util.List;

/**
 * What creates or changes a person. On a change, a {@code null} ID number, phone or address keeps
 * the stored value (forms show them masked and send them only when retyped).
 */
public record PersonCommand(String name, String gender, LocalDate birthDate, String idNumber, String phone,
		String address, String politicalStatus, List<String> tags, Long workOrgId, Long homeOrgId) {

	public static final List<String> POLITICAL_STATUSES = List.of("中共党员", "中共预备党员", "共青团员", "民主党派", "无党派人士",
			"群众");

	public static final List<String> TAGS = List.of("干部", "处级以上干部", "党员", "职工", "居民");

	public static final List<String> GENDERS = List.of("男", "女");

}

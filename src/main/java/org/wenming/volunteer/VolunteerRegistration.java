package org.wenming.volunteer;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a registration states (the fields 志愿服务记录办法 asks for). {@code personId} names the
 * person a unit registers and is ignored when people register themselves; {@code idNumber} is
 * what people registering themselves type and is ignored for a unit's registration.
 */
public record VolunteerRegistration(Long personId, @NotNull Long orgId, @Size(max = 18) String idNumber,
		@Size(max = 500) String skills, @Size(max = 500) String serviceAreas, @Size(max = 200) String availability,
		@Size(max = 20) String education, @Size(max = 20) String politicalStatus,
		@Size(max = 50) String emergencyContact, @Size(max = 20) String emergencyPhone) {

	public static final List<String> EDUCATIONS = List.of("小学", "初中", "高中/中专", "大专", "本科", "研究生");

}

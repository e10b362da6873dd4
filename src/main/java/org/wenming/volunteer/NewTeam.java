package org.wenming.volunteer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What creates a team: its org, name and leader (a person). */
public record NewTeam(@NotNull Long orgId, @NotBlank @Size(max = 100) String name, @NotNull Long leaderPersonId,
		@Size(max = 2000) String description, @Size(max = 500) String serviceAreas) {
}

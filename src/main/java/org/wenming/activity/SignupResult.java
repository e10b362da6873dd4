package org.wenming.activity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What signing up gave: a place, or a place on the waiting list ({@code position} from 1).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignupResult(SignupStatus status, Integer position) {
}

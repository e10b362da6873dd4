package org.wenming.directory.web;

import java.util.List;

import org.wenming.directory.FieldProblem;
import org.wenming.platform.DomainException;

import org.springframework.beans.BeansException;
import org.springframework.validation.BindingResult;

/**
 * Puts what a service refused onto the form that asked for it, so that the page shows it beside
 * the field (or above the form when no field is to blame) instead of an error page.
 */
final class FormErrors {

	private FormErrors() {
	}

	static void reject(BindingResult result, DomainException ex) {
		if (ex.field() != null && !result.hasFieldErrors(ex.field())) {
			try {
				result.rejectValue(ex.field(), ex.code(), ex.args(), null);
				return;
			}
			catch (BeansException notOnThisForm) {
				// the service named a field this form does not have: say it above the form
			}
		}
		result.reject(ex.code(), ex.args(), null);
	}

	/** Adds the problems a service found, except on fields that already failed to bind. */
	static void reject(BindingResult result, List<FieldProblem> problems) {
		for (FieldProblem problem : problems) {
			if (!result.hasFieldErrors(problem.field())) {
				result.rejectValue(problem.field(), problem.code());
			}
		}
	}

}

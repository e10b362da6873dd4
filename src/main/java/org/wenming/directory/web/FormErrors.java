package org.wenming.directory.web;

import java.util.List;

import org.wenming.directory.FieldProblem;
import org.wenming.platform.DomainException;

import org.springframework.beans.BeansException;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;

/**
 * Puts what a service refused onto the form that asked for it, so that the page shows it beside
 * the field (or above the form when no field is to blame) instead of an error page.
 */
final class FormErrors {

	private FormErrors() {
	}

	/**
	 * The binding result of a form, tied to the form object. When a value fails to convert, Spring
	 * records the error before the record is constructed and leaves the result without a target,
	 * and the model without the form; this puts both back so that the form can be shown again.
	 */
	static BindingResult withTarget(Object form, BindingResult result, Model model) {
		if (result.getTarget() != null || form == null) {
			return result;
		}
		BeanPropertyBindingResult bound = new BeanPropertyBindingResult(form, result.getObjectName());
		bound.addAllErrors(result);
		model.addAttribute(result.getObjectName(), form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), bound);
		return bound;
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

package org.wenming.platform.web;

import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.ledger.LedgerAnchors;
import org.wenming.platform.ledger.LedgerVerification;
import org.wenming.platform.security.HttpAuthorizationRules;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger verification (账本校验) for the civilization office's admins: recomputes the hash
 * chains and the sums on every visit, and publishes the anchors on request.
 */
@Controller
@RequestMapping("/ledger-integrity")
class LedgerPages {

	private final LedgerVerification verification;

	private final LedgerAnchors anchors;

	LedgerPages(LedgerVerification verification, LedgerAnchors anchors) {
		this.verification = verification;
		this.anchors = anchors;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("report", verification.verify());
		return "ledger-integrity";
	}

	@PostMapping("/anchor")
	String anchor(RedirectAttributes redirect) {
		redirect.addFlashAttribute("anchored", anchors.publish(AuditLog.currentActor()).size());
		return "redirect:/ledger-integrity";
	}

	/** Only who reads the whole audit log (the office's admins) sees and anchors the ledgers. */
	@Component
	static class Authorization implements HttpAuthorizationRules {

		@Override
		public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
			rules.requestMatchers(HttpMethod.GET, "/ledger-integrity").hasAuthority("audit:read")
				.requestMatchers(HttpMethod.POST, "/ledger-integrity/anchor").hasAuthority("audit:read");
		}

	}

}

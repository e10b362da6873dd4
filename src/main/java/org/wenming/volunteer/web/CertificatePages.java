package org.wenming.volunteer.web;

import org.wenming.volunteer.CertificateCheck;
import org.wenming.volunteer.Certificates;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public page a certificate's QR code points to: genuine and unchanged, changed, or unknown. */
@Controller
class CertificatePages {

	private final Certificates certificates;

	CertificatePages(Certificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/certificates/{code}")
	String verify(@PathVariable String code, Model model) {
		CertificateCheck check = certificates.check(code);
		model.addAttribute("check", check);
		model.addAttribute("code", code);
		return "certificate-verify";
	}

}

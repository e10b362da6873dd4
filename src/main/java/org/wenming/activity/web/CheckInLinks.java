package org.wenming.activity.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The link a check-in QR code holds: absolute, to the phone page {@code /m/checkin?t=…}, so that
 * WeChat's 扫一扫 or a camera opens it. The site's address comes from {@code wenming.public-url} when
 * set (behind a proxy), else from the request.
 */
@Component
class CheckInLinks {

	private final String publicUrl;

	CheckInLinks(@Value("${wenming.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl == null ? "" : publicUrl.trim().replaceAll("/+$", "");
	}

	String of(HttpServletRequest request, String token) {
		String base = publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromContextPath(request).toUriString() : publicUrl;
		return base + "/m/checkin?t=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
	}

}

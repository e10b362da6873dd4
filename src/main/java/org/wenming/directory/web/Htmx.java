package org.wenming.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Tells htmx requests, which get a fragment, from full requests, which get a page.
 */
final class Htmx {

	private Htmx() {
	}

	/**
	 * Whether to answer with a fragment; a history restore asks for the whole page. Marks the
	 * response as varying on the header, so that a cached fragment is never shown as a page.
	 */
	static boolean wantsFragment(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader("Vary", "HX-Request");
		return "true".equals(request.getHeader("HX-Request"))
				&& !"true".equals(request.getHeader("HX-History-Restore-Request"));
	}

}

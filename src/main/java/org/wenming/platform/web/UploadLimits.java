package org.wenming.platform.web;

import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Recognizes an upload refused for its size, however it surfaces: Spring's exception, or the
 * container's own when a filter (CSRF) read the multipart body first and the container wrapped
 * the failure, and rethrows it on every later read of a request parameter.
 */
final class UploadLimits {

	private UploadLimits() {
	}

	static boolean exceeded(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof MaxUploadSizeExceededException
					|| t.getClass().getSimpleName().endsWith("SizeLimitExceededException")) {
				return true;
			}
		}
		return false;
	}

}

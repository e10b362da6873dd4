package org.wenming.plan;

import java.time.Instant;

/**
 * A stored evidence file (text is kept with its report): what it is, not its content.
 *
 * @param contentType the type the file's name and first bytes show, never what the browser claimed
 */
public record Evidence(long id, String filename, String contentType, long size, Instant uploadedAt) {

	/** The content of a stored evidence file, for download. */
	public record Content(String filename, String contentType, byte[] bytes) {
	}

}

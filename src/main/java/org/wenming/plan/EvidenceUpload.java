package org.wenming.plan;

/**
 * A file sent as evidence with a report or a submission, before it is checked and stored.
 */
public record EvidenceUpload(String filename, byte[] content) {

	public long size() {
		return content == null ? 0 : content.length;
	}

}

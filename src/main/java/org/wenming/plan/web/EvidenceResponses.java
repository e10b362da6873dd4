package org.wenming.plan.web;

import java.nio.charset.StandardCharsets;

import org.wenming.plan.Evidence;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Evidence files as downloads: always an attachment, never rendered by the browser in the page.
 */
final class EvidenceResponses {

	private EvidenceResponses() {
	}

	static ResponseEntity<byte[]> download(Evidence.Content file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.filename(), StandardCharsets.UTF_8).build().toString())
			.body(file.bytes());
	}

}

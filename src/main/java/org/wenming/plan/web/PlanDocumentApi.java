package org.wenming.plan.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;

import org.wenming.plan.OutlineMessage;
import org.wenming.plan.OutlineResult;
import org.wenming.plan.ParsedPlan;
import org.wenming.plan.PlanDocuments;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.DocumentWork;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reads a plan document, sent as text or uploaded as a .txt or .docx file, into its outline. Stores
 * nothing.
 */
@RestController
@RequestMapping("/api/v1/plan-documents")
class PlanDocumentApi {

	private final PlanDocuments documents;

	private final MessageSource messages;

	PlanDocumentApi(PlanDocuments documents, MessageSource messages) {
		this.documents = documents;
		this.messages = messages;
	}

	/** The outline as the API answers it, the messages in the caller's language. */
	record Outline(List<ParsedPlan> plans, List<String> messages) {
	}

	@PostMapping(path = "/outline", consumes = MediaType.TEXT_PLAIN_VALUE)
	@DocumentWork
	Outline outlineOfText(HttpEntity<byte[]> request) {
		MediaType type = request.getHeaders().getContentType();
		Charset charset = type == null ? null : type.getCharset();
		return answer(documents.outline(request.getBody() == null ? new byte[0] : request.getBody(), charset));
	}

	@PostMapping(path = "/outline", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@DocumentWork
	Outline outlineOfFile(@RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
		if (file == null) {
			throw DomainException.onField("file", "plan.document.missing");
		}
		return answer(documents.outline(file.getOriginalFilename(), file.getBytes()));
	}

	private Outline answer(OutlineResult result) {
		List<String> texts = result.messages().stream().map(this::text).toList();
		return new Outline(result.plans(), texts);
	}

	private String text(OutlineMessage message) {
		return messages.getMessage(message.code(), message.args().toArray(), message.code(),
				LocaleContextHolder.getLocale());
	}

}

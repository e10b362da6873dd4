package org.wenming.directory.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.wenming.platform.DomainException;

import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartFile;

/**
 * Moves an uploaded file out of the request into a temporary file of its own, which outlives the
 * request (background imports) and which POI can read with random access.
 */
final class Uploads {

	private Uploads() {
	}

	static Path save(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw new MissingFile();
		}
		try {
			Path temp = Files.createTempFile("wenming-import-", ".upload");
			try {
				file.transferTo(temp);
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(temp);
				throw ex;
			}
			return temp;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("上传文件无法保存", ex);
		}
	}

	static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// a leftover temporary file is harmless
		}
	}

	/** No file, or an empty one, was sent. */
	static final class MissingFile extends DomainException {

		MissingFile() {
			super(HttpStatus.BAD_REQUEST, "file", "import.file.missing");
		}

	}

}

package org.wenming.directory.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.wenming.directory.ImportProgress;
import org.wenming.directory.ImportRejected;
import org.wenming.directory.Imports;
import org.wenming.directory.PeopleExport;
import org.wenming.directory.PersonQuery;
import org.wenming.platform.web.DocumentWork;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports and the people export for API clients. Imports run while the request waits and answer
 * the count, or a problem document whose {@code errors} list every bad row
 * ({@link ImportRejected}).
 */
@RestController
class ImportApi {

	private final Imports imports;

	private final PeopleExport export;

	private final Clock clock;

	ImportApi(Imports imports, PeopleExport export, Clock clock) {
		this.clock = clock;
		this.imports = imports;
		this.export = export;
	}

	@PostMapping("/api/v1/imports/people")
	Imported people(@RequestParam(name = "file", required = false) MultipartFile file) {
		Path saved = Uploads.save(file);
		try {
			return new Imported(imports.importPeople(saved, file.getOriginalFilename(), ImportProgress.NONE));
		}
		finally {
			Uploads.delete(saved);
		}
	}

	@PostMapping("/api/v1/imports/orgs")
	Imported orgs(@RequestParam(name = "file", required = false) MultipartFile file) {
		Path saved = Uploads.save(file);
		try {
			return new Imported(imports.importOrgs(saved, file.getOriginalFilename(), ImportProgress.NONE));
		}
		finally {
			Uploads.delete(saved);
		}
	}

	@GetMapping("/api/v1/people/export")
	@DocumentWork
	void export(PersonQuery query, Locale locale, HttpServletResponse response) throws IOException {
		ExportResponses.prepare(response, export.name(locale), clock);
		export.write(query, locale, response.getOutputStream());
	}

	record Imported(int imported) {
	}

}

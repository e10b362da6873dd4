package org.wenming.plan;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.wenming.platform.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks and stores the evidence of reports and submissions: photos, PDF and Office documents of
 * at most 10 MB each. A file is taken for what its name and its first bytes both say, never for the
 * type the browser sent.
 */
@Component
class EvidenceFiles {

	static final long MAX_BYTES = 10L * 1024 * 1024;

	static final int MAX_FILES = 20;

	private static final String FIELD = "files";

	private static final byte[] ZIP = bytes(0x50, 0x4B, 0x03, 0x04);

	private static final byte[] OLE2 = bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);

	private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

	static {
		KINDS.put("jpg", new Kind("image/jpeg", bytes(0xFF, 0xD8, 0xFF)));
		KINDS.put("jpeg", KINDS.get("jpg"));
		KINDS.put("png", new Kind("image/png", bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)));
		KINDS.put("gif", new Kind("image/gif", bytes('G', 'I', 'F', '8')));
		KINDS.put("webp", new Kind("image/webp", bytes('R', 'I', 'F', 'F')));
		KINDS.put("heic", new Kind("image/heic", null));
		KINDS.put("pdf", new Kind("application/pdf", bytes('%', 'P', 'D', 'F', '-')));
		KINDS.put("doc", new Kind("application/msword", OLE2));
		KINDS.put("xls", new Kind("application/vnd.ms-excel", OLE2));
		KINDS.put("ppt", new Kind("application/vnd.ms-powerpoint", OLE2));
		KINDS.put("docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP));
		KINDS.put("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP));
		KINDS.put("pptx", new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", ZIP));
	}

	private final JdbcClient jdbc;

	EvidenceFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Refuses the whole upload unless every file may be stored; answers the files as they will be. */
	List<Checked> check(List<EvidenceUpload> uploads) {
		List<EvidenceUpload> files = uploads == null ? List.of()
				: uploads.stream().filter(f -> f != null && !(isBlank(f.filename()) && f.size() == 0)).toList();
		if (files.size() > MAX_FILES) {
			throw DomainException.onField(FIELD, "plan.evidence.tooMany", MAX_FILES);
		}
		List<Checked> checked = new ArrayList<>(files.size());
		for (EvidenceUpload file : files) {
			String name = cleanName(file.filename());
			if (file.size() == 0) {
				throw DomainException.onField(FIELD, "plan.evidence.empty", name);
			}
			if (file.size() > MAX_BYTES) {
				throw DomainException.onField(FIELD, "plan.evidence.tooLarge", name, MAX_BYTES / 1024 / 1024);
			}
			Kind kind = KINDS.get(extension(name));
			if (kind == null || !kind.matches(file.content())) {
				throw DomainException.onField(FIELD, "plan.evidence.type", name);
			}
			checked.add(new Checked(name, kind.contentType(), file.content()));
		}
		return checked;
	}

	void storeForReport(long reportId, List<Checked> files, OffsetDateTime at) {
		store(reportId, null, files, at);
	}

	void storeForSubmission(long submissionId, List<Checked> files, OffsetDateTime at) {
		store(null, submissionId, files, at);
	}

	private void store(Long reportId, Long submissionId, List<Checked> files, OffsetDateTime at) {
		for (Checked file : files) {
			jdbc.sql("""
					insert into plan_evidence (report_id, submission_id, filename, content_type, size, content, uploaded_at)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(reportId, submissionId, file.filename(), file.contentType(), (long) file.content().length,
						file.content(), at)
				.update();
		}
	}

	/** The evidence of each of the reports, oldest first. */
	Map<Long, List<Evidence>> ofReports(List<Long> reportIds) {
		return listed("report_id", reportIds);
	}

	Map<Long, List<Evidence>> ofSubmissions(List<Long> submissionIds) {
		return listed("submission_id", submissionIds);
	}

	private Map<Long, List<Evidence>> listed(String column, List<Long> ids) {
		Map<Long, List<Evidence>> evidence = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return evidence;
		}
		jdbc.sql("select id, " + column + " as owner, filename, content_type, size, uploaded_at from plan_evidence where "
				+ column + " = any(?) order by id")
			.param(ids.toArray(Long[]::new))
			.query(rs -> {
				evidence.computeIfAbsent(rs.getLong("owner"), k -> new ArrayList<>()).add(map(rs));
			});
		return evidence;
	}

	/** A file of a report of the task. */
	Optional<Evidence.Content> contentOfTask(long taskId, long evidenceId) {
		return jdbc.sql("""
				select e.filename, e.content_type, e.content from plan_evidence e join plan_task_report r on r.id = e.report_id
				where e.id = ? and r.task_id = ?""")
			.params(evidenceId, taskId)
			.query((rs, i) -> new Evidence.Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	Optional<Evidence.Content> contentOfSubmission(long submissionId, long evidenceId) {
		return jdbc.sql("select filename, content_type, content from plan_evidence where id = ? and submission_id = ?")
			.params(evidenceId, submissionId)
			.query((rs, i) -> new Evidence.Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	private static Evidence map(ResultSet rs) throws SQLException {
		return new Evidence(rs.getLong("id"), rs.getString("filename"), rs.getString("content_type"),
				rs.getLong("size"), rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
	}

	/** The last part of a path a browser may send, without control characters, at most 255 long. */
	static String cleanName(String filename) {
		String name = filename == null ? "" : filename;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.isEmpty()) {
			name = "附件";
		}
		if (name.length() > 255) {
			String extension = extension(name);
			name = name.substring(0, 254 - extension.length()) + "." + extension;
		}
		return name;
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	private static String extension(String name) {
		int dot = name.lastIndexOf('.');
		return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	/** A file that passed the checks, with its name cleaned and its type known. */
	record Checked(String filename, String contentType, byte[] content) {
	}

	/** A type of file that may be evidence, told by its first bytes. */
	private record Kind(String contentType, byte[] magic) {

		boolean matches(byte[] content) {
			if (contentType.equals("image/heic")) {
				// ISO base media: "ftyp" at 4, then a HEIF brand.
				return content.length >= 12 && new String(content, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1)
					.equals("ftyp")
						&& List.of("heic", "heix", "mif1", "msf1", "hevc")
							.contains(new String(content, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
			}
			if (contentType.equals("image/webp") && (content.length < 12
					|| !new String(content, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("WEBP"))) {
				return false;
			}
			return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
		}

	}

}

package org.wenming.platform.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.platform.WenmingProperties;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.database.ClusterLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * Publishes the head of every ledger chain (its last sealed row and hash) to the audit log and to a
 * daily digest file outside the database, {@code <anchor-dir>/ledger-anchor-<date>.txt}: whoever
 * rewrites a chain from some row on, seals included, no longer matches the hashes published before.
 * Copy the files somewhere the database's administrators cannot write.
 */
@Service
public class LedgerAnchors {

	private static final Logger log = LoggerFactory.getLogger(LedgerAnchors.class);

	private static final Path EPHEMERAL_DIR = temporaryDirectory();

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final LedgerSeals seals;

	private final ClusterLock lock;

	private final Clock clock;

	private final Path dir;

	LedgerAnchors(JdbcClient jdbc, AuditLog audit, LedgerSeals seals, ClusterLock lock, Clock clock,
			WenmingProperties properties, @Value("${wenming.ledger.anchor-dir:}") String anchorDir) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.seals = seals;
		this.lock = lock;
		this.clock = clock;
		// a throw-away database (tests) gets throw-away anchors: the next one's chains start afresh
		this.dir = StringUtils.hasText(anchorDir) ? Path.of(anchorDir)
				: properties.ephemeralDatabase() ? EPHEMERAL_DIR : properties.dataDir().resolve("anchors");
	}

	@Scheduled(cron = "${wenming.ledger.anchor-cron:0 5 0 * * *}", zone = "${wenming.zone:Asia/Shanghai}")
	void daily() {
		if (lock.tryAcquire("platform.ledger-anchor", Duration.ofHours(1))) {
			publish("system");
		}
	}

	/** Seals what is final, then publishes the heads; the anchors published. */
	public List<Anchor> publish(String actor) {
		seals.sealNow(Duration.ofSeconds(30));
		Instant now = clock.instant();
		List<Anchor> heads = jdbc.sql("""
				select distinct on (table_name) table_name, row_id, hash from ledger_seal
				order by table_name, row_id desc""")
			.query((rs, n) -> new Anchor(rs.getString(1), rs.getLong(2), rs.getBytes(3), null))
			.list();
		if (heads.isEmpty()) {
			return heads;
		}
		Path file = dir.resolve("ledger-anchor-" + LocalDate.ofInstant(now, clock.getZone()) + ".txt");
		String lines = heads.stream()
			.map(a -> now + " " + a.table() + " " + a.rowId() + " " + HexFormat.of().formatHex(a.hash()) + "\n")
			.collect(Collectors.joining());
		try {
			Files.createDirectories(dir);
			Files.writeString(file, lines, StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("账本锚点文件无法写入：" + file, ex);
		}
		audit.recordIndependently(actor, null, "LEDGER_ANCHOR", "ledger", null, null, heads.stream()
			.map(a -> a.table() + "#" + a.rowId() + " " + HexFormat.of().formatHex(a.hash()))
			.collect(Collectors.joining("; ")));
		log.info("Published ledger anchors to {}", file);
		return heads;
	}

	/** Every anchor in the anchor files. */
	public List<Anchor> published() {
		List<Anchor> anchors = new ArrayList<>();
		if (!Files.isDirectory(dir)) {
			return anchors;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "ledger-anchor-*.txt")) {
			for (Path file : files) {
				for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
					String[] parts = line.trim().split(" ");
					if (parts.length == 4) {
						anchors.add(new Anchor(parts[1], Long.parseLong(parts[2]), HexFormat.of().parseHex(parts[3]),
								file.getFileName().toString()));
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("账本锚点文件无法读取：" + dir, ex);
		}
		return anchors;
	}

	public Path directory() {
		return dir;
	}

	private static Path temporaryDirectory() {
		try {
			Path path = Files.createTempDirectory("wenming-anchors");
			path.toFile().deleteOnExit();
			return path;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A published head: the table, its last sealed row and that row's hash, and the file it is in. */
	public record Anchor(String table, long rowId, byte[] hash, String file) {
	}

}

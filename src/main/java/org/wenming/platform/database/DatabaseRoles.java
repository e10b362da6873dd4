package org.wenming.platform.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded cluster's three roles: the superuser {@code postgres}, the owner of
 * the schema that runs the migrations, and the application's role that owns nothing.
 */
record DatabaseRoles(String superuser, String owner, String app) {

	static final String OWNER = "wenming_owner";

	static final String APP = "wenming_app";

	private static final SecureRandom RANDOM = new SecureRandom();

	static DatabaseRoles generate() {
		return new DatabaseRoles(password(), password(), password());
	}

	/** The passwords in the file, generated into it (readable by the owner only) on first use. */
	static DatabaseRoles inFile(Path file) {
		try {
			if (Files.exists(file)) {
				Properties properties = new Properties();
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				return new DatabaseRoles(properties.getProperty("postgres"), properties.getProperty(OWNER),
						properties.getProperty(APP));
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			DatabaseRoles roles = generate();
			Files.createFile(file, PosixFilePermissions.asFileAttribute(
					Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
			Properties properties = new Properties();
			properties.setProperty("postgres", roles.superuser());
			properties.setProperty(OWNER, roles.owner());
			properties.setProperty(APP, roles.app());
			try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
				properties.store(writer, "passwords of the embedded PostgreSQL's roles; keep with the data");
			}
			return roles;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("内置数据库的密码文件无法读取或生成", ex);
		}
	}

	private static String password() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public String toString() {
		return "DatabaseRoles[passwords hidden]";
	}

}

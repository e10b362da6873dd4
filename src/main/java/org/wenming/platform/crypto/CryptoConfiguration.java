package org.wenming.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.platform.WenmingProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The personal-data key: {@code wenming.crypto-key} when configured, otherwise a key generated on
 * first start into {@code <data-dir>/secret.key}, readable by the owner only.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

	private static final byte[] EPHEMERAL_KEY = randomKey();

	@Bean
	PersonalDataCipher personalDataCipher(WenmingProperties properties) {
		if (StringUtils.hasText(properties.cryptoKey())) {
			return new PersonalDataCipher(Base64.getDecoder().decode(properties.cryptoKey().trim()));
		}
		if (properties.ephemeralDatabase()) {
			return new PersonalDataCipher(EPHEMERAL_KEY);
		}
		return new PersonalDataCipher(keyFile(properties.dataDir().resolve("secret.key")));
	}

	private static byte[] keyFile(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			byte[] key = randomKey();
			Files.createFile(file, PosixFilePermissions.asFileAttribute(Set.of(
					java.nio.file.attribute.PosixFilePermission.OWNER_READ,
					java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
			Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
			log.info("Generated the personal-data key in {}; back it up together with the database", file);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("个人信息密钥无法读取或生成", ex);
		}
	}

	private static byte[] randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return key;
	}

}

package org.wenming.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest with AES-256-GCM and computes the keyed hash (HMAC-SHA256) stored
 * beside it for look-ups and uniqueness. The field name is bound into each ciphertext, so a value
 * cannot be moved to another column unnoticed.
 */
public class PersonalDataCipher {

	private static final byte FORMAT = 1;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey encryptionKey;

	private final SecretKey hashKey;

	private final SecureRandom random = new SecureRandom();

	// Looking up a Cipher or Mac is costlier than using one: each thread keeps its own (imports
	// encrypt hundreds of thousands of values).
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalDataCipher::newCipher);

	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	public PersonalDataCipher(byte[] masterKey) {
		if (masterKey.length != 32) {
			throw new IllegalArgumentException("personal-data key must be 32 bytes");
		}
		this.encryptionKey = new SecretKeySpec(derive(masterKey, "wenming/encrypt"), "AES");
		this.hashKey = new SecretKeySpec(derive(masterKey, "wenming/lookup"), "HmacSHA256");
	}

	public byte[] encrypt(String field, String plaintext) {
		if (plaintext == null) {
			return null;
		}
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(FORMAT).put(iv).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	public String decrypt(String field, byte[] stored) {
		if (stored == null) {
			return null;
		}
		if (stored.length < 1 + IV_BYTES || stored[0] != FORMAT) {
			throw new IllegalStateException("unknown ciphertext format");
		}
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 1, IV_BYTES));
			cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
			byte[] plain = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("decryption failed", ex);
		}
	}

	/** Keyed hash of a normalized value; equal values give equal hashes, nothing else is revealed. */
	public byte[] hash(String field, String value) {
		if (value == null) {
			return null;
		}
		Mac mac = macs.get();
		mac.update(field.getBytes(StandardCharsets.UTF_8));
		mac.update((byte) 0);
		return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
	}

	private static Cipher newCipher() {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(hashKey);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("hashing failed", ex);
		}
	}

	private static byte[] derive(byte[] master, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

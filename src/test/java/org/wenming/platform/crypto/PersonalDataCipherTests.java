package org.wenming.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * AES-GCM encryption bound to the field, and the keyed look-up hash.
 */
class PersonalDataCipherTests {

	private static final byte[] KEY = key(1);

	private final PersonalDataCipher cipher = new PersonalDataCipher(KEY);

	@Test
	void decryptsWhatItEncrypted() {
		byte[] sealed = cipher.encrypt("person.address", "示范市和平社区12号楼😀");

		assertThat(cipher.decrypt("person.address", sealed)).isEqualTo("示范市和平社区12号楼😀");
		assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("和平社区");
	}

	@Test
	void encryptsTheSameValueDifferentlyEachTime() {
		assertThat(cipher.encrypt("person.phone", "13812345678"))
			.isNotEqualTo(cipher.encrypt("person.phone", "13812345678"));
	}

	@Test
	void refusesCiphertextMovedToAnotherField() {
		byte[] sealed = cipher.encrypt("person.phone", "13812345678");

		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt("person.id_number", sealed));
	}

	@Test
	void refusesTamperedCiphertext() {
		byte[] sealed = cipher.encrypt("person.phone", "13812345678");
		sealed[sealed.length - 1] ^= 1;

		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt("person.phone", sealed));
	}

	@Test
	void refusesCiphertextOfAnotherKey() {
		byte[] sealed = new PersonalDataCipher(key(2)).encrypt("person.phone", "13812345678");

		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt("person.phone", sealed));
	}

	@Test
	void hashIsThirtyTwoBytesEqualForEqualValuesAndKeyed() {
		byte[] hash = cipher.hash("person.id_number", "110101199003071234");

		assertThat(hash).hasSize(32).isEqualTo(cipher.hash("person.id_number", "110101199003071234"));
		assertThat(hash).isNotEqualTo(cipher.hash("person.id_number", "110101199003071235"));
		assertThat(hash).isNotEqualTo(cipher.hash("person.phone", "110101199003071234"));
		assertThat(hash).isNotEqualTo(new PersonalDataCipher(key(2)).hash("person.id_number", "110101199003071234"));
	}

	@Test
	void nothingStaysNothing() {
		assertThat(cipher.encrypt("person.phone", null)).isNull();
		assertThat(cipher.decrypt("person.phone", null)).isNull();
		assertThat(cipher.hash("person.phone", null)).isNull();
	}

	@Test
	void refusesAKeyThatIsNotThirtyTwoBytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PersonalDataCipher(new byte[16]));
	}

	private static byte[] key(int seed) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) seed);
		return key;
	}

}

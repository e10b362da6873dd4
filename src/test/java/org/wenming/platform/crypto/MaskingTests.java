package org.wenming.platform.crypto;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How ID numbers, phones and addresses look to whoever may not see them in full.
 */
class MaskingTests {

	@Test
	void idNumberKeepsRegionAndCheckCharacterOnly() {
		assertThat(Masking.idNumber("110101199003071234")).isEqualTo("110101***********4");
		assertThat(Masking.idNumber("11010119900307123X")).isEqualTo("110101***********X");
	}

	@Test
	void oldFifteenDigitIdNumberKeepsRegionAndLastDigit() {
		assertThat(Masking.idNumber("110101900307123")).isEqualTo("110101********3");
	}

	@Test
	void idNumberTooShortToHideFourCharactersIsHiddenCompletely() {
		assertThat(Masking.idNumber("1101011990123")).isEqualTo("*************");
		assertThat(Masking.idNumber("12345")).isEqualTo("*****");
	}

	@Test
	void phoneKeepsPrefixAndLastFour() {
		assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
	}

	@Test
	void phoneShorterThanAMobileNumberIsHiddenCompletely() {
		assertThat(Masking.phone("1234567")).isEqualTo("*******");
		assertThat(Masking.phone("88886666")).isEqualTo("********");
		assertThat(Masking.phone("123456")).isEqualTo("******");
	}

	@Test
	void addressKeepsAtMostSixCharactersAndAtMostHalf() {
		assertThat(Masking.address("示范市和平社区12号楼3单元402室")).isEqualTo("示范市和平社****");
		assertThat(Masking.address("和平社区")).isEqualTo("和平****");
		assertThat(Masking.address("村")).isEqualTo("****");
	}

	@Test
	void addressShowsNoHouseNumber() {
		assertThat(Masking.address("幸福路12号3单元402室")).isEqualTo("幸福路****");
		assertThat(Masking.address("12号楼3单元402室")).isEqualTo("****");
		assertThat(Masking.address("和平１２号楼")).isEqualTo("和平****");
	}

	@Test
	void addressNeverSplitsACharacterOutsideTheBasicPlane() {
		assertThat(Masking.address("😀😀😀😀")).isEqualTo("😀😀****");
		assertThat(Masking.address("𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈𠀉𠀊𠀋𠀌𠀍")).isEqualTo("𠀀𠀁𠀂𠀃𠀄𠀅****");
	}

	@Test
	void nothingStaysNothing() {
		assertThat(Masking.idNumber(null)).isNull();
		assertThat(Masking.phone(null)).isNull();
		assertThat(Masking.address(null)).isNull();
		assertThat(Masking.idNumber("")).isEmpty();
		assertThat(Masking.phone("")).isEmpty();
		assertThat(Masking.address("")).isEmpty();
	}

}

package org.wenming.directory;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTests {

	@Test
	void acceptsValidNumbersIncludingCheckLetterX() {
		assertThat(IdNumbers.problem("11010519491231002X")).isEmpty();
		assertThat(IdNumbers.problem("11010519491231002x")).isEmpty();
		assertThat(IdNumbers.problem("440524198001010013")).isEmpty();
	}

	@Test
	void rejectsWrongCheckDigit() {
		assertThat(IdNumbers.problem("110105194912310021")).contains("person.idNumber.checkDigit");
	}

	@Test
	void rejectsImpossibleOrFutureBirthDates() {
		String feb30 = "11010519990230001";
		assertThat(IdNumbers.problem(feb30 + IdNumbers.checkDigit(feb30))).contains("person.idNumber.birthDate");
		String future = "110105" + LocalDate.now().plusYears(1).getYear() + "0101001";
		assertThat(IdNumbers.problem(future + IdNumbers.checkDigit(future))).contains("person.idNumber.birthDate");
	}

	@Test
	void rejectsWrongShapeAndBlank() {
		assertThat(IdNumbers.problem("12345")).contains("person.idNumber.format");
		assertThat(IdNumbers.problem("1101051949123100AX")).contains("person.idNumber.format");
		assertThat(IdNumbers.problem(" ")).contains("person.idNumber.required");
	}

	@Test
	void readsBirthDateAndGender() {
		assertThat(IdNumbers.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
		assertThat(IdNumbers.gender("11010519491231002X")).contains("女");
		assertThat(IdNumbers.gender("440524198001010013")).contains("男");
	}

	@Test
	void checksMainlandMobileNumbers() {
		assertThat(IdNumbers.phoneProblem("13812345678")).isEmpty();
		assertThat(IdNumbers.phoneProblem("+86 138-1234-5678")).isEmpty();
		assertThat(IdNumbers.phoneProblem("12812345678")).contains("person.phone.format");
		assertThat(IdNumbers.phoneProblem("1381234567")).contains("person.phone.format");
		assertThat(IdNumbers.phoneProblem(null)).isEmpty();
	}

}

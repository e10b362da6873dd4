package org.wenming.directory.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wenming.platform.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SheetReaderTests {

	@TempDir
	Path dir;

	@Test
	void stopsReadingAtTheRowLimit() throws IOException {
		Path csv = dir.resolve("big.csv");
		StringBuilder content = new StringBuilder("姓名\n");
		for (int i = 0; i < 1000; i++) {
			content.append("人").append(i).append('\n');
		}
		Files.writeString(csv, content);
		List<Integer> seen = new ArrayList<>();

		DomainException refused = catchThrowableOfType(DomainException.class,
				() -> SheetReader.read(csv, "big.csv", 10, (number, cells) -> seen.add(number)));

		assertThat(refused.code()).isEqualTo("import.file.tooManyRows");
		assertThat(refused.args()).containsExactly("10");
		assertThat(seen).hasSize(11);
	}

	@Test
	void stopsReadingAWorkbookAtTheRowLimit() throws IOException {
		Path xlsx = dir.resolve("big.xlsx");
		try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
				java.io.OutputStream out = Files.newOutputStream(xlsx)) {
			org.apache.poi.ss.usermodel.Sheet sheet = workbook.createSheet();
			for (int i = 0; i < 5000; i++) {
				sheet.createRow(i).createCell(0).setCellValue("人" + i);
			}
			workbook.write(out);
			workbook.dispose();
		}
		List<Integer> seen = new ArrayList<>();

		DomainException refused = catchThrowableOfType(DomainException.class,
				() -> SheetReader.read(xlsx, "big.xlsx", 100, (number, cells) -> seen.add(number)));

		assertThat(refused.code()).isEqualTo("import.file.tooManyRows");
		assertThat(seen).hasSize(101).endsWith(101);
	}

	@Test
	void numbersRowsAsTheSheetShowsThemAndSkipsBlankOnes() throws IOException {
		Path csv = dir.resolve("rows.csv");
		Files.writeString(csv, "\uFEFF姓名,身份证号\n甲,1\n\n,\n\"乙\n丙\",2\n");
		List<String> seen = new ArrayList<>();

		SheetReader.read(csv, "rows.csv", 10, (number, cells) -> seen.add(number + ":" + cells));

		assertThat(seen).containsExactly("1:[姓名, 身份证号]", "2:[甲, 1]", "5:[乙\n丙, 2]");
	}

	@Test
	void fallsBackToGbkWhenTheBytesAreNotUtf8() throws IOException {
		Path csv = dir.resolve("gbk.csv");
		Files.write(csv, "姓名\n张三\n".getBytes("GBK"));
		assertThat(SheetReader.isUtf8(csv)).isFalse();
		Files.write(csv, "姓名\n张三\n".getBytes(StandardCharsets.UTF_8));
		assertThat(SheetReader.isUtf8(csv)).isTrue();
	}

}

package org.wenming.directory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "wenming.ephemeral-database=true" })
@AutoConfigureMockMvc
class ImportApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	ImportFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ImportFixtures(orgs, people, accounts, users);
	}

	@Test
	void answersTheCountOfAGoodFile() throws Exception {
		byte[] xlsx = ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER,
				List.of(fixtures.person("甲", ImportFixtures.idNumber()), fixtures.person("乙", ImportFixtures.idNumber())));

		mvc.perform(multipart("/api/v1/imports/people").file(upload("人员.xlsx", xlsx)).with(user(fixtures.user()))
			.with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.imported").value(2));
	}

	@Test
	void answers422WithEveryBadRow() throws Exception {
		List<List<String>> rows = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			rows.add(fixtures.person("居民" + i, ImportFixtures.idNumber()));
		}
		rows.add(fixtures.person("坏", ImportFixtures.withBadCheckDigit(ImportFixtures.idNumber())));

		mvc.perform(multipart("/api/v1/imports/people").file(upload("人员.xlsx", ImportFixtures.xlsx(
				ImportFixtures.PEOPLE_HEADER, rows))).with(user(fixtures.user())).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("第12行：身份证号校验位错误")))
			.andExpect(jsonPath("$.errors[0].row").value(12))
			.andExpect(jsonPath("$.errors[0].field").value("idNumber"))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("身份证号校验位错误")));
		assertThat(jdbc.sql("select count(*) from person where home_org_id = ?")
			.param(fixtures.community.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesAnXlsxThatIsNotAZip() throws Exception {
		mvc.perform(multipart("/api/v1/imports/people")
			.file(upload("人员.xlsx", "<html>not a workbook</html>".getBytes(StandardCharsets.UTF_8)))
			.with(user(fixtures.user()))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不是有效的 Excel")));
	}

	@Test
	void asksForAFileWhenNoneWasSent() throws Exception {
		mvc.perform(post("/api/v1/imports/people").with(user(fixtures.user())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("请选择要上传的文件。"));
	}

	@Test
	void refusesAZipBomb() throws Exception {
		mvc.perform(multipart("/api/v1/imports/people").file(upload("炸弹.xlsx", zipBomb()))
			.with(user(fixtures.user()))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("压缩炸弹")));
	}

	@Test
	void refusesAnEncryptedOrOldWorkbook() throws Exception {
		byte[] ole2 = new byte[512];
		System.arraycopy(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 }, 0, ole2, 0, 8);
		mvc.perform(multipart("/api/v1/imports/orgs").file(upload("加密.xlsx", ole2)).with(user(fixtures.user()))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("已加密")));
	}

	@Test
	void exportsMaskedPeopleOnly() throws Exception {
		List<String> ids = List.of(ImportFixtures.idNumber(), ImportFixtures.idNumber(), ImportFixtures.idNumber());
		mvc.perform(multipart("/api/v1/imports/people")
			.file(upload("人员.xlsx", ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER,
					ids.stream().map(id -> fixtures.person("导出" + id.substring(14), id)).toList())))
			.with(user(fixtures.user()))
			.with(csrf())).andExpect(status().isOk());

		MvcResult result = mvc
			.perform(get("/api/v1/people/export").param("orgId", String.valueOf(fixtures.community.id()))
				.with(user(fixtures.user())))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
			.andReturn();

		List<List<String>> rows = read(result.getResponse().getContentAsByteArray());
		assertThat(rows.get(0)).startsWith("姓名", "性别", "出生年份", "身份证号");
		assertThat(rows).hasSize(4);
		String all = rows.toString();
		ids.forEach(id -> assertThat(all).doesNotContain(id).contains(id.substring(0, 6) + "***********" + id.substring(17)));
		assertThat(all).doesNotContain("13800138000").contains("138****8000");
		assertThat(jdbc.sql("select summary from audit_log where action = 'EXPORT' and actor = ?")
			.param(fixtures.username)
			.query(String.class)
			.list()).anyMatch(summary -> summary.contains("导出人员 3 人"));
	}

	private static MockMultipartFile upload(String name, byte[] content) {
		return new MockMultipartFile("file", name, "application/octet-stream", content);
	}

	private static List<List<String>> read(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	/** A real workbook whose sheet expands from a few kilobytes to 50 MB. */
	private static byte[] zipBomb() throws IOException {
		byte[] workbook = ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER, List.of());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
				ZipOutputStream zip = new ZipOutputStream(out)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				zip.putNextEntry(new ZipEntry(entry.getName()));
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns="
							+ "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><!--")
						.getBytes(StandardCharsets.UTF_8));
					byte[] filler = new byte[1024 * 1024];
					java.util.Arrays.fill(filler, (byte) ' ');
					for (int i = 0; i < 50; i++) {
						zip.write(filler);
					}
					zip.write("--></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
				}
				else {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

}

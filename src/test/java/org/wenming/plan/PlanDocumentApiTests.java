package org.wenming.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The outline API end to end: text and files in, the outline as JSON out, every unreadable file a
 * Chinese problem document.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanDocumentApiTests {

	private static final String URL = "/api/v1/plan-documents/outline";

	@Autowired
	MockMvc mvc;

	private static MockHttpServletRequestBuilder text(String body) {
		return post(URL).contentType("text/plain; charset=UTF-8")
			.content(body.getBytes(StandardCharsets.UTF_8))
			.with(user("planner"))
			.with(csrf());
	}

	private static MockMultipartHttpServletRequestBuilder upload(String filename, byte[] content) {
		MockMultipartHttpServletRequestBuilder request = multipart(URL)
			.file(new MockMultipartFile("file", filename, "application/octet-stream", content));
		request.with(user("planner")).with(csrf());
		return request;
	}

	@Test
	void answersTheOutlineOfPlainText() throws Exception {
		mvc.perform(text(PlanOutlinesTests.seed()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.plans.length()").value(7))
			.andExpect(jsonPath("$.messages[0]").value("已略过第一篇计划标题之前的 4 段文字。"))
			.andExpect(jsonPath("$.plans[2].title").value("市精神文明工作计划篇3"))
			.andExpect(jsonPath("$.plans[2].sections[0].number").value("一、"))
			.andExpect(jsonPath("$.plans[2].sections[0].level").value(1))
			.andExpect(jsonPath("$.plans[2].sections[0].title").value(startsWith("始终贯穿一条主线")))
			.andExpect(jsonPath("$.plans[2].sections[0].targets[0].text").value("全年集中学习不得少于12天"))
			.andExpect(jsonPath("$.plans[2].sections[0].targets[0].comparator").value("GE"))
			.andExpect(jsonPath("$.plans[2].sections[0].targets[0].unit").value("天"))
			.andExpect(jsonPath("$.plans[2].sections[0].targets[0].period").value("YEAR"))
			.andExpect(jsonPath("$.plans[2].sections[0].targets[0].relative").value(false))
			.andExpect(jsonPath("$.plans[2].sections[0].targets[0].metric").value("study.collective_days"))
			.andExpect(jsonPath("$.plans[2].sections[2].figures[0].unit").value("亿元"))
			.andExpect(jsonPath("$.plans[3].sections[2].children[0].children[0].number").value("一是"))
			.andExpect(content().string(containsString("\"value\":12")))
			.andExpect(content().string(containsString("\"value\":117.3")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("12.0"))));
	}

	@Test
	void saysSoWhenTheTextHasNoOutline() throws Exception {
		mvc.perform(text("今天召开全体会议，传达上级精神。"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.plans.length()").value(1))
			.andExpect(jsonPath("$.plans[0].sections.length()").value(1))
			.andExpect(jsonPath("$.plans[0].sections[0].number").doesNotExist())
			.andExpect(jsonPath("$.messages[0]").value("未识别到提纲"));
	}

	@Test
	void readsAWordDocumentParagraphByParagraphIntoTheSameOutline() throws Exception {
		String seed = PlanOutlinesTests.seed();
		String fromText = mvc.perform(text(seed)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		XWPFDocument document = new XWPFDocument();
		seed.lines().forEach(line -> document.createParagraph().createRun().setText(line));
		String fromWord = mvc.perform(upload("计划.docx", bytes(document)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(fromWord).isEqualTo(fromText);
	}

	@Test
	void countsWordsAutomaticListNumbersBackIn() throws Exception {
		XWPFDocument document = new XWPFDocument();
		CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
		definition.setAbstractNumId(BigInteger.ZERO);
		level(definition, 0, STNumberFormat.CHINESE_COUNTING, "%1、");
		level(definition, 1, STNumberFormat.DECIMAL, "%2.");
		XWPFNumbering numbering = document.createNumbering();
		BigInteger list = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(definition)));
		numbered(document, list, 0, "指导思想");
		document.createParagraph().createRun().setText("以科学发展观为指导。");
		numbered(document, list, 0, "重点工作");
		numbered(document, list, 1, "加强学习。全年集中学习不得少于12天。");
		numbered(document, list, 1, "开展活动");

		mvc.perform(upload("计划.docx", bytes(document)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.plans[0].sections[0].number").value("一、"))
			.andExpect(jsonPath("$.plans[0].sections[0].title").value("指导思想"))
			.andExpect(jsonPath("$.plans[0].sections[1].number").value("二、"))
			.andExpect(jsonPath("$.plans[0].sections[1].children[0].number").value("1."))
			.andExpect(jsonPath("$.plans[0].sections[1].children[0].targets[0].value").value(12))
			.andExpect(jsonPath("$.plans[0].sections[1].children[1].number").value("2."))
			.andExpect(jsonPath("$.plans[0].sections[1].children[1].level").value(2));
	}

	@Test
	void readsATextFileInGbk() throws Exception {
		byte[] gbk = "一、指导思想\n二、目标任务\n年培训率到达80%".getBytes(Charset.forName("GBK"));

		mvc.perform(upload("计划.txt", gbk))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.plans[0].sections[0].title").value("指导思想"))
			.andExpect(jsonPath("$.plans[0].sections[1].targets[0].metric").value("education.training_rate"));
	}

	@Test
	void refusesAWordFileThatIsNoZipInChinese() throws Exception {
		mvc.perform(upload("计划.docx", "这不是 Word 文档".getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("无法处理"))
			.andExpect(jsonPath("$.detail").value("文件已损坏，或不是有效的 Word 文档（.docx）。"))
			.andExpect(jsonPath("$.errors[0].field").value("file"));
	}

	@Test
	void refusesAZipThatIsNoWordDocument() throws Exception {
		mvc.perform(upload("计划.docx", zip("hello.txt", "hello".getBytes(StandardCharsets.UTF_8))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("文件已损坏，或不是有效的 Word 文档（.docx）。"));
	}

	@Test
	void refusesAnEncryptedWordDocument() throws Exception {
		XWPFDocument document = new XWPFDocument();
		document.createParagraph().createRun().setText("一、指导思想");
		POIFSFileSystem container = new POIFSFileSystem();
		Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
		encryptor.confirmPassword("机密");
		try (OutputStream out = encryptor.getDataStream(container)) {
			out.write(bytes(document));
		}
		ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
		container.writeFilesystem(encrypted);

		mvc.perform(upload("计划.docx", encrypted.toByteArray()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("文件已加密，请去除密码后再上传。"));
	}

	@Test
	void refusesAZipBomb() throws Exception {
		byte[] spaces = new byte[20 * 1024 * 1024];
		java.util.Arrays.fill(spaces, (byte) ' ');

		mvc.perform(upload("计划.docx", zip("word/document.xml", spaces)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("文件解压后过大，已拒绝读取。"));
	}

	@Test
	void refusesOtherKindsOfFile() throws Exception {
		mvc.perform(upload("计划.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("只能读取 .txt 或 .docx 格式的计划文档。"));
		mvc.perform(multipart(URL).with(user("planner")).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(startsWith("请上传计划文档")));
	}

	@Test
	void refusesCallersWhoAreNotSignedIn() throws Exception {
		mvc.perform(post(URL).contentType(MediaType.TEXT_PLAIN).content("一、指导思想").with(csrf()))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("未登录"));
		mvc.perform(post(URL).contentType(MediaType.TEXT_PLAIN)
			.content("一、指导思想")
			.header("Authorization", "Bearer no-such-token"))
			.andExpect(status().isUnauthorized());
	}

	private static void level(CTAbstractNum definition, int ilvl, STNumberFormat.Enum format, String text) {
		CTLvl level = definition.addNewLvl();
		level.setIlvl(BigInteger.valueOf(ilvl));
		level.addNewStart().setVal(BigInteger.ONE);
		level.addNewNumFmt().setVal(format);
		level.addNewLvlText().setVal(text);
	}

	private static void numbered(XWPFDocument document, BigInteger list, int level, String text) {
		XWPFParagraph paragraph = document.createParagraph();
		paragraph.setNumID(list);
		paragraph.setNumILvl(BigInteger.valueOf(level));
		paragraph.createRun().setText(text);
	}

	private static byte[] bytes(XWPFDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.write(out);
		document.close();
		return out.toByteArray();
	}

	private static byte[] zip(String entry, byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content);
			zip.closeEntry();
		}
		return out.toByteArray();
	}

}

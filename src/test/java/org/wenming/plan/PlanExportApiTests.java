package org.wenming.plan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The export API end to end: an outline sent as text comes back as a Word or PDF file named after its
 * title; bad input is a Chinese problem document.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanExportApiTests {

	private static final String URL = "/api/v1/plan-documents/export";

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanDocuments documents;

	private static MockHttpServletRequestBuilder export(String format, Map<String, Object> body) {
		return post(URL).param("format", format)
			.contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body))
			.with(user("planner"))
			.with(csrf());
	}

	private static Map<String, Object> seedPlan(int index) throws Exception {
		Map<String, Object> body = new HashMap<>();
		body.put("text", PlanOutlinesTests.seed());
		body.put("planIndex", index);
		body.put("orgName", "示范市文明办");
		body.put("year", 2025);
		return body;
	}

	@Test
	void exportsTheChosenPlanAsAWordFileNamedAfterItsTitle() throws Exception {
		MockHttpServletResponse response = mvc.perform(export("docx", seedPlan(3)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(DOCX))
			.andExpect(header().string("Content-Disposition", startsWith("attachment;")))
			.andExpect(header().string("Content-Disposition",
					containsString("UTF-8''" + URLEncoder.encode("市精神文明工作计划篇4", StandardCharsets.UTF_8) + ".docx")))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andReturn()
			.getResponse();

		OutlineResult again = documents.outline("计划.docx", response.getContentAsByteArray());
		assertThat(again.plans()).hasSize(1);
		assertThat(again.plans().get(0).title()).isEqualTo("市精神文明工作计划篇4");
	}

	@Test
	void exportsAPdfWithTheChineseText() throws Exception {
		byte[] pdf = mvc.perform(export("pdf", seedPlan(0)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition", containsString(".pdf")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", ""))
				.contains("市精神文明工作计划篇1", "一、深入开展“讲文明树新风”活动");
		}
	}

	@Test
	void namesAnUntitledPlanAWorkPlan() throws Exception {
		mvc.perform(export("pdf", Map.of("text", "一、总体要求\n二、工作措施")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					containsString("UTF-8''" + URLEncoder.encode("工作计划", StandardCharsets.UTF_8) + ".pdf")));
	}

	@Test
	void refusesEmptyTextInChinese() throws Exception {
		mvc.perform(export("docx", Map.of("text", "  ")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("请提交计划的文字内容。"))
			.andExpect(jsonPath("$.errors[0].field").value("text"));
	}

	@Test
	void refusesAnUnknownFormatInChinese() throws Exception {
		mvc.perform(export("xls", seedPlan(0)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("不支持的导出格式“xls”，请选择 docx（Word）或 pdf。"))
			.andExpect(jsonPath("$.errors[0].field").value("format"));
	}

	@Test
	void refusesAPlanTheTextDoesNotHold() throws Exception {
		mvc.perform(export("docx", seedPlan(7)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("文档中没有第 8 篇计划（共 7 篇）。"));
	}

	@Test
	void refusesAnImpossibleYear() throws Exception {
		Map<String, Object> body = seedPlan(0);
		body.put("year", 20255);

		mvc.perform(export("docx", body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("年份应在 1949 至 2999 之间。"));
	}

	@Test
	void asksAnAnonymousCallerToSignIn() throws Exception {
		mvc.perform(post(URL).param("format", "docx")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"一、总体要求\"}")).andExpect(status().isUnauthorized());
	}

	@Test
	void servesTheBundledFontToTheBrowserPrintView() throws Exception {
		mvc.perform(get("/fonts/WenmingKai-Regular.ttf"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("font/ttf"))
			.andExpect(header().string("Cache-Control", containsString("max-age")));
	}

}

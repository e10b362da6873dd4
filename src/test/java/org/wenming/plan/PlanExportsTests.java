package org.wenming.plan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import org.wenming.platform.DomainException;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Word and PDF exports of plans: the official layout, the bundled font, and the Word file reading back
 * into the outline it was made from.
 */
class PlanExportsTests {

	private static final SpringTemplateEngine TEMPLATES = templates();

	private final PlanExports exports = new PlanExports(TEMPLATES);

	private final PlanDocuments documents = new PlanDocuments();

	/** The application's templates and print-view messages, without starting the application. */
	private static SpringTemplateEngine templates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setCharacterEncoding("UTF-8");
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/plan-export");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

	private static List<ParsedPlan> seedPlans() throws IOException {
		List<ParsedPlan> plans = PlanOutlines.parse(PlanOutlinesTests.seed()).plans();
		assertThat(plans).hasSize(7);
		return plans;
	}

	/** Number, title and level of every section, depth first. */
	private static List<String> outline(List<Section> sections) {
		List<String> lines = new ArrayList<>();
		for (Section section : sections) {
			lines.add(section.level() + " " + section.number() + " " + section.title());
			lines.addAll(outline(section.children()));
		}
		return lines;
	}

	private ParsedPlan readBack(byte[] docx) {
		OutlineResult result = documents.outline("计划.docx", docx);
		assertThat(result.plans()).hasSize(1);
		return result.plans().get(0);
	}

	private static XWPFDocument word(byte[] docx) throws IOException {
		return new XWPFDocument(new ByteArrayInputStream(docx));
	}

	// ---- Word: the round trip ---------------------------------------------------------------------

	@Test
	void everySeedPlanExportedToWordReadsBackIntoTheSameOutline() throws IOException {
		for (ParsedPlan plan : seedPlans()) {
			byte[] docx = exports.docx(PlanDocument.of(plan, "示范市文明办", 2025));

			ParsedPlan again = readBack(docx);

			assertThat(again.title()).isEqualTo(plan.title());
			assertThat(outline(again.sections())).as(plan.title()).isEqualTo(outline(plan.sections()));
		}
	}

	@Test
	void withoutASignatureEverySeedPlanReadsBackWordForWord() throws IOException {
		for (ParsedPlan plan : seedPlans()) {
			ParsedPlan again = readBack(exports.docx(PlanDocument.of(plan, null, null)));

			assertThat(again).as(plan.title()).isEqualTo(plan);
		}
	}

	@Test
	void keepsTextThatOpensWithANumberOnItsHeadingLine() {
		ParsedPlan plan = PlanOutlines.parse("""
				社区工作计划
				一、总体要求。1、坚持党的领导，2、坚持群众路线。
				二、工作措施
				首先，要统一思想；其次，要加强领导；第三，要狠抓落实；最后，要严格考核。
				""").plans().get(0);

		ParsedPlan again = readBack(exports.docx(PlanDocument.of(plan, null, null)));

		assertThat(outline(plan.sections())).contains("1 一、 总体要求", "2 最后 要严格考核");
		assertThat(again).isEqualTo(plan);
	}

	@Test
	void writesADocumentWithoutOutlineAsPlainParagraphs() throws IOException {
		ParsedPlan plan = PlanOutlines.parse("今天召开全体会议，传达上级精神。\n会议要求各单位抓好落实。").plans().get(0);

		byte[] docx = exports.docx(PlanDocument.of(plan, null, null));

		try (XWPFDocument word = word(docx)) {
			assertThat(word.getParagraphs()).extracting(XWPFParagraph::getText)
				.containsExactly("今天召开全体会议，传达上级精神。", "会议要求各单位抓好落实。");
		}
		assertThat(readBack(docx)).isEqualTo(plan);
	}

	// ---- Word: the layout -------------------------------------------------------------------------

	@Test
	void centresTheTitleInBoldSongAtTwentyTwoPoints() throws IOException {
		ParsedPlan plan = seedPlans().get(3);

		try (XWPFDocument word = word(exports.docx(PlanDocument.of(plan, "示范市文明办", 2025)))) {
			XWPFParagraph title = word.getParagraphs().get(0);
			XWPFRun run = title.getRuns().get(0);

			assertThat(title.getText()).isEqualTo("市精神文明工作计划篇4");
			assertThat(title.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
			assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("宋体");
			assertThat(run.getFontSizeAsDouble()).isEqualTo(22.0);
			assertThat(run.isBold()).isTrue();
			assertThat(word.getProperties().getCoreProperties().getTitle()).isEqualTo("市精神文明工作计划篇4");
		}
	}

	@Test
	void setsTheBodyInFangSongAtSixteenPointsIndentedTwoCharactersOnTwentyEightPointLines() throws IOException {
		ParsedPlan plan = seedPlans().get(3);

		try (XWPFDocument word = word(exports.docx(PlanDocument.of(plan, "示范市文明办", 2025)))) {
			XWPFParagraph body = paragraph(word, "按照“巩固中谋实效");
			XWPFRun run = body.getRuns().get(0);
			CTSpacing spacing = body.getCTP().getPPr().getSpacing();

			assertThat(run.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋");
			assertThat(run.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo("Times New Roman");
			assertThat(run.getFontSizeAsDouble()).isEqualTo(16.0);
			assertThat(run.isBold()).isFalse();
			assertThat(body.getIndentationFirstLine()).isEqualTo(640);
			assertThat(body.getCTP().getPPr().getInd().getFirstLineChars()).isEqualTo(BigInteger.valueOf(200));
			assertThat(spacing.getLine()).isEqualTo(BigInteger.valueOf(560));
			assertThat(spacing.getLineRule()).isEqualTo(STLineSpacingRule.EXACT);
		}
	}

	@Test
	void setsHeadingsInHeiAndKaiWithTheirNumbersAsText() throws IOException {
		ParsedPlan plan = seedPlans().get(3);

		try (XWPFDocument word = word(exports.docx(PlanDocument.of(plan, "示范市文明办", 2025)))) {
			XWPFParagraph first = paragraph(word, "一、指导思想");
			XWPFParagraph second = paragraph(word, "1.加强思想教育");

			assertThat(first.getText()).isEqualTo("一、指导思想");
			assertThat(first.getNumID()).isNull();
			assertThat(first.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
			assertThat(first.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
			assertThat(second.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("楷体");
		}
	}

	@Test
	void laysOutA4WithTheMarginsOfOfficialDocumentsAndSignsAtTheEnd() throws IOException {
		ParsedPlan plan = seedPlans().get(0);

		try (XWPFDocument word = word(exports.docx(PlanDocument.of(plan, "示范市文明办", 2025)))) {
			var section = word.getDocument().getBody().getSectPr();
			CTPageMar margins = section.getPgMar();
			List<XWPFParagraph> paragraphs = word.getParagraphs();

			assertThat(section.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
			assertThat(section.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
			// 37, 35, 28 and 26 mm in twentieths of a point
			assertThat(List.of(margins.getTop(), margins.getBottom(), margins.getLeft(), margins.getRight()))
				.containsExactly(BigInteger.valueOf(2098), BigInteger.valueOf(1984), BigInteger.valueOf(1587),
						BigInteger.valueOf(1474));
			assertThat(paragraphs.get(paragraphs.size() - 2).getText()).isEqualTo("示范市文明办");
			assertThat(paragraphs.get(paragraphs.size() - 1).getText()).isEqualTo("2025年");
			assertThat(paragraphs.get(paragraphs.size() - 1).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
			assertThat(word.getFooterList()).hasSize(1);
			assertThat(word.getFooterList().get(0).getText()).contains("—");
		}
	}

	private static XWPFParagraph paragraph(XWPFDocument word, String start) {
		return word.getParagraphs()
			.stream()
			.filter(p -> p.getText().startsWith(start))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no paragraph starting with " + start));
	}

	@Test
	void refusesAPlanTooLongToPrint() {
		PlanDocument.Part part = new PlanDocument.Part("一、", "总体要求", "要".repeat(PlanExports.MAX_CHARS), List.of(),
				List.of(), List.of());
		PlanDocument document = new PlanDocument("计划", null, null, "", List.of(part));

		assertThatThrownBy(() -> exports.docx(document)).isInstanceOf(DomainException.class)
			.extracting(ex -> ((DomainException) ex).code())
			.isEqualTo("plan.export.tooLong");
		assertThatThrownBy(() -> exports.pdf(document)).isInstanceOf(DomainException.class);
	}

	// ---- PDF and the print view -------------------------------------------------------------------

	@Test
	void printsThePdfInChineseWithTheBundledFontEmbedded() throws IOException {
		ParsedPlan plan = seedPlans().get(3);

		byte[] pdf = exports.pdf(PlanDocument.of(plan, "示范市文明办", 2025));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
			assertThat(text).contains("市精神文明工作计划篇4", "一、指导思想", "二、目标任务", "1.加强思想教育", "示范市文明办",
					"2025年", "—1—");
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("市精神文明工作计划篇4");
			List<PDFont> fonts = new ArrayList<>();
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getFontNames()) {
					fonts.add(page.getResources().getFont(name));
				}
			}
			assertThat(fonts).isNotEmpty().allSatisfy(font -> {
				assertThat(font.getName()).endsWith("+WenmingKai-Regular");
				assertThat(font.isEmbedded()).isTrue();
			});
		}
	}

	@Test
	void rendersThePdfFromWellFormedXhtml() {
		String xhtml = exports.xhtml(PlanDocument.of(PlanOutlines.parse("计划\n一、要求<&>\"'").plans().get(0), null, null));

		assertThat(xhtml).contains("<title>计划</title>", "一、要求&lt;&amp;&gt;").doesNotContain("@font-face", "screen-only");
	}

	@Test
	void showsTheSamePageInABrowserWithTheFontServedByTheApplication() {
		var application = JakartaServletWebApplication.buildApplication(new MockServletContext());
		var exchange = application.buildExchange(new MockHttpServletRequest(), new MockHttpServletResponse());
		ParsedPlan plan = PlanOutlines.parse("计划\n一、要求\n抓好落实。").plans().get(0);
		WebContext context = new WebContext(exchange, Locale.SIMPLIFIED_CHINESE,
				Map.of("view", PrintView.of(PlanDocument.of(plan, null, null)), "pdf", false));

		String html = TEMPLATES.process(PlanExports.PRINT_TEMPLATE, context);

		assertThat(html).contains("@font-face", "url(\"/fonts/WenmingKai-Regular.ttf\")", "@media print",
				"用浏览器的“打印”", "一、要求", "抓好落实。");
	}

}

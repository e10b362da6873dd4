package org.wenming.plan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.wenming.platform.Text;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSimpleField;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSpacing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.wenming.platform.DomainException;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * Prints plan documents: Word in the layout of Chinese official documents (GB/T 9704: A4, 小标宋-like
 * title at 22 pt, 黑体 and 楷体 headings, 仿宋 text at 16 pt on 28 pt lines), and PDF from the browser's
 * print view {@value #PRINT_TEMPLATE} with the bundled font {@value #FONT_FAMILY}. Heading numbers are
 * text, not Word numbering, so an exported document reads back into the same outline. A plan longer
 * than {@link #MAX_CHARS} characters is refused with a {@link DomainException}.
 */
@Service
public class PlanExports {

	/** The print view; its model is {@code view} (a {@link PrintView}) and {@code pdf} ({@code false} in a browser). */
	public static final String PRINT_TEMPLATE = "plan/print";

	/** The family name of the bundled CJK font, a subset of LXGW WenKai (see {@code fonts/README}). */
	public static final String FONT_FAMILY = "Wenming Kai";

	/**
	 * Most characters an exported plan may hold: some 300 printed pages, a few seconds of rendering.
	 * A longer text is refused rather than tie up the server for minutes.
	 */
	public static final int MAX_CHARS = 500_000;

	static final String FONT_RESOURCE = "/fonts/WenmingKai-Regular.ttf";

	static final String TITLE_FONT = "宋体";

	static final String HEI = "黑体";

	static final String KAI = "楷体";

	static final String FANGSONG = "仿宋";

	static final String LATIN = "Times New Roman";

	/** Twentieths of a point, Word's unit of length. */
	private static final int TWIPS_PER_POINT = 20;

	private static final int BODY_POINTS = 16;

	private static final int TITLE_POINTS = 22;

	private static final int LINE_POINTS = 28;

	private static final int TITLE_LINE_POINTS = 36;

	private final ITemplateEngine templates;

	public PlanExports(ITemplateEngine templates) {
		this.templates = templates;
	}

	// ---- Word -------------------------------------------------------------------------------------

	/** The document as a Word file (.docx). */
	public byte[] docx(PlanDocument document) {
		PrintView view = printable(document);
		try (XWPFDocument word = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			page(word);
			word.getProperties().getCoreProperties().setTitle(Text.printable(view.title()));
			word.getProperties().getCoreProperties().setCreator(document.orgName() == null ? "" : Text.printable(document.orgName()));
			if (!view.title().isEmpty()) {
				XWPFParagraph title = paragraph(word, TITLE_LINE_POINTS, false);
				title.setAlignment(ParagraphAlignment.CENTER);
				run(title, view.title(), TITLE_FONT, TITLE_POINTS, true);
				paragraph(word, LINE_POINTS, false); // a blank line below the title
			}
			for (PrintView.Block block : view.blocks()) {
				XWPFParagraph paragraph = paragraph(word, LINE_POINTS, true);
				if (block.isHeading()) {
					run(paragraph, block.heading(), headingFont(block.level()), BODY_POINTS, block.level() == 3);
				}
				if (!block.text().isEmpty()) {
					run(paragraph, block.text(), FANGSONG, BODY_POINTS, false);
				}
			}
			if (!view.signature().isEmpty()) {
				paragraph(word, LINE_POINTS, false);
				for (String line : view.signature()) {
					XWPFParagraph signature = paragraph(word, LINE_POINTS, false);
					signature.setAlignment(ParagraphAlignment.RIGHT);
					// 右空四字: the signature ends four characters before the margin.
					signature.setIndentationRight(4 * BODY_POINTS * TWIPS_PER_POINT);
					run(signature, line, FANGSONG, BODY_POINTS, false);
				}
			}
			pageNumbers(word);
			word.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** 一、 in 黑体, （一） in 楷体, 1. in bold 仿宋, anything deeper in 仿宋. */
	static String headingFont(int level) {
		return switch (level) {
			case 1 -> HEI;
			case 2 -> KAI;
			default -> FANGSONG;
		};
	}

	/** The layout of a document no longer than {@link #MAX_CHARS}. */
	private static PrintView printable(PlanDocument document) {
		PrintView view = PrintView.of(document);
		long chars = view.title().length();
		for (PrintView.Block block : view.blocks()) {
			chars += block.heading().length() + block.text().length();
		}
		if (chars > MAX_CHARS) {
			throw new DomainException("plan.export.tooLong", String.valueOf(MAX_CHARS));
		}
		return view;
	}

	/** A4 with the margins of GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right. */
	private static void page(XWPFDocument word) {
		CTSectPr section = word.getDocument().getBody().isSetSectPr() ? word.getDocument().getBody().getSectPr()
				: word.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.isSetPgSz() ? section.getPgSz() : section.addNewPgSz();
		size.setW(BigInteger.valueOf(mm(210)));
		size.setH(BigInteger.valueOf(mm(297)));
		CTPageMar margins = section.isSetPgMar() ? section.getPgMar() : section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(mm(37)));
		margins.setBottom(BigInteger.valueOf(mm(35)));
		margins.setLeft(BigInteger.valueOf(mm(28)));
		margins.setRight(BigInteger.valueOf(mm(26)));
		margins.setHeader(BigInteger.valueOf(mm(15)));
		margins.setFooter(BigInteger.valueOf(mm(18)));
		margins.setGutter(BigInteger.ZERO);
		// Text typed into the document later goes on in 仿宋 三号.
		XWPFStyles styles = word.createStyles();
		CTFonts fonts = CTFonts.Factory.newInstance();
		fonts.setAscii(LATIN);
		fonts.setHAnsi(LATIN);
		fonts.setEastAsia(FANGSONG);
		styles.setDefaultFonts(fonts);
		CTRPr defaults = styles.getCtStyles().getDocDefaults().getRPrDefault().getRPr();
		defaults.addNewSz().setVal(BigInteger.valueOf(2L * BODY_POINTS));
	}

	private static int mm(int millimetres) {
		return (int) Math.round(millimetres * 1440 / 25.4);
	}

	/** A paragraph on exact {@code linePoints} lines, indented two characters when {@code indented}. */
	private static XWPFParagraph paragraph(XWPFDocument word, int linePoints, boolean indented) {
		XWPFParagraph paragraph = word.createParagraph();
		CTPPr properties = paragraph.getCTP().isSetPPr() ? paragraph.getCTP().getPPr() : paragraph.getCTP().addNewPPr();
		CTSpacing spacing = properties.isSetSpacing() ? properties.getSpacing() : properties.addNewSpacing();
		spacing.setBefore(BigInteger.ZERO);
		spacing.setAfter(BigInteger.ZERO);
		spacing.setLine(BigInteger.valueOf(linePoints * TWIPS_PER_POINT));
		spacing.setLineRule(STLineSpacingRule.EXACT);
		if (indented) {
			CTInd indent = properties.isSetInd() ? properties.getInd() : properties.addNewInd();
			indent.setFirstLine(BigInteger.valueOf(2L * BODY_POINTS * TWIPS_PER_POINT));
			indent.setFirstLineChars(BigInteger.valueOf(200));
		}
		paragraph.setAlignment(ParagraphAlignment.BOTH);
		return paragraph;
	}

	private static XWPFRun run(XWPFParagraph paragraph, String text, String font, int points, boolean bold) {
		XWPFRun run = paragraph.createRun();
		// What was stored before input was checked may hold characters that a .docx cannot.
		run.setText(Text.printable(text));
		run.setFontFamily(LATIN, XWPFRun.FontCharRange.ascii);
		run.setFontFamily(LATIN, XWPFRun.FontCharRange.hAnsi);
		run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
		run.setFontSize(points);
		if (bold) {
			run.setBold(true);
		}
		return run;
	}

	/** Page numbers as official documents have them: “— 1 —”, centred, in 宋体 四号 (14 pt). */
	private static void pageNumbers(XWPFDocument word) {
		XWPFFooter footer = word.createFooter(HeaderFooterType.DEFAULT);
		XWPFParagraph paragraph = footer.createParagraph();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		run(paragraph, "— ", TITLE_FONT, 14, false);
		CTSimpleField field = paragraph.getCTP().addNewFldSimple();
		field.setInstr("PAGE");
		XWPFRun number = new XWPFRun(field.addNewR(), paragraph);
		number.setText("1");
		number.setFontFamily(LATIN);
		number.setFontSize(14);
		run(paragraph, " —", TITLE_FONT, 14, false);
	}

	// ---- PDF --------------------------------------------------------------------------------------

	/**
	 * The print view as the PDF renderer reads it: XHTML, without what only a browser needs. A page
	 * controller shows the same view in a browser by returning {@link #PRINT_TEMPLATE} with the model
	 * {@code view} = {@link PrintView#of} and {@code pdf} = {@code false}.
	 */
	String xhtml(PlanDocument document) {
		Context context = new Context(LocaleContextHolder.getLocale());
		context.setVariable("view", printable(document));
		context.setVariable("pdf", true);
		return templates.process(PRINT_TEMPLATE, context);
	}

	/** The document as a PDF, rendered from the print view with the bundled font embedded. */
	public byte[] pdf(PlanDocument document) {
		// Characters that XHTML cannot hold (stored before input was checked) would fail the parser.
		String html = Text.printable(xhtml(document));
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.withProducer("wenming");
			builder.withHtmlContent(html, null);
			// Weight 400 only: bold text is drawn stroked, openhtmltopdf's stand-in for a bold face.
			builder.useFont(() -> new ByteArrayInputStream(Font.BYTES), FONT_FAMILY, 400, FontStyle.NORMAL, true);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The font's bytes, read once: 3.6 MB that every PDF needs. */
	private static final class Font {

		static final byte[] BYTES = read();

		private static byte[] read() {
			try (InputStream in = PlanExports.class.getResourceAsStream(FONT_RESOURCE)) {
				if (in == null) {
					throw new IllegalStateException("Font missing from the classpath: " + FONT_RESOURCE);
				}
				return in.readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}

package org.wenming.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A plan document laid out as the paragraphs of a printed page, the same for Word, PDF and the
 * browser's print view: the title, then headings and paragraphs in reading order, then the signature
 * (organisation and year).
 *
 * <p>
 * Heading numbers are written out as text, and list items (一是……二是……) go back into one paragraph,
 * so that reading the printed text again gives the same outline.
 */
public record PrintView(String title, List<Block> blocks, List<String> signature) {

	public PrintView {
		blocks = List.copyOf(blocks);
		signature = List.copyOf(signature);
	}

	/** What a block is. */
	public enum Kind {

		/** A heading: {@code heading} is its number and title; {@code text}, if any, runs on after it. */
		HEADING,
		/** A paragraph of text. */
		PARAGRAPH,
		/** A target line of a part. */
		TARGET,
		/** A task line of a part. */
		TASK

	}

	/** One paragraph of the page; {@code level} is the heading level (1 for 一、), 0 for text. */
	public record Block(Kind kind, int level, String heading, String text) {

		public boolean isHeading() {
			return kind == Kind.HEADING;
		}

	}

	/** The layout of {@code document}. */
	public static PrintView of(PlanDocument document) {
		List<Block> blocks = new ArrayList<>();
		paragraphs(document.leadText()).forEach(p -> blocks.add(text(Kind.PARAGRAPH, p)));
		for (PlanDocument.Part part : document.sections()) {
			part(part, 1, blocks);
		}
		List<String> signature = new ArrayList<>();
		if (document.orgName() != null) {
			signature.add(document.orgName());
		}
		if (document.year() != null) {
			// The date line of a Chinese official document, whatever the reader's language.
			signature.add(document.year() + "年");
		}
		return new PrintView(document.title(), blocks, signature);
	}

	private static Block text(Kind kind, String text) {
		return new Block(kind, 0, "", text);
	}

	private static void part(PlanDocument.Part part, int level, List<Block> blocks) {
		List<String> body = new ArrayList<>(paragraphs(part.body()));
		String heading = (part.number() == null ? "" : part.number()) + part.title();
		if (!heading.isEmpty()) {
			// Text that followed the title on the heading line and opens with a number of its own
			// (一、总体要求。1、坚持……) stays on that line: a line of its own would read as a heading.
			String runOn = !body.isEmpty() && Numbering.parse(body.get(0)) != null ? "。" + body.remove(0) : "";
			blocks.add(new Block(Kind.HEADING, level, heading, runOn));
		}
		body.forEach(p -> blocks.add(text(Kind.PARAGRAPH, p)));
		part.targetLines().forEach(line -> blocks.add(text(Kind.TARGET, line)));
		part.taskLines().forEach(line -> blocks.add(text(Kind.TASK, line)));
		StringBuilder items = new StringBuilder();
		for (PlanDocument.Part child : part.children()) {
			if (isItem(child)) {
				if (startsList(child.number())) {
					flush(items, blocks);
				}
				items.append(inline(child));
			}
			else {
				flush(items, blocks);
				part(child, level + 1, blocks);
			}
		}
		flush(items, blocks);
	}

	private static void flush(StringBuilder items, List<Block> blocks) {
		if (!items.isEmpty()) {
			blocks.add(text(Kind.PARAGRAPH, items.toString()));
			items.setLength(0);
		}
	}

	/** A list item (一是, 首先, 第三, 最后) rather than a heading number. */
	static boolean isItem(PlanDocument.Part part) {
		String number = part.number();
		if (number == null) {
			return false;
		}
		Numbering.Marker marker = Numbering.parse(number + "文");
		return marker == null || marker.contentStart() != number.length();
	}

	private static boolean startsList(String marker) {
		return marker.equals("一是") || marker.equals("一要") || marker.equals("首先");
	}

	/**
	 * An item as it stands in its paragraph: marker, title, what it says beyond the title and its own
	 * items, ending a clause so that the next item starts one. 第三, 再次 and 最后 need a pause after them
	 * to count as markers.
	 */
	private static String inline(PlanDocument.Part item) {
		String marker = item.number() == null ? "" : item.number();
		StringBuilder text = new StringBuilder(marker);
		if (isItem(item) && !marker.endsWith("是") && !marker.endsWith("要")) {
			text.append('，');
		}
		text.append(item.title());
		StringBuilder rest = new StringBuilder(String.join("", paragraphs(item.body())));
		item.targetLines().forEach(rest::append);
		item.taskLines().forEach(rest::append);
		if (!rest.isEmpty() && !item.children().isEmpty() && !endsClause(rest)) {
			rest.append('，');
		}
		// A heading below a list item cannot stand as a heading; it runs on in the item's paragraph.
		item.children().forEach(child -> rest.append(inline(child)));
		if (!rest.isEmpty()) {
			if (!text.isEmpty() && !endsClause(text)) {
				text.append('。');
			}
			text.append(rest);
		}
		if (!endsClause(text)) {
			text.append('；');
		}
		return text.toString();
	}

	private static boolean endsClause(CharSequence text) {
		if (text.isEmpty()) {
			return false;
		}
		return switch (text.charAt(text.length() - 1)) {
			case '。', '；', ';', '，', ',', '：', ':', '！', '!', '？', '?' -> true;
			default -> false;
		};
	}

	private static List<String> paragraphs(String text) {
		return OutlineParser.lines(text == null ? "" : text);
	}

}

package org.wenming.plan;

import java.util.ArrayList;
import java.util.List;

import org.wenming.plan.Numbering.Marker;
import org.wenming.plan.Numbering.Style;

/**
 * Reads plan documents into outlines; see {@link PlanOutlines} for the rules. May throw on a bug, which
 * {@link PlanOutlines} turns into a plain one-node outline; the tests call this class directly so that
 * such bugs show.
 */
final class OutlineParser {

	static final String NONE = "plan.outline.none";

	static final String FAILED = "plan.outline.failed";

	static final String PREAMBLE_SKIPPED = "plan.outline.preambleSkipped";

	static final String PLAN_WITHOUT_OUTLINE = "plan.outline.planWithoutOutline";

	/** Longest heading title; a longer first sentence is cut at its first comma, the rest is text. */
	static final int MAX_TITLE = 120;

	/** Longest title of a list item (一是……); a longer first sentence is cut at its first comma. */
	static final int MAX_ITEM_TITLE = 60;

	/** Longest title of a section made up for a document without headings. */
	static final int MAX_MADE_UP_TITLE = 30;

	/** Longest line that can be a plan's title line. */
	static final int MAX_TITLE_LINE = 60;

	private OutlineParser() {
	}

	/** A section while the outline is built. */
	private static final class Node {

		final Style style;

		final int number;

		final String label;

		final String title;

		List<String> paragraphs = new ArrayList<>();

		final List<Node> children = new ArrayList<>();

		Node(Style style, int number, String label, String title) {
			this.style = style;
			this.number = number;
			this.label = label;
			this.title = title;
		}

	}

	static OutlineResult parse(String text) {
		List<String> lines = lines(text == null ? "" : text);
		List<OutlineMessage> messages = new ArrayList<>();
		List<Integer> starts = planStarts(lines);
		List<ParsedPlan> plans = new ArrayList<>();
		List<Boolean> outlined = new ArrayList<>();
		if (starts.isEmpty()) {
			String title = documentTitle(lines);
			plans.add(plan(title, title == null ? lines : lines.subList(1, lines.size()), outlined));
		}
		else {
			if (starts.get(0) > 0) {
				messages.add(OutlineMessage.of(PREAMBLE_SKIPPED, String.valueOf(starts.get(0))));
			}
			for (int i = 0; i < starts.size(); i++) {
				int from = starts.get(i);
				int to = i + 1 < starts.size() ? starts.get(i + 1) : lines.size();
				plans.add(plan(lines.get(from), lines.subList(from + 1, to), outlined));
			}
		}
		if (!outlined.contains(true)) {
			messages.add(OutlineMessage.of(NONE));
		}
		else {
			for (int i = 0; i < plans.size(); i++) {
				if (!outlined.get(i)) {
					String title = plans.get(i).title();
					messages.add(OutlineMessage.of(PLAN_WITHOUT_OUTLINE, title == null ? String.valueOf(i + 1) : title));
				}
			}
		}
		return new OutlineResult(plans, messages);
	}

	/** The non-blank lines, trimmed; any line break counts, Word's vertical tab too. */
	static List<String> lines(String text) {
		List<String> lines = new ArrayList<>();
		int n = text.length();
		int start = 0;
		for (int i = 0; i <= n; i++) {
			char c = i < n ? text.charAt(i) : '\n';
			if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u000B' || c == '\f'
					|| c == '\u0085') {
				String line = Chars.trim(text.substring(start, i));
				if (!line.isEmpty()) {
					lines.add(line);
				}
				start = i + 1;
			}
		}
		return lines;
	}

	// ---- plans ------------------------------------------------------------------------------------

	/**
	 * Indexes of the lines that start a plan: a title line ending in 篇 and a number (“……篇3”), or a
	 * line shaped like the document's first line with other numbers (“范文1”, “范文2”; the first line
	 * then starts a plan too). A repeat of the first line with the same number starts nothing.
	 */
	static List<Integer> planStarts(List<String> lines) {
		List<Integer> starts = new ArrayList<>();
		if (lines.isEmpty()) {
			return starts;
		}
		String first = lines.get(0);
		Skeleton shape = isTitleLike(first) ? Skeleton.of(first) : null;
		boolean firstStarts = false;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (!isTitleLike(line)) {
				continue;
			}
			if (endsWithPieceNumber(line)) {
				starts.add(i);
			}
			else if (i > 0 && shape != null && !shape.numbers().isEmpty()) {
				Skeleton other = Skeleton.of(line);
				if (other.shape().equals(shape.shape()) && !other.numbers().equals(shape.numbers())) {
					starts.add(i);
					firstStarts = true;
				}
			}
		}
		if (firstStarts && (starts.isEmpty() || starts.get(0) != 0)) {
			starts.add(0, 0);
		}
		return starts;
	}

	/** The first line is the document's title when it looks like one and something follows. */
	private static String documentTitle(List<String> lines) {
		if (lines.size() >= 2 && isTitleLike(lines.get(0))) {
			return lines.get(0);
		}
		return null;
	}

	/** Short, no sentence inside, no heading number. */
	static boolean isTitleLike(String line) {
		if (line.length() > MAX_TITLE_LINE || Numbering.parse(line) != null) {
			return false;
		}
		for (int i = 0; i < line.length(); i++) {
			switch (line.charAt(i)) {
				case '。', '！', '？', '!', '?', '；', ';':
					return false;
				default:
			}
		}
		char last = line.charAt(line.length() - 1);
		return last != '，' && last != ',' && last != '：' && last != ':' && last != '、';
	}

	private static boolean endsWithPieceNumber(String line) {
		int k = line.length();
		while (k > 0 && (Chars.isDigit(line.charAt(k - 1)) || Chars.isChineseNumeral(line.charAt(k - 1)))) {
			k--;
		}
		int digits = line.length() - k;
		while (k > 0 && Chars.isSpace(line.charAt(k - 1))) {
			k--;
		}
		return digits >= 1 && digits <= 4 && k >= 2 && line.charAt(k - 1) == '篇';
	}

	/** A line with its numbers taken out: the shape (“工作计划范文#”) and the numbers. */
	record Skeleton(String shape, List<String> numbers) {

		static Skeleton of(String line) {
			StringBuilder shape = new StringBuilder();
			List<String> numbers = new ArrayList<>();
			int i = 0;
			while (i < line.length()) {
				char c = line.charAt(i);
				boolean digit = Chars.isDigit(c);
				if (digit || Chars.isChineseNumeral(c)) {
					int j = i;
					while (j < line.length() && (digit ? Chars.isDigit(line.charAt(j))
							: Chars.isChineseNumeral(line.charAt(j)))) {
						j++;
					}
					numbers.add(line.substring(i, j));
					shape.append('#');
					i = j;
				}
				else {
					shape.append(c);
					i++;
				}
			}
			return new Skeleton(shape.toString(), numbers);
		}

	}

	// ---- one plan ---------------------------------------------------------------------------------

	private static ParsedPlan plan(String title, List<String> lines, List<Boolean> outlined) {
		List<String> lead = new ArrayList<>();
		List<Node> roots = new ArrayList<>();
		List<Node> stack = new ArrayList<>();
		for (String line : lines) {
			Marker marker = Numbering.parse(line);
			if (marker == null) {
				(stack.isEmpty() ? lead : stack.get(stack.size() - 1).paragraphs).add(line);
				continue;
			}
			while (marker != null) {
				int end = continuation(line, marker);
				Node node = heading(line, marker, end < 0 ? line.length() : end);
				place(node, stack);
				(stack.isEmpty() ? roots : stack.get(stack.size() - 1).children).add(node);
				stack.add(node);
				marker = end < 0 ? null : Numbering.parse(line, end);
			}
		}
		outlined.add(!roots.isEmpty());
		if (roots.isEmpty()) {
			Node whole = new Node(null, 0, null, madeUpTitle(lead));
			whole.paragraphs = lead;
			roots.add(whole);
			lead = List.of();
		}
		List<Target> targets = new ArrayList<>();
		List<Figure> figures = new ArrayList<>();
		for (String paragraph : lead) {
			Quantities.scan(paragraph, targets, figures);
		}
		List<Section> sections = new ArrayList<>();
		for (Node root : roots) {
			sections.add(section(root, 1));
		}
		return new ParsedPlan(title, sections, String.join("\n", lead), targets, figures);
	}

	/**
	 * Where a heading goes. A style already open closes down to its sibling. A new style starting at 1
	 * opens a level below the current heading, whatever the style: levels follow the order the document
	 * uses its styles in. A new style continuing a count (二、 after 1、2、3、, when 一、 was never a
	 * heading) closes the open headings its style stands above in the customary hierarchy.
	 */
	private static void place(Node node, List<Node> stack) {
		int open = -1;
		for (int i = 0; i < stack.size(); i++) {
			if (stack.get(i).style == node.style) {
				open = i;
				break;
			}
		}
		if (open >= 0) {
			stack.subList(open, stack.size()).clear();
		}
		else if (node.number != 1) {
			while (!stack.isEmpty() && stack.get(stack.size() - 1).style.isBelow(node.style)) {
				stack.remove(stack.size() - 1);
			}
		}
	}

	/**
	 * Where the next heading starts when a heading line runs on into it after a full stop ("1、是……。2、是
	 * ……"): the same style numbered one more; -1 when it does not.
	 */
	private static int continuation(String line, Marker marker) {
		for (int i = marker.contentStart() + 1; i < line.length(); i++) {
			switch (line.charAt(i - 1)) {
				case '。', '；', ';', '！', '？', '!', '?':
					Marker next = Numbering.parse(line, i);
					if (next != null && next.style() == marker.style() && next.number() == marker.number() + 1) {
						return i;
					}
					break;
				default:
			}
		}
		return -1;
	}

	private static Node heading(String line, Marker marker, int end) {
		String content = line.substring(marker.contentStart(), end);
		int[] cut = cutTitle(content, titleEnd(content), MAX_TITLE);
		Node node = new Node(marker.style(), marker.number(), marker.label(), Chars.trim(content.substring(0, cut[0])));
		String rest = Chars.trim(content.substring(cut[1]));
		if (!rest.isEmpty()) {
			node.paragraphs.add(rest);
		}
		return node;
	}

	/**
	 * Where a title ends and the text starts: at the end of the first sentence, or, when that is longer
	 * than {@code max}, at its first comma, or else after {@code max} characters.
	 */
	private static int[] cutTitle(String content, int sentenceEnd, int max) {
		if (sentenceEnd <= max) {
			return new int[] { sentenceEnd, Math.min(sentenceEnd + 1, content.length()) };
		}
		for (int i = 1; i < max; i++) {
			switch (content.charAt(i)) {
				case '，', ',', '；', ';':
					return new int[] { i, i + 1 };
				default:
			}
		}
		return new int[] { max, max };
	}

	/** A heading's title ends at the first 。！？ or colon (not one between digits, as in 8:30). */
	private static int titleEnd(String content) {
		for (int i = 0; i < content.length(); i++) {
			switch (content.charAt(i)) {
				case '。', '！', '？', '!', '?', '：':
					if (i > 0) {
						return i;
					}
					break;
				case ':':
					if (i > 0 && !(Chars.isDigit(content.charAt(i - 1)) && i + 1 < content.length()
							&& Chars.isDigit(content.charAt(i + 1)))) {
						return i;
					}
					break;
				default:
			}
		}
		return content.length();
	}

	/** A list item's title ends at the first 。；！？. */
	private static int itemTitleEnd(String content) {
		for (int i = 0; i < content.length(); i++) {
			switch (content.charAt(i)) {
				case '。', '；', ';', '！', '？', '!', '?':
					return i;
				default:
			}
		}
		return content.length();
	}

	private static String madeUpTitle(List<String> paragraphs) {
		if (paragraphs.isEmpty()) {
			return "";
		}
		String first = paragraphs.get(0);
		int cut = Math.min(itemTitleEnd(first), MAX_MADE_UP_TITLE);
		return Chars.trim(first.substring(0, cut));
	}

	// ---- sections ---------------------------------------------------------------------------------

	private static Section section(Node node, int level) {
		List<Node> items = new ArrayList<>();
		List<String> paragraphs = new ArrayList<>();
		for (String paragraph : node.paragraphs) {
			Enumerations.Split split = Enumerations.split(paragraph);
			if (split == null) {
				paragraphs.add(paragraph);
				continue;
			}
			if (!split.leadIn().isEmpty()) {
				paragraphs.add(split.leadIn());
			}
			for (Enumerations.Item item : split.items()) {
				items.add(item(item));
			}
		}
		List<Target> targets = new ArrayList<>();
		List<Figure> figures = new ArrayList<>();
		Quantities.scan(node.title, targets, figures);
		for (String paragraph : paragraphs) {
			Quantities.scan(paragraph, targets, figures);
		}
		List<Section> children = new ArrayList<>();
		for (Node item : items) {
			children.add(section(item, level + 1));
		}
		for (Node child : node.children) {
			children.add(section(child, level + 1));
		}
		return new Section(node.label, node.title, level, String.join("\n", paragraphs), targets, figures, children);
	}

	private static Node item(Enumerations.Item item) {
		String content = item.content();
		int[] cut = cutTitle(content, itemTitleEnd(content), MAX_ITEM_TITLE);
		Node node = new Node(null, 0, item.marker(), Chars.trim(content.substring(0, cut[0])));
		String rest = Chars.trim(content.substring(cut[1]));
		if (!rest.isEmpty()) {
			node.paragraphs.add(rest);
		}
		return node;
	}

}

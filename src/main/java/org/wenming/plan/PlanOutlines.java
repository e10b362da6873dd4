package org.wenming.plan;

import java.util.List;

/**
 * Turns the text of work plans into outlines. Pure Java, linear in the text, and total: any text at
 * all gives at least one plan with at least one section.
 *
 * <ul>
 * <li>Headings are lines opening with a number of the customary hierarchy 一、 → （一） → 1. → （1） →
 * ①, full-width or half-width ({@code (一)}, {@code 1．}, {@code 1、}). A number followed by digits
 * ({@code 1.5亿元}) is no heading.</li>
 * <li>Levels: a style already open gives a sibling; a new style numbered 1 opens the next level down,
 * so a document starting at {@code 1.} has {@code 1.} at level 1; a new style numbered higher than 1
 * (the first items were never headings) goes as high as its rank in the hierarchy allows.</li>
 * <li>A heading's title is its line up to the first 。, colon, ！ or ？ ({@code 一、指导思想：} gives
 * 指导思想); the rest of the line and the paragraphs that follow are its text.</li>
 * <li>Lists inside a paragraph (一是……二是……, 首先……其次……第三……) become child sections.</li>
 * <li>A line ending in 篇 and a number (“……篇3”), or shaped like the first line but numbered
 * differently, starts a new plan; what comes before the first plan is left out, with a message.</li>
 * <li>Every clause is searched for targets and figures ({@link Target}, {@link Figure}).</li>
 * <li>Without any heading the whole text is one section, with the message {@code plan.outline.none}
 * (未识别到提纲).</li>
 * </ul>
 */
public final class PlanOutlines {

	private static final System.Logger log = System.getLogger(PlanOutlines.class.getName());

	private PlanOutlines() {
	}

	/** The plans of {@code text}; never throws. */
	public static OutlineResult parse(String text) {
		String safe = text == null ? "" : text;
		try {
			return OutlineParser.parse(safe);
		}
		catch (RuntimeException | StackOverflowError ex) {
			// A bug must not cost the user their document: give it back whole, as one section.
			log.log(System.Logger.Level.WARNING, "Outline parser failed; returning the text as one section", ex);
			Section whole = new Section(null, "", 1, safe, List.of(), List.of(), List.of());
			return new OutlineResult(List.of(new ParsedPlan(null, List.of(whole), "", List.of(), List.of())),
					List.of(OutlineMessage.of(OutlineParser.FAILED)));
		}
	}

}

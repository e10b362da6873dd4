package org.wenming.plan;

import java.util.List;

/**
 * A work plan as it is printed or exported: its title, the organisation that issues it and the year
 * (both may be {@code null}; they sign the document), the text before its first heading, and its
 * outline. Built from an imported outline with {@link #of}; the plan domain maps its own plans to it.
 */
public record PlanDocument(String title, String orgName, Integer year, String leadText, List<Part> sections) {

	public PlanDocument {
		title = title == null ? "" : title.strip();
		orgName = orgName == null || orgName.isBlank() ? null : orgName.strip();
		leadText = leadText == null ? "" : leadText;
		sections = List.copyOf(sections);
	}

	/**
	 * One part of the outline. {@code number} is the heading number as written ({@code 一、}, {@code （一）},
	 * {@code 1.}) or a list marker ({@code 一是}, {@code 首先}), which is printed inside its paragraph;
	 * a part with neither number nor title has no heading. {@code body} holds paragraphs separated by
	 * line breaks; {@code taskLines} and {@code targetLines} are printed after it, a paragraph each.
	 */
	public record Part(String number, String title, String body, List<String> taskLines, List<String> targetLines,
			List<Part> children) {

		public Part {
			number = number == null || number.isBlank() ? null : number.strip();
			title = title == null ? "" : title.strip();
			body = body == null ? "" : body;
			taskLines = List.copyOf(taskLines);
			targetLines = List.copyOf(targetLines);
			children = List.copyOf(children);
		}

	}

	/**
	 * The document of an imported plan. Its targets are not repeated as target lines: the body already
	 * says them. A section without a number (a document without outline) gets no heading, since its
	 * title was only made up from its first words.
	 */
	public static PlanDocument of(ParsedPlan plan, String orgName, Integer year) {
		return new PlanDocument(plan.title(), orgName, year, plan.text(), plan.sections().stream().map(PlanDocument::part).toList());
	}

	private static Part part(Section section) {
		return new Part(section.number(), section.number() == null ? "" : section.title(), section.text(), List.of(),
				List.of(), section.children().stream().map(PlanDocument::part).toList());
	}

}

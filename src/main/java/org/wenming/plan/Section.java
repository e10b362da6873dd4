package org.wenming.plan;

import java.util.List;

/**
 * A node of a plan's outline. {@code number} is the numbering as written ({@code 一、}, {@code (二)},
 * {@code 1.}, {@code 一是}, {@code 首先}; {@code null} for a document without an outline);
 * {@code level} starts at 1; {@code text} is what the heading line and the paragraphs up to the next
 * heading say beyond the title, less what moved into {@code children}.
 */
public record Section(String number, String title, int level, String text, List<Target> targets,
		List<Figure> figures, List<Section> children) {

	public Section {
		targets = List.copyOf(targets);
		figures = List.copyOf(figures);
		children = List.copyOf(children);
	}

}

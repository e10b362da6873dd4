package org.wenming.plan;

import java.math.BigDecimal;

/**
 * The editable parts of a section: its numbering as written ({@code 一、}, {@code 1.}), title, text
 * and weight in its parent's progress. On an update {@code null} keeps what is stored.
 */
public record SectionDraft(String number, String title, String body, BigDecimal weight) {
}

package org.wenming.directory;

/**
 * One invalid field: its name and the message key that says why.
 */
public record FieldProblem(String field, String code) {
}

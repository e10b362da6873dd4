package org.wenming.directory;

import java.util.List;

/**
 * What an import file holds, with its columns in template order. A column's header is the
 * message {@code import.<kind>.column.<field>}; files may use the header of either language or
 * the field name itself.
 */
public enum ImportKind {

	PEOPLE("people", List.of(new Column("name", true), new Column("gender", false), new Column("birthDate", false),
			new Column("idNumber", true), new Column("phone", false), new Column("address", false),
			new Column("politicalStatus", false), new Column("tags", false), new Column("workOrg", false),
			new Column("homeOrg", false))),

	ORGS("orgs", List.of(new Column("name", true), new Column("type", true), new Column("parent", false),
			new Column("divisionCode", false)));

	private final String key;

	private final List<Column> columns;

	ImportKind(String key, List<Column> columns) {
		this.key = key;
		this.columns = columns;
	}

	/** {@code people} or {@code orgs}, as in URLs and message keys. */
	public String key() {
		return key;
	}

	public List<Column> columns() {
		return columns;
	}

	public String headerKey(Column column) {
		return "import." + key + ".column." + column.field();
	}

	/** Reads a kind from its URL form. */
	public static ImportKind of(String key) {
		for (ImportKind kind : values()) {
			if (kind.key.equals(key)) {
				return kind;
			}
		}
		return null;
	}

	/** One column of an import file; a required one must be present in the header. */
	public record Column(String field, boolean required) {
	}

}

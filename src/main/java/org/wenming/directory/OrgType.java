package org.wenming.directory;

/**
 * Kinds of org in the tree. The message key {@code org.type.<NAME>} gives the Chinese name.
 */
public enum OrgType {

	CITY("市"), DISTRICT("区县"), STREET("街道/乡镇"), COMMUNITY("社区"), VILLAGE("村"), AGENCY("机关单位"),
	DEPARTMENT("科室"), SCHOOL("学校"), ENTERPRISE("企业"), SOCIAL_ORG("社会组织");

	private final String label;

	OrgType(String label) {
		this.label = label;
	}

	/** The Chinese name, as used in import files. */
	public String label() {
		return label;
	}

	/** Reads a type from its code or its Chinese name (街道 and 乡镇 both mean STREET). */
	public static OrgType parse(String text) {
		if (text == null) {
			return null;
		}
		String value = text.trim();
		for (OrgType type : values()) {
			if (type.name().equalsIgnoreCase(value) || type.label.equals(value)) {
				return type;
			}
		}
		return switch (value) {
			case "街道", "乡镇", "镇", "乡" -> STREET;
			case "区", "县" -> DISTRICT;
			case "机关", "单位" -> AGENCY;
			default -> null;
		};
	}

	/** Whether people can live here (the residence of a person is a community or village). */
	public boolean isResidential() {
		return this == COMMUNITY || this == VILLAGE;
	}

}

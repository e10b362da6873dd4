package org.wenming.directory;

/**
 * Kinds of care recipient (帮扶对象).
 */
public enum CareRecipientType {

	EMPTY_NEST_ELDER("空巢老人"), LEFT_BEHIND_CHILD("留守儿童"), DISABLED("残疾人"), HARDSHIP_HOUSEHOLD("困难户"),
	MIGRANT_WORKER("农民工"), ORPHAN("孤残儿童"), ENTITLED_GROUP("优抚对象"), MIGRANT_CHILD("流动人口子女");

	private final String label;

	CareRecipientType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static CareRecipientType parse(String text) {
		if (text == null) {
			return null;
		}
		for (CareRecipientType type : values()) {
			if (type.name().equalsIgnoreCase(text.trim()) || type.label.equals(text.trim())) {
				return type;
			}
		}
		return null;
	}

}

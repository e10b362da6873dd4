package org.wenming.activity;

/**
 * 草稿 → 报名中 → 进行中 → 已结束, or 已取消 at any time before the end. The message key
 * {@code activity.status.<NAME>} names each one.
 */
public enum ActivityStatus {

	DRAFT, OPEN, ONGOING, FINISHED, CANCELLED

}

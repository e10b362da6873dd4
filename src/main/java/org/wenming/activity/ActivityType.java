package org.wenming.activity;

/**
 * The kinds of activity the plans ask for. The message key {@code activity.type.<NAME>} names
 * each one.
 */
public enum ActivityType {

	/** 志愿服务 */
	VOLUNTEER_SERVICE,
	/** 理论学习 */
	THEORY_STUDY,
	/** 道德讲堂 */
	MORAL_LECTURE,
	/** 节日活动 */
	FESTIVAL,
	/** 文体活动 */
	CULTURE_SPORTS,
	/** 培训讲座 */
	TRAINING,
	/** 帮扶慰问 */
	CARE_VISIT,
	/** 结对共建 */
	PAIRING,
	/** 竞赛 */
	CONTEST,
	/** 其他 */
	OTHER

}

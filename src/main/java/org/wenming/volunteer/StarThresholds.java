package org.wenming.volunteer;

import java.math.BigDecimal;
import java.util.List;

/**
 * The cumulative hours at which a volunteer reaches one to five stars, and the org that set them
 * ({@code null} for the national default of 中国社区志愿者注册管理办法).
 */
public record StarThresholds(Long orgId, String orgName, List<BigDecimal> hours) {

	public static final StarThresholds NATIONAL = new StarThresholds(null, null,
			List.of(BigDecimal.valueOf(100), BigDecimal.valueOf(300), BigDecimal.valueOf(600), BigDecimal.valueOf(1000),
					BigDecimal.valueOf(1500)));

	public StarThresholds {
		hours = List.copyOf(hours);
	}

	/** The stars (0 to 5) that many confirmed hours earn. */
	public int levelFor(BigDecimal total) {
		int level = 0;
		for (BigDecimal threshold : hours) {
			if (total.compareTo(threshold) >= 0) {
				level++;
			}
		}
		return level;
	}

	public boolean isNational() {
		return orgId == null;
	}

}

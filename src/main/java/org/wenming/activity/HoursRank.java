package org.wenming.activity;

import java.math.BigDecimal;

/**
 * One row of an hours leaderboard: the person, team or org (by id), its hours over the period,
 * and how many people served them.
 */
public record HoursRank(int rank, long id, BigDecimal hours, long people) {
}

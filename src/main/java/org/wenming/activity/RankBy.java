package org.wenming.activity;

/**
 * What an hours leaderboard ranks: people, volunteer teams, or the orgs directly below the chosen
 * org (each with the hours of its whole subtree).
 */
public enum RankBy {

	PERSON, TEAM, ORG

}

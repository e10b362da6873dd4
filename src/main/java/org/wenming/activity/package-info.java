/**
 * Activities of every kind in the plans (志愿服务, 理论学习, 道德讲堂, 节日活动 …): their sign-ups
 * with capacity and waiting list, check-in and check-out by rotating QR tokens, and the hours
 * ledger in which the organizing org records and certifies the hours served.
 */
@ApplicationModule(displayName = "Activity")
package org.wenming.activity;

import org.springframework.modulith.ApplicationModule;

package org.wenming.platform.web;

import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.wenming.platform.notify.Notifications;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell's rules that need no browser: the sidebar shows what a permission allows and marks the
 * page shown; a muted kind of notification never reaches the inbox; a client that hangs up is not an
 * error.
 */
@SpringBootTest
class ShellTests {

	@Autowired
	Navigation navigation;

	@Autowired
	Notifications notifications;

	@Autowired
	PageExceptionHandler pages;

	@Autowired
	ApiExceptionHandler api;

	@Test
	void sidebarShowsOnlyWhatThePermissionsAllowAndMarksTheLongestMatch() {
		List<Navigation.Section> resident = navigation.sectionsFor(null, Set.of(), "/m/hours");
		assertThat(resident).extracting(Navigation.Section::group).containsExactly(Navigation.Group.WORKBENCH);
		assertThat(resident.get(0).links()).filteredOn(Navigation.Link::current)
			.extracting(Navigation.Link::href)
			.containsExactly("/m");

		List<Navigation.Section> planner = navigation.sectionsFor(null, Set.of("plan:read", "plan:write"),
				"/tasks/12");
		assertThat(planner).extracting(Navigation.Section::group)
			.containsExactly(Navigation.Group.WORKBENCH, Navigation.Group.PLAN);
		assertThat(planner.get(1).current()).isTrue();
		assertThat(planner.get(1).links()).filteredOn(Navigation.Link::current)
			.extracting(Navigation.Link::href)
			.containsExactly("/tasks");
		assertThat(navigation.sectionsFor(null, Set.of(), "/workbench").get(0).links().get(0).current()).isTrue();
	}

	@Test
	void phoneTabsMarkTheirPage() {
		assertThat(navigation.tabsFor("/m")).filteredOn(Navigation.Tab::current).extracting(Navigation.Tab::id)
			.containsExactly("tab-home");
		assertThat(navigation.tabsFor("/m/activities/3")).filteredOn(Navigation.Tab::current)
			.extracting(Navigation.Tab::id)
			.containsExactly("tab-activities");
		assertThat(navigation.tabsFor("/m/hours")).filteredOn(Navigation.Tab::current).extracting(Navigation.Tab::id)
			.containsExactly("tab-mine");
		assertThat(Navigation.isPhonePage("/media")).isFalse();
	}

	@Test
	void aMutedKindOfNotificationNeverReachesTheInbox() {
		String user = "shell_" + System.nanoTime();
		notifications.receiveOnly(user, List.of("PLAN_TASK", "ACTIVITY"));
		assertThat(notifications.muted(user)).contains("HOURS", "SERVICE_ORDER").doesNotContain("PLAN_TASK");

		notifications.post(user, "HOURS", "时长已确认", "", null);
		notifications.post(user, "PLAN_TASK", "新任务", "", null);
		notifications.post(user, "GENERAL", "系统消息", "", null);

		assertThat(notifications.latest(user, 10)).extracting(Notifications.Notification::title)
			.containsExactlyInAnyOrder("新任务", "系统消息");
		notifications.receiveOnly(user, Notifications.KINDS);
		assertThat(notifications.muted(user)).isEmpty();
	}

	@Test
	void aClientThatHangsUpIsNotLoggedAsAnError() {
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		Logger page = (Logger) LoggerFactory.getLogger(PageExceptionHandler.class);
		Logger json = (Logger) LoggerFactory.getLogger(ApiExceptionHandler.class);
		page.addAppender(events);
		json.addAppender(events);
		try {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/activities");
			pages.unexpected(new ClientAbortException(new java.io.IOException("Broken pipe")), request,
					new MockHttpServletResponse());
			pages.unexpected(new AsyncRequestNotUsableException("Response not usable after response errors."),
					request, new MockHttpServletResponse());
			api.unexpected(new ClientAbortException(new java.io.IOException("Connection reset by peer")),
					new MockHttpServletRequest("GET", "/api/v1/activities"));
		}
		finally {
			page.detachAppender(events);
			json.detachAppender(events);
		}
		assertThat(events.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
	}

}

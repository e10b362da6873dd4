package org.wenming.volunteer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The activity of an accepted order, stored with plain SQL as the activity module would store it,
 * while that module's {@code Activities.create} is not on this branch. Keeps what it was asked for.
 */
class ServiceOrderTestActivities implements ServiceOrderActivities {

	final List<Request> requests = new CopyOnWriteArrayList<>();

	private final JdbcClient jdbc;

	ServiceOrderTestActivities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public long createFor(ServiceOrder order, long teamOrgId, String categoryName) {
		requests.add(new Request(order.id(), teamOrgId, order.teamId()));
		return jdbc.sql("""
				insert into activity (title, type, organizer_org_id, team_id, place, starts_at, ends_at, capacity,
				  audience, audience_team_id, service_target, care_recipient_id, status, checkin_secret, created_by)
				values (?, 'VOLUNTEER_SERVICE', ?, ?, ?, ?, ?, 20, 'TEAM_MEMBERS', ?, ?, ?, 'OPEN', '\\x00'::bytea, 'system')
				returning id""")
			.params(categoryName + "服务", teamOrgId, order.teamId(), order.siteOrgName(), order.desiredFrom(),
					order.desiredTo(), order.teamId(), order.personName(), order.careRecipientId())
			.query(Long.class)
			.single();
	}

	record Request(long orderId, long teamOrgId, Long teamId) {
	}

	/** Puts it in place of the activity module's creation. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		ServiceOrderTestActivities serviceOrderTestActivities(JdbcClient jdbc) {
			return new ServiceOrderTestActivities(jdbc);
		}

	}

}

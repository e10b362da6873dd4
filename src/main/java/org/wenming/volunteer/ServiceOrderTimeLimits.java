package org.wenming.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.platform.database.ClusterLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every few minutes, on one instance: flags orders not dispatched within
 * {@link ServiceOrderProperties#dispatchWithin()} of their approval, or not accepted within
 * {@link ServiceOrderProperties#acceptWithin()} of their dispatch, as overdue, tells whoever holds
 * them and escalates to the admins of the org above, once. Dispatching or accepting clears the flag,
 * so the next time limit is watched afresh.
 */
@Component
public class ServiceOrderTimeLimits {

	private static final Logger log = LoggerFactory.getLogger(ServiceOrderTimeLimits.class);

	private final JdbcClient jdbc;

	private final ServiceOrders orders;

	private final ServiceOrderNotices notices;

	private final ClusterLock lock;

	private final ServiceOrderProperties properties;

	private final Clock clock;

	ServiceOrderTimeLimits(JdbcClient jdbc, ServiceOrders orders, ServiceOrderNotices notices, ClusterLock lock,
			ServiceOrderProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.notices = notices;
		this.lock = lock;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
	void everyFewMinutes() {
		if (lock.tryAcquire("service_order.time_limits", Duration.ofMinutes(4))) {
			int flagged = run();
			if (flagged > 0) {
				log.info("Service orders overdue: {}", flagged);
			}
		}
	}

	/** Flags and escalates what is overdue now; how many orders it flagged. */
	@Transactional
	public int run() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Long> flagged = jdbc.sql("""
				update service_order set overdue_since = ?, escalated_at = ?, version = version + 1
				where overdue_since is null and (
				  (status = 'PENDING_DISPATCH' and not wish and reviewed_at <= ?)
				  or (status = 'DISPATCHED' and dispatched_at <= ?))
				returning id""")
			.params(now, now, now.minus(properties.dispatchWithin()), now.minus(properties.acceptWithin()))
			.query(Long.class)
			.list();
		for (long id : flagged) {
			ServiceOrder order = orders.load(id);
			String limit = order.status() == ServiceOrderStatus.PENDING_DISPATCH ? "dispatch" : "accept";
			orders.event(order, "OVERDUE", limit);
			notices.post(notices.handler(order), order.awaitsTeam() ? ServiceOrderNotices.teamLink(order)
					: ServiceOrderNotices.staffLink(order), "overdue." + limit, order, order.handlerOrgName());
			notices.post(notices.aboveHandler(order), ServiceOrderNotices.staffLink(order), "escalated." + limit, order,
					order.handlerOrgName());
		}
		return flagged.size();
	}

}

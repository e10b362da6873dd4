package org.wenming.metric;

import java.math.BigDecimal;
import java.util.List;

/**
 * Implemented by a module (as a Spring bean) to publish its metrics to the catalog.
 */
public interface MetricProvider {

	/** The metrics this provider computes. */
	List<MetricDefinition> metrics();

	/** The value of one of {@link #metrics()} for the org subtree and period. */
	BigDecimal compute(String name, MetricQuery query);

}

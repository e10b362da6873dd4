package org.wenming.metric;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

/**
 * Every metric the modules publish, by name. A name nobody publishes yet has no value: targets
 * bound to it show 待接入.
 */
@Service
public class MetricCatalog {

	private final Map<String, Registered> metrics = new TreeMap<>();

	MetricCatalog(List<MetricProvider> providers) {
		for (MetricProvider provider : providers) {
			for (MetricDefinition definition : provider.metrics()) {
				Registered previous = metrics.put(definition.name(), new Registered(definition, provider));
				if (previous != null) {
					throw new IllegalStateException("metric " + definition.name() + " is published twice");
				}
			}
		}
	}

	public Collection<MetricDefinition> definitions() {
		return metrics.values().stream().map(Registered::definition).toList();
	}

	public Optional<MetricDefinition> find(String name) {
		return Optional.ofNullable(metrics.get(name)).map(Registered::definition);
	}

	public boolean isAvailable(String name) {
		return metrics.containsKey(name);
	}

	/** The metric's value, or empty when no module publishes it yet. */
	public Optional<BigDecimal> compute(String name, MetricQuery query) {
		Registered registered = metrics.get(name);
		return registered == null ? Optional.empty()
				: Optional.of(registered.provider().compute(name, query));
	}

	private record Registered(MetricDefinition definition, MetricProvider provider) {
	}

}

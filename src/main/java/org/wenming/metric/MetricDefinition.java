package org.wenming.metric;

/**
 * What a metric measures.
 *
 * @param name dotted name, owner module first ({@code directory.residents})
 * @param description one line in Chinese
 * @param unit unit of the value ({@code 人}, {@code %}, {@code 小时})
 * @param periodic whether the value is counted over the period ({@code true}) or read at its end
 */
public record MetricDefinition(String name, String description, String unit, boolean periodic) {

	public MetricDefinition {
		if (name == null || !name.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+")) {
			throw new IllegalArgumentException("metric names are dotted lower-case words: " + name);
		}
	}

}

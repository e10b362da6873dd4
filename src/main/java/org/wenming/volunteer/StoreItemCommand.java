package org.wenming.volunteer;

/** What staff enter for a store item: the site (org), name, description, price in points, stock. */
public record StoreItemCommand(Long orgId, String name, String description, Integer points, Integer stock,
		Boolean active) {
}

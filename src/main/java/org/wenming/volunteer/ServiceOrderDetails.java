package org.wenming.volunteer;

import java.util.List;

/** A service order with its history, oldest first. */
public record ServiceOrderDetails(ServiceOrder order, List<ServiceOrderEvent> events) {
}

package org.wenming.volunteer;

/**
 * The phone number and address of a service order in full, for whoever handles it. Handing it out
 * is audited.
 */
public record ServiceOrderContact(long orderId, String phone, String address) {
}

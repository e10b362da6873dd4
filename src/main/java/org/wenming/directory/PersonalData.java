package org.wenming.directory;

/**
 * A person's ID number, phone and address in full. Handing one out is audited.
 */
public record PersonalData(long personId, String name, String idNumber, String phone, String address) {
}

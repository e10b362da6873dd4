package org.wenming.volunteer;

import java.util.List;

/** A person's points: the balance and the latest entries of the ledger, newest first. */
public record PointsStatement(long balance, List<PointsEntry> entries) {
}

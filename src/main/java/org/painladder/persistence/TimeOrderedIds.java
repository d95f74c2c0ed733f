package org.painladder.persistence;

import java.util.UUID;
import org.hibernate.id.uuid.UuidVersion7Strategy;

/**
 * Ids for the rows written on every request (assessments, their recommendations, audit events): UUID version 7 (RFC
 * 9562), whose leading bits are the time, so each insert lands at the right-hand edge of the primary-key index instead
 * of on a random page of it that must be read back and, after each checkpoint, written to the WAL whole (issue 14).
 * The rest of the bits stay random; no id says more than the row's own timestamps.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        return UuidVersion7Strategy.INSTANCE.generateUuid(null);
    }
}

package org.painladder.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersion7AndFollowEachOtherInIndexOrder() {
        long before = System.currentTimeMillis();
        UUID previous = TimeOrderedIds.next();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            UUID id = TimeOrderedIds.next();
            assertEquals(7, id.version(), id::toString);
            assertEquals(2, id.variant(), id::toString);
            // PostgreSQL orders uuid as unsigned bytes: the text form compares the same way.
            assertTrue(id.toString().compareTo(previous.toString()) > 0, previous + " then " + id);
            assertTrue(seen.add(id), id::toString);
            previous = id;
        }
        long millis = previous.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= System.currentTimeMillis(), "timestamp " + millis);
    }
}

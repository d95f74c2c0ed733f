package org.painladder.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The one text form that seals and checkpoints are computed over, and their comparison. */
final class Canonical {

    private Canonical() {
    }

    static String of(Object... fields) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : fields) {
            // Length-prefixed, so that no field value can imitate a field boundary; null differs from "".
            String value = field == null ? null : field.toString();
            canonical.append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value)
                    .append(';');
        }
        return canonical.toString();
    }

    /** Compares MACs in time independent of where they differ. */
    static boolean same(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }
}

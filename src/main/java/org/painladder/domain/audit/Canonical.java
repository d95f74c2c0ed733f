package org.painladder.domain.audit;

/** The one text form that seals and checkpoints are computed over. */
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
}

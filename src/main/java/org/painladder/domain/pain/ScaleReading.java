package org.painladder.domain.pain;

/** The outcome of reading a raw value on a pain scale: a normalised score, or the reason it cannot be one. */
public sealed interface ScaleReading {

    /** @param rawValue the value as it will be stored (canonical spelling), @param score normalised 0–10 */
    record Accepted(String rawValue, int score) implements ScaleReading {
    }

    record Rejected(String reason) implements ScaleReading {
    }
}

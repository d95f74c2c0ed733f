package org.painladder.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash chain of the audit trail: each event's hash is SHA-256 over its canonical content and the hash of the
 * event before it, so changing, removing or reordering a stored event breaks every hash from there on.
 */
public final class AuditChain {

    /** The prevHash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The next event of the chain whose newest event has {@code prevHash} at position {@code seq - 1}. */
    public static AuditEvent link(Access access, UUID id, long seq, Instant at, String prevHash) {
        // Both databases keep microseconds at most; hashing what is stored keeps the hash verifiable.
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        return new AuditEvent(id, seq, stored, access, prevHash, hash(id, seq, stored, access, prevHash));
    }

    public static String hash(AuditEvent event) {
        return hash(event.id(), event.seq(), event.at(), event.access(), event.prevHash());
    }

    private static String hash(UUID id, long seq, Instant at, Access access, String prevHash) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {id, seq, at, access.actor(), access.role(), access.client(), access.action(),
                access.resourceType(), access.resourceId(), access.patientId(), access.outcome(), access.status(),
                access.correlationId(), prevHash}) {
            // Length-prefixed, so that no field value can imitate a field boundary; null differs from "".
            String value = field == null ? null : field.toString();
            canonical.append(value == null ? -1 : value.length()).append(':').append(value == null ? "" : value)
                    .append(';');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", impossible);
        }
    }
}

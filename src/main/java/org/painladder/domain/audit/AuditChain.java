package org.painladder.domain.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The chains of the audit trail. Each event is sealed into one chain (one per replica or stripe, so that appends of
 * different chains never wait for each other): its hash is a keyed MAC over its canonical content, its chain and
 * position, the key id and the hash of the event before it. Changing, removing or reordering a stored event breaks
 * its hash or the next link, and without the key nobody can compute the hashes that would hide it.
 */
public final class AuditChain {

    /** The prevHash of the first event of every chain. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /**
     * An event as the request that caused it writes it, before it has a place in its chain. Its {@code hash} is
     * already a keyed MAC over its content, so that a row inserted or changed in the database before it is sealed is
     * never sealed as if the service had written it.
     */
    public static AuditEvent pending(Access access, UUID id, String chainId, Instant at, AuditKeys keys) {
        String keyId = keys.currentKeyId();
        // Both databases keep microseconds at most; sealing what is stored keeps the hash verifiable.
        AuditEvent unsigned = new AuditEvent(id, chainId, null, at.truncatedTo(ChronoUnit.MICROS), access, keyId, null,
                null);
        return new AuditEvent(id, chainId, null, unsigned.at(), access, keyId, null, mac(keys, keyId, unsigned));
    }

    /** Whether a pending event is as the service wrote it: its MAC matches its content under a configured key. */
    public static boolean writtenWithKey(AuditEvent pending, AuditKeys keys) {
        if (pending.keyId() == null || pending.hash() == null) {
            return false;
        }
        AuditEvent unsigned = new AuditEvent(pending.id(), pending.chainId(), null, pending.at(), pending.access(),
                pending.keyId(), null, null);
        return keys.mac(pending.keyId(), canonical(unsigned)).map(expected -> Canonical.same(expected, pending.hash()))
                .orElse(false);
    }

    /** Seals {@code pending} as event {@code seq} of its chain, after the event whose hash is {@code prevHash}. */
    public static AuditEvent seal(AuditEvent pending, long seq, String prevHash, AuditKeys keys) {
        String keyId = keys.currentKeyId();
        AuditEvent placed = new AuditEvent(pending.id(), pending.chainId(), seq, pending.at(), pending.access(), keyId,
                prevHash, null);
        return new AuditEvent(placed.id(), placed.chainId(), seq, placed.at(), placed.access(), keyId, prevHash,
                mac(keys, keyId, placed));
    }

    private static String mac(AuditKeys keys, String keyId, AuditEvent event) {
        return keys.mac(keyId, canonical(event))
                .orElseThrow(() -> new IllegalStateException("The current audit key " + keyId + " is not loaded"));
    }

    /** What a MAC covers: every stored field but the hash itself (a pending event's seq and prevHash are null). */
    public static String canonical(AuditEvent event) {
        Access access = event.access();
        return Canonical.of("event", event.id(), event.chainId(), event.seq(), event.at(), access.actor(),
                access.role(), access.client(), access.action(), access.resourceType(), access.resourceId(),
                access.patientId(), access.outcome(), access.status(), access.correlationId(), access.requests(),
                event.keyId(), event.prevHash());
    }
}

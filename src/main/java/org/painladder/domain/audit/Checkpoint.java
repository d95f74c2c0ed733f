package org.painladder.domain.audit;

import java.time.Instant;

/**
 * Where a chain ended at a moment, signed with an audit key and written outside the database. Events removed from
 * the end of a chain, with its head row set back to match, are still missing against the last checkpoint.
 */
public record Checkpoint(String chainId, long seq, String hash, Instant at, String keyId, String mac) {

    public static Checkpoint of(String chainId, long seq, String hash, Instant at, AuditKeys keys) {
        String keyId = keys.currentKeyId();
        String mac = keys.mac(keyId, canonical(chainId, seq, hash, at, keyId))
                .orElseThrow(() -> new IllegalStateException("The current audit key " + keyId + " is not loaded"));
        return new Checkpoint(chainId, seq, hash, at, keyId, mac);
    }

    /** Signed by a key that is still configured, and not changed since. */
    public boolean authentic(AuditKeys keys) {
        return keys.mac(keyId, canonical(chainId, seq, hash, at, keyId)).map(expected -> Canonical.same(expected, mac))
                .orElse(false);
    }

    private static String canonical(String chainId, long seq, String hash, Instant at, String keyId) {
        return Canonical.of("checkpoint", chainId, seq, hash, at, keyId);
    }
}

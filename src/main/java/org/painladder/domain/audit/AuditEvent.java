package org.painladder.domain.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * An access as stored. It is written pending ({@code seq} and {@code prevHash} null, {@code hash} a keyed MAC of its
 * content alone) in the transaction of the request it records, and sealed shortly after into its chain: position
 * {@code seq}, the key it was sealed with, and the keyed hash that covers its content and the hash of the event
 * before it.
 */
public record AuditEvent(UUID id, String chainId, Long seq, Instant at, Access access, String keyId, String prevHash,
                         String hash) {

    public boolean sealed() {
        return seq != null;
    }
}

package org.painladder.domain.audit;

import java.time.Instant;
import java.util.UUID;

/** An access as stored: position {@code seq} in the chain, time, and the hashes that chain it to its predecessor. */
public record AuditEvent(UUID id, long seq, Instant at, Access access, String prevHash, String hash) {
}

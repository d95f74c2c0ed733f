package org.painladder.api.audit;

import java.time.Instant;
import java.util.UUID;
import org.painladder.domain.audit.Access;
import org.painladder.domain.audit.AuditAction;
import org.painladder.domain.audit.AuditEvent;
import org.painladder.domain.audit.AuditOutcome;

/**
 * One access as the audit trail holds it (api.md "Security"), plus its HTTP status, the number of requests it stands
 * for (above 1 only for a refused flood) and its place in its chain: {@code seq}, {@code keyId}, {@code prevHash} and
 * {@code hash} are null until the event is sealed, a moment after it was written.
 */
public record AuditEventResponse(UUID id, String chainId, Long seq, Instant at, String actor, String role,
                                 String client, AuditAction action, String resourceType, String resourceId,
                                 UUID patientId, AuditOutcome outcome, int status, int requests, String correlationId,
                                 String keyId, String prevHash, String hash) {

    public static AuditEventResponse of(AuditEvent event) {
        Access access = event.access();
        return new AuditEventResponse(event.id(), event.chainId(), event.seq(), event.at(), access.actor(),
                access.role(), access.client(), access.action(), access.resourceType(), access.resourceId(),
                access.patientId(), access.outcome(), access.status(), access.requests(), access.correlationId(),
                event.keyId(), event.prevHash(), event.hash());
    }
}

package org.painladder.api.audit;

import java.time.Instant;
import java.util.UUID;
import org.painladder.domain.audit.Access;
import org.painladder.domain.audit.AuditAction;
import org.painladder.domain.audit.AuditEvent;
import org.painladder.domain.audit.AuditOutcome;

/** One access as the audit trail holds it (api.md "Security"), plus its HTTP status and place in the chain. */
public record AuditEventResponse(UUID id, long seq, Instant at, String actor, String role, String client,
                                 AuditAction action, String resourceType, String resourceId, UUID patientId,
                                 AuditOutcome outcome, int status, String correlationId, String prevHash, String hash) {

    public static AuditEventResponse of(AuditEvent event) {
        Access access = event.access();
        return new AuditEventResponse(event.id(), event.seq(), event.at(), access.actor(), access.role(),
                access.client(), access.action(), access.resourceType(), access.resourceId(), access.patientId(),
                access.outcome(), access.status(), access.correlationId(), event.prevHash(), event.hash());
    }
}

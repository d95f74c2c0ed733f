package org.painladder.domain.audit;

import java.util.UUID;

/**
 * One access to the service as the audit trail records it, before it is chained: who (actor, role, client), what
 * (action on a resource, and the patient it concerns), how it ended (outcome and HTTP status) and the correlation id
 * that ties it to the log lines and the caller's problem body.
 */
public record Access(String actor, String role, String client, AuditAction action, String resourceType,
                     String resourceId, UUID patientId, AuditOutcome outcome, int status, String correlationId) {
}

package org.painladder.domain.audit;

import java.util.UUID;

/**
 * One access to the service as the audit trail records it, before it is chained: who (actor, role, client), what
 * (action on a resource, and the patient it concerns), how it ended (outcome and HTTP status) and the correlation id
 * that ties it to the log lines and the caller's problem body. {@code requests} is 1 for a single request; an event
 * that sums up a refused flood from one address counts the requests it stands for.
 */
public record Access(String actor, String role, String client, AuditAction action, String resourceType,
                     String resourceId, UUID patientId, AuditOutcome outcome, int status, String correlationId,
                     int requests) {

    /** The longest actor, client and resource id the audit trail stores (audit_event, V3). */
    public static final int ACTOR_LENGTH = 256;
    public static final int CLIENT_LENGTH = 256;
    public static final int RESOURCE_ID_LENGTH = 128;

    public Access(String actor, String role, String client, AuditAction action, String resourceType,
                  String resourceId, UUID patientId, AuditOutcome outcome, int status, String correlationId) {
        this(actor, role, client, action, resourceType, resourceId, patientId, outcome, status, correlationId, 1);
    }
}

package org.painladder.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.painladder.domain.audit.AuditAction;

/**
 * For the few endpoints whose path does not name the patient (a FHIR Observation, a refractory case): the resource
 * tells the audit trail which patient the request concerned. Endpoints whose path has {@code patients/{id}} need not.
 * A request whose method does not say what it did (a FHIR create that corrects a stored Observation) says it here.
 */
@RequestScoped
public class AuditedPatient {

    private UUID patientId;
    private AuditAction action;

    public void is(UUID patientId) {
        this.patientId = patientId;
    }

    /** What the request did to the resource, where its HTTP method would say otherwise. */
    public void changes(AuditAction action) {
        this.action = action;
    }

    AuditAction action() {
        return action;
    }

    UUID patientId() {
        return patientId;
    }
}

package org.painladder.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/**
 * For the few endpoints whose path does not name the patient (a FHIR Observation, a refractory case): the resource
 * tells the audit trail which patient the request concerned. Endpoints whose path has {@code patients/{id}} need not.
 */
@RequestScoped
public class AuditedPatient {

    private UUID patientId;

    public void is(UUID patientId) {
        this.patientId = patientId;
    }

    UUID patientId() {
        return patientId;
    }
}

package org.painladder.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.painladder.domain.audit.AuditAction;

/** Endpoints are audited from their path template alone, including the ones not written yet. */
class AuditTargetTest {

    private static final UUID PATIENT = UUID.fromString("7d0c3f56-0b7e-4a0e-9a51-5f0d7c1e2a10");
    private static final String OTHER = "b2f1e7f4-3c39-4c8e-8b7a-7a3f8f0e9d11";

    @Test
    void readingAPatientNamesThePatient() {
        assertEquals(new AuditTarget(AuditAction.READ, "patients", PATIENT.toString(), PATIENT),
                AuditTarget.of("GET", "/api/v1/patients/{id}", Map.of("id", PATIENT.toString()), Map.of(), null));
    }

    @Test
    void registeringAPatientTakesTheNewIdFromLocation() {
        assertEquals(new AuditTarget(AuditAction.CREATE, "patients", PATIENT.toString(), PATIENT),
                AuditTarget.of("POST", "/api/v1/patients", Map.of(), Map.of(),
                        URI.create("http://localhost/api/v1/patients/" + PATIENT)));
    }

    @Test
    void aNestedResourceKeepsItsPatient() {
        assertEquals(new AuditTarget(AuditAction.CREATE, "pain-assessments", OTHER, PATIENT),
                AuditTarget.of("POST", "/api/v1/patients/{patientId}/pain-assessments",
                        Map.of("patientId", PATIENT.toString()), Map.of(),
                        URI.create("http://localhost/api/v1/patients/" + PATIENT + "/pain-assessments/" + OTHER)));
        assertEquals(new AuditTarget(AuditAction.UPDATE, "regimen", null, PATIENT),
                AuditTarget.of("PUT", "/api/v1/patients/{id}/regimen", Map.of("id", PATIENT.toString()), Map.of(), null));
        assertEquals(new AuditTarget(AuditAction.READ, "regimen", null, PATIENT),
                AuditTarget.of("GET", "/api/v1/patients/{id}/regimen/history", Map.of("id", PATIENT.toString()),
                        Map.of(), null));
    }

    @Test
    void acceptingRejectingAndTransitioningAreDecisions() {
        assertEquals(new AuditTarget(AuditAction.DECIDE, "recommendations", OTHER, PATIENT),
                AuditTarget.of("POST", "/api/v1/patients/{id}/recommendations/{rid}/accept",
                        Map.of("id", PATIENT.toString(), "rid", OTHER), Map.of(), null));
        assertEquals(new AuditTarget(AuditAction.DECIDE, "refractory-cases", OTHER, null),
                AuditTarget.of("POST", "/api/v1/refractory-cases/{id}/transitions", Map.of("id", OTHER), Map.of(), null));
    }

    @Test
    void thePatientMayComeFromTheQuery() {
        assertEquals(new AuditTarget(AuditAction.READ, "Observation", null, PATIENT),
                AuditTarget.of("GET", "/fhir/r4/Observation", Map.of(),
                        Map.of("subject", List.of("Patient/" + PATIENT)), null));
        assertEquals(new AuditTarget(AuditAction.READ, "audit-events", null, PATIENT),
                AuditTarget.of("GET", "/api/v1/audit-events/verify", Map.of(),
                        Map.of("patientId", List.of(PATIENT.toString())), null));
    }

    @Test
    void resourcesWithoutPatientsAreNamedByTheirCollection() {
        assertEquals(new AuditTarget(AuditAction.READ, "ladder", null, null),
                AuditTarget.of("GET", "/api/v1/ladder/policy", Map.of(), Map.of(), null));
        assertEquals(new AuditTarget(AuditAction.CREATE, "opioid-conversions", null, null),
                AuditTarget.of("POST", "/api/v1/opioid-conversions", Map.of(), Map.of(), null));
        assertEquals(new AuditTarget(AuditAction.READ, "metadata", null, null),
                AuditTarget.of("GET", "/fhir/r4/metadata", Map.of(), Map.of(), null));
    }

    @Test
    void aPathValueThatIsNotAnIdNamesNoPatient() {
        assertEquals(new AuditTarget(AuditAction.READ, "patients", "not-a-uuid", null),
                AuditTarget.of("GET", "/api/v1/patients/{id}", Map.of("id", "not-a-uuid"), Map.of(), null));
    }
}

package org.painladder.domain.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OverrideReasonTest {

    private static final String SYSTEM = "http://painladder.org/fhir/CodeSystem/override-reason";

    @Test
    void theDecisionNoteSaysThePickedReasonAndTheComment() {
        assertEquals("Patient declined: prefers to wait for the oncology review", new OverrideReason(SYSTEM,
                "patient-declined", "Patient declined", "prefers to wait for the oncology review").inWords());
        assertEquals("Already addressed", new OverrideReason(SYSTEM, "already-addressed", "Already addressed", null)
                .inWords());
        assertEquals("d7ecf885: seen by the pain team", new OverrideReason(SYSTEM, "d7ecf885", null,
                "seen by the pain team").inWords());
        assertEquals("seen by the pain team", new OverrideReason(null, null, null, "seen by the pain team")
                .inWords());
    }

    @Test
    void aReasonIsACodingWithSystemAndCodeOrAComment() {
        assertThrows(IllegalArgumentException.class, () -> new OverrideReason(null, "patient-declined", null, null));
        assertThrows(IllegalArgumentException.class, () -> new OverrideReason(SYSTEM, null, "Patient declined", "x"));
        assertThrows(IllegalArgumentException.class, () -> new OverrideReason(null, null, null, null));
    }
}

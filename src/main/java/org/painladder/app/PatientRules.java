package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import org.painladder.domain.patient.PatientProfile;

/** Checks on a patient profile that need the clock, shared by registration and updates. */
@ApplicationScoped
class PatientRules {

    private final Clock clock;

    PatientRules(Clock clock) {
        this.clock = clock;
    }

    void check(PatientProfile profile) {
        int thisYear = clock.instant().atZone(ZoneOffset.UTC).getYear();
        if (profile.birthYear() != null && profile.birthYear() > thisYear) {
            throw new ClinicalValidationException("birthYear", "must not be after " + thisYear);
        }
    }
}

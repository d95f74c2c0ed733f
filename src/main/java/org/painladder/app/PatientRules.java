package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.painladder.app.ClinicalValidationException.Violation;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.domain.patient.RenalFunction;

/** Checks on a patient profile that need the clock, shared by registration and updates. */
@ApplicationScoped
class PatientRules {

    private final Clock clock;

    PatientRules(Clock clock) {
        this.clock = clock;
    }

    void check(PatientProfile profile) {
        Instant now = clock.instant();
        int thisYear = now.atZone(ZoneOffset.UTC).getYear();
        List<Violation> violations = new ArrayList<>();
        if (profile.birthYear() != null && profile.birthYear() > thisYear) {
            violations.add(new Violation("birthYear", "must not be after " + thisYear));
        }
        RenalFunction renal = profile.factors().renalFunction();
        if (renal != null && renal.egfr() == null && !renal.onDialysis()) {
            violations.add(new Violation("renalFunction.egfr", "is required unless dialysis is HAEMODIALYSIS or"
                    + " PERITONEAL; send renalFunction null to clear the renal function"));
        }
        if (renal != null && renal.measuredAt() != null) {
            RecordingPainAssessment.refuseImplausible("renalFunction.measuredAt", renal.measuredAt(),
                    profile.birthYear(), now, violations);
        }
        if (!violations.isEmpty()) {
            throw new ClinicalValidationException(violations);
        }
    }
}

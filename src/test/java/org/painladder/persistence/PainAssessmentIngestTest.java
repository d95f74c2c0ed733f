package org.painladder.persistence;

import static org.hamcrest.Matchers.equalTo;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.painladder.app.NewPainAssessment;
import org.painladder.app.RecordingPainAssessment;
import org.painladder.domain.pain.AssessmentKind;
import org.painladder.domain.pain.PainScale;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.Patient;

/**
 * An ingest writes the live state with SQL of its own, not through the persistence context (issue 14). A copy of the
 * state that the same transaction loaded and changed before must neither hide its change from the ingest's reads nor
 * undo the ingest's write when it is flushed at commit.
 */
@QuarkusTest
class PainAssessmentIngestTest {

    @Inject
    RecordingPainAssessment recording;

    @Inject
    Patients patients;

    @Test
    void aTransactionThatChangedTheLiveStateBeforeAnIngestKeepsBothChanges() {
        UUID patientId = UUID.fromString(registeredPatient());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        QuarkusTransaction.requiringNew().run(() -> {
            Patient loaded = patients.findForUpdate(patientId).orElseThrow();
            patients.saveState(patientId, loaded.state().withLadderStep(2, now.minus(1, ChronoUnit.HOURS)), now);
            recording.record(patientId, new NewPainAssessment("obs-after-step", now.minusSeconds(60), PainScale.NRS,
                    "6", AssessmentKind.BACKGROUND, PainSite.ABDOMEN_UPPER, null, null, null, 1, null, null, null,
                    null));
        });

        as("clinician").get("/api/v1/patients/" + patientId).then().statusCode(200)
                .body("ladderStep", equalTo(2))
                .body("latestScore", equalTo(6));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(200)
                .body("total", equalTo(1));
    }
}

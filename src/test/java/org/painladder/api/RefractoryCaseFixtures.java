package org.painladder.api;

import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.painladder.app.FlaggingRefractoryPain;
import org.painladder.domain.pain.AssessmentKind;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainCourse;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainScale;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.refractory.RefractoryFacts;
import org.painladder.domain.refractory.RefractoryPolicy;
import org.painladder.persistence.Patients;

/**
 * Puts patients on the worklist the way the ladder's evaluation will: the EHR registers the patient and posts its
 * pain scores over the API; then, in one transaction, the live state gets the step-3 regimen's figures (as a regimen
 * PUT sets them) and the refractory step of the evaluation runs on the facts.
 */
public final class RefractoryCaseFixtures {

    private RefractoryCaseFixtures() {
    }

    /** A patient on step 3 with uncontrolled pain; what differs between cases is in this record. */
    public record Flagged(String primarySite, PainSite site, PainMechanism mechanism, int latestScore, int omeddMg,
                          int daysOnStep3, Integer lifeExpectancyMonths, String contraindications) {
    }

    public static Flagged pancreaticPain() {
        return new Flagged("PANCREAS", PainSite.ABDOMEN_UPPER, PainMechanism.NOCICEPTIVE_VISCERAL, 7, 240, 15, 6,
                "\"ANTICOAGULATED\"");
    }

    /**
     * Registers the patient (without a diagnosis when the primary site is null), posts its background scores and opens
     * its case; answers {patientId, caseId}.
     */
    public static String[] flaggedPatient(Flagged flagged) {
        String diagnosis = flagged.primarySite() == null ? "" : """
                "diagnosis": { "icd10": "C80.1", "primarySite": "%s", "metastatic": true },"""
                .formatted(flagged.primarySite());
        String patientId = as("ehr").body("""
                        { "mrn": "%s", "birthYear": 1960, "sex": "male", %s
                          "lifeExpectancyMonths": %s, "contraindications": [%s] }
                        """.formatted(anyMrn(), diagnosis, flagged.lifeExpectancyMonths(),
                        flagged.contraindications()))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<PainAssessment> recent = new ArrayList<>();
        for (int hoursAgo : new int[] {20, 10, 1}) {
            int score = hoursAgo == 1 ? flagged.latestScore() : 6;
            Instant at = now.minus(Duration.ofHours(hoursAgo));
            postScore(patientId, at, score, flagged.site(), flagged.mechanism());
            recent.add(new PainAssessment(UUID.randomUUID(), at, PainScale.NRS, Integer.toString(score), score,
                    AssessmentKind.BACKGROUND, flagged.site(), flagged.mechanism(), PainCourse.CHRONIC, null, 2,
                    List.of(), null, null));
        }
        RefractoryFacts facts = RefractoryFacts.fromRecentAssessments(now, 3,
                now.minus(Duration.ofDays(flagged.daysOnStep3())), BigDecimal.valueOf(flagged.omeddMg()),
                "morphine " + flagged.omeddMg() + " mg/d ×1", Set.of("MORPHINE"), true, recent,
                RefractoryPolicy.defaults());
        UUID id = UUID.fromString(patientId);
        FlaggingRefractoryPain.Flagging outcome = QuarkusTransaction.requiringNew().call(() -> {
            onStep3(id, facts.step3Since(), facts.omeddMg(), now);
            return Arc.container().instance(FlaggingRefractoryPain.class).get().evaluate(id,
                    Arc.container().instance(Patients.class).get().find(id).orElseThrow().state(), facts);
        });
        if (!outcome.opened()) {
            throw new IllegalStateException("REF-01 did not fire: " + outcome.verdict());
        }
        return new String[] {patientId, outcome.openCaseId().toString()};
    }

    /** What a step-3 regimen PUT leaves in the live state: the step, since when, and the OMEDD. */
    private static void onStep3(UUID patientId, Instant since, BigDecimal omeddMg, Instant now) {
        Patients patients = Arc.container().instance(Patients.class).get();
        LiveState state = patients.findForUpdate(patientId).orElseThrow().state();
        patients.saveState(patientId, new LiveState(3, since, state.latestScore(), state.latestAssessedAt(),
                state.latestBreakthroughEpisodes24h(), state.latestBackgroundScore(), state.latestBackgroundAt(),
                state.painControl(), omeddMg, state.refractory(), state.openRefractoryCaseId()), now);
    }

    public static void postScore(String patientId, Instant at, int score, PainSite site, PainMechanism mechanism) {
        as("ehr").body("""
                        { "externalId": "%s", "recordedAt": "%s", "scale": "NRS", "value": %d, "kind": "BACKGROUND",
                          "site": "%s", "mechanism": "%s", "course": "CHRONIC", "breakthroughEpisodes24h": 2 }
                        """.formatted(UUID.randomUUID(), at, score, site, mechanism))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
    }
}

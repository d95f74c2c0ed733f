package org.painladder.api.ladder;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;
import static org.painladder.api.ladder.LadderScenarios.assessmentsOf;
import static org.painladder.api.ladder.LadderScenarios.hoursAgo;
import static org.painladder.api.ladder.LadderScenarios.recommendationsOf;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.painladder.api.ApiFixtures;

/**
 * The second outside tester's requests (rules 2026.12.1, clinical-rules §8.12): toxicity charted late, and advice that
 * outlived the picture behind it, driven through the API as an EHR and a clinician would.
 */
@QuarkusTest
class StaleAdviceApiTest {

    /** Morphine 120 mg/day (60 mg twice a day) with a 20 mg rescue and a laxative, for three days. */
    private static void onMorphine120(String patientId) {
        as("clinician").body("""
                { "items": [
                    { "drug": "MORPHINE", "route": "ORAL", "dose": 60, "unit": "mg", "timesPerDay": 2 },
                    { "drug": "MORPHINE", "route": "ORAL", "dose": 20, "unit": "mg", "timesPerDay": 6, "prn": true },
                    { "drug": "SENNA", "route": "ORAL", "dose": 15, "unit": "mg", "timesPerDay": 1 } ],
                  "reason": "step 3", "effectiveAt": "%s" }
                """.formatted(hoursAgo(72))).put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
    }

    private static String pendingTitrationOf(String patientId) {
        return as("ehr").body(nrsJson("severe-" + patientId, hoursAgo(2), 8)).post(assessmentsOf(patientId))
                .then().statusCode(201)
                .extract().path("evaluation.recommendations.find { it.ruleId == 'LAD-06' }.id");
    }

    @Test
    void recordingRenalFailureReplacesAPendingMorphineTitrationWhichCanNoLongerBeAccepted() {
        String patientId = registeredPatient();
        onMorphine120(patientId);
        String titration = pendingTitrationOf(patientId);

        as("clinician").contentType(ApiFixtures.MERGE_PATCH_UTF8)
                .body("{ \"renalFunction\": { \"egfr\": 10, \"dialysis\": \"NONE\", \"measuredAt\": \"" + hoursAgo(1)
                        + "\" } }")
                .patch("/api/v1/patients/" + patientId).then().statusCode(200);

        as("clinician").get(recommendationsOf(patientId) + "/" + titration).then().statusCode(200)
                .body("status", equalTo("SUPERSEDED"));
        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patientId)).then()
                .body("items.ruleId", hasItem("ORG-01"))
                .body("items.find { it.ruleId == 'ORG-01' }.proposal.drug", equalTo("HYDROMORPHONE"));
        as("clinician").body("{ }")
                .post(recommendationsOf(patientId) + "/" + titration + "/accept").then().statusCode(409);
    }

    @Test
    void aPendingTitrationIsWithdrawnWhenThePainIsControlled() {
        String patientId = registeredPatient();
        onMorphine120(patientId);
        String titration = pendingTitrationOf(patientId);

        as("ehr").body(nrsJson("settled-" + patientId, hoursAgo(0), 2)).post(assessmentsOf(patientId))
                .then().statusCode(201).body("evaluation.painControl", equalTo("CONTROLLED"));

        as("clinician").get(recommendationsOf(patientId) + "/" + titration).then().body("status",
                equalTo("SUPERSEDED"));
    }

    @Test
    void respiratoryDepressionChartedTwentyFiveHoursLateCutsTheDoseInsteadOfRaisingIt() {
        String patientId = registeredPatient();
        onMorphine120(patientId);

        as("ehr").body("""
                { "externalId": "late-rd-%s", "recordedAt": "%s", "scale": "NRS", "value": 8, "kind": "BACKGROUND",
                  "site": "ABDOMEN_UPPER", "mechanism": "NOCICEPTIVE_VISCERAL", "course": "CHRONIC",
                  "breakthroughEpisodes24h": 1, "source": "EHR",
                  "adverseEffects": [ { "type": "RESPIRATORY_DEPRESSION", "severity": "MODERATE" } ] }
                """.formatted(patientId, hoursAgo(25))).post(assessmentsOf(patientId)).then().statusCode(201)
                .body("evaluation.recommendations.ruleId", hasItem("SAF-01"))
                .body("evaluation.recommendations.ruleId", not(hasItem("LAD-06")))
                .body("evaluation.recommendations.find { it.ruleId == 'SAF-01' }.proposal.toDailyDose",
                        equalTo(60));
    }
}

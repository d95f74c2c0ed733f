package org.painladder.api.ladder;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.asUser;
import static org.painladder.api.ApiFixtures.registeredPatient;
import static org.painladder.api.ladder.LadderScenarios.hoursAgo;
import static org.painladder.api.ladder.LadderScenarios.ladderOf;
import static org.painladder.api.ladder.LadderScenarios.nrs;
import static org.painladder.api.ladder.LadderScenarios.recommendationsOf;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.painladder.api.ladder.LadderScenarios.SeverePainOnStepZero;

/** A new regimen sets the step derived from it and is itself evaluated by the rules. */
@QuarkusTest
class RegimenLadderTest {

    private static final String PARACETAMOL =
            "{ \"drug\": \"PARACETAMOL\", \"route\": \"ORAL\", \"dose\": 1000, \"unit\": \"mg\", \"timesPerDay\": 4 }";
    private static final String MORPHINE_10_4_HOURLY =
            "{ \"drug\": \"MORPHINE\", \"route\": \"ORAL\", \"dose\": 10, \"unit\": \"mg\", \"timesPerDay\": 6 }";
    private static final String MORPHINE_15_4_HOURLY =
            "{ \"drug\": \"MORPHINE\", \"route\": \"ORAL\", \"dose\": 15, \"unit\": \"mg\", \"timesPerDay\": 6 }";
    private static final String MORPHINE_RESCUE = "{ \"drug\": \"MORPHINE\", \"route\": \"ORAL\", \"dose\": 10,"
            + " \"unit\": \"mg\", \"timesPerDay\": 6, \"prn\": true }";

    private static void prescribe(String patientId, String by, String... items) {
        asUser("clinician", by).body("{ \"items\": [" + String.join(", ", items) + "],"
                        + " \"reason\": \"ladder\" }")
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
    }

    @Test
    void eachRegimenThatChangesTheStepWritesATransition() {
        String patientId = registeredPatient();

        prescribe(patientId, "dr.lee", PARACETAMOL);
        as("clinician").get(ladderOf(patientId)).then().statusCode(200)
                .body("step", equalTo(1))
                .body("transitions", hasSize(1))
                .body("transitions[0].fromStep", equalTo(0))
                .body("transitions[0].toStep", equalTo(1))
                .body("transitions[0].cause", equalTo("REGIMEN_CHANGE"))
                .body("transitions[0].recommendationId", nullValue())
                .body("transitions[0].actor", equalTo("dr.lee"));

        prescribe(patientId, "dr.ortiz", PARACETAMOL, MORPHINE_10_4_HOURLY, MORPHINE_RESCUE);
        prescribe(patientId, "dr.ortiz", PARACETAMOL, MORPHINE_15_4_HOURLY, MORPHINE_RESCUE);

        as("clinician").get(ladderOf(patientId)).then()
                .body("step", equalTo(3))
                .body("transitions", hasSize(2))
                .body("transitions[1].fromStep", equalTo(1))
                .body("transitions[1].toStep", equalTo(3))
                .body("transitions[1].actor", equalTo("dr.ortiz"));
        as("ehr").get("/api/v1/patients/" + patientId).then().body("ladderStep", equalTo(3));
    }

    @Test
    void aStrongOpioidPrescribedWithoutARescueIsAdvisedOne() {
        String patientId = registeredPatient();

        prescribe(patientId, "dr.lee", MORPHINE_10_4_HOURLY);

        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patientId)).then()
                .body("items.ruleId", hasItem("RSC-01"))
                .body("items.find { it.ruleId == 'RSC-01' }.type", equalTo("ADJUST_RESCUE_DOSE"));
    }

    @Test
    void theRescueAdviceIsWithdrawnOnceTheNextRegimenHasARescue() {
        String patientId = registeredPatient();
        prescribe(patientId, "dr.lee", MORPHINE_10_4_HOURLY);

        prescribe(patientId, "dr.lee", MORPHINE_15_4_HOURLY, MORPHINE_RESCUE);

        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patientId)).then()
                .body("items.findAll { it.ruleId == 'RSC-01' }", hasSize(0));
        as("clinician").queryParam("status", "SUPERSEDED").get(recommendationsOf(patientId)).then()
                .body("items.ruleId", hasItem("RSC-01"));
    }

    @Test
    void theAcceptedStepHoldsUntilTheNextRegimenChangeSetsItsOwn() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();
        as("clinician").body("{ }").post(patient.recommendation() + "/accept").then()
                .statusCode(200);

        // The strong opioid is prescribed: the step is already 3, no second transition.
        prescribe(patient.patientId(), "dr.lee", MORPHINE_10_4_HOURLY, MORPHINE_RESCUE);
        as("clinician").get(ladderOf(patient.patientId())).then().body("step", equalTo(3))
                .body("transitions", hasSize(1))
                .body("transitions[0].cause", equalTo("RECOMMENDATION_ACCEPTED"));

        // Later the opioid is stopped: the regimen's step (1) wins, as the latest event.
        prescribe(patient.patientId(), "dr.ortiz", PARACETAMOL);
        as("clinician").get(ladderOf(patient.patientId())).then().body("step", equalTo(1))
                .body("transitions", hasSize(2))
                .body("transitions[1].fromStep", equalTo(3))
                .body("transitions[1].toStep", equalTo(1))
                .body("transitions[1].cause", equalTo("REGIMEN_CHANGE"));
    }

    @Test
    void anAcceptedTitrationIsNotAdvisedAgainWhileItWaitsForItsPrescription() {
        String patientId = registeredPatient();
        // Morphine 60 mg/d since two days ago: the 24 h titration interval has passed.
        as("clinician").body("{ \"items\": [" + MORPHINE_10_4_HOURLY + ", " + MORPHINE_RESCUE + "],"
                        + " \"effectiveAt\": \"" + hoursAgo(48) + "\" }")
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
        String titration = nrs(patientId, "titrate-1", 3, 8)
                .getString("evaluation.recommendations.find { it.ruleId == 'LAD-06' }.id");
        as("clinician").body("{ }")
                .post(recommendationsOf(patientId) + "/" + titration + "/accept").then().statusCode(200);

        // Still severe an hour later, before the EHR sends the new dose: the accepted titration is not repeated.
        assertTrue(nrs(patientId, "titrate-2", 2, 8).getList("evaluation.recommendations.ruleId").stream()
                .noneMatch("LAD-06"::equals));
        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patientId)).then()
                .body("items.findAll { it.ruleId == 'LAD-06' }", hasSize(0));
    }

    @Test
    void aNewRegimenSupersedesLadderAdviceWrittenForTheOldOne() {
        String patientId = registeredPatient();
        nrs(patientId, "obs-mod-1", 8, 5);
        String lad02 = nrs(patientId, "obs-mod-2", 3, 5)
                .getString("evaluation.recommendations.find { it.ruleId == 'LAD-02' }.id");

        prescribe(patientId, "dr.lee", PARACETAMOL);

        as("clinician").get(recommendationsOf(patientId) + "/" + lad02).then().body("status", equalTo("SUPERSEDED"));
    }

    @Test
    void severePainLeftOnParacetamolAloneIsAdvisedTheStrongOpioidAgainForTheNewRegimen() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();

        prescribe(patient.patientId(), "dr.lee", PARACETAMOL);

        as("clinician").get(patient.recommendation()).then().body("status", equalTo("SUPERSEDED"));
        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patient.patientId())).then()
                .body("items.findAll { it.ruleId == 'LAD-04' }", hasSize(1));
    }
}

package org.painladder.api.ladder;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;
import static org.painladder.api.ladder.LadderScenarios.assessmentsOf;
import static org.painladder.api.ladder.LadderScenarios.hoursAgo;
import static org.painladder.api.ladder.LadderScenarios.nrs;
import static org.painladder.api.ladder.LadderScenarios.recommendationsOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.painladder.api.ApiFixtures;
import org.painladder.api.TestTokens;
import org.painladder.api.ladder.LadderScenarios.SeverePainOnStepZero;

/** Every new pain score is evaluated by the ladder rules at once, and the EHR sees the advice in the answer. */
@QuarkusTest
class LadderEvaluationTest {

    @Test
    void severePainOnStepZeroIsAdvisedToSkipStepTwoWithItsRuleAndEvidence() {
        String patientId = registeredPatient();
        String recordedAt = hoursAgo(1);

        JsonPath answer = as("ehr").body(nrsJson("obs-nrs8", recordedAt, 8)).post(assessmentsOf(patientId))
                .then().statusCode(201)
                .body("evaluation.ladderStep", equalTo(0))
                .body("evaluation.painControl", equalTo("UNCONTROLLED"))
                .body("evaluation.refractoryCaseId", nullValue())
                .extract().jsonPath();

        String assessmentId = answer.getString("id");
        String lad04 = "evaluation.recommendations.find { it.ruleId == 'LAD-04' }";
        assertPath(answer, lad04 + ".type", "ESCALATE_TO_STEP_3");
        assertPath(answer, lad04 + ".status", "PENDING");
        assertPath(answer, lad04 + ".rulesVersion", "2026.12.3");
        assertPath(answer, lad04 + ".patientId", patientId);
        assertTrue(answer.getList(lad04 + ".evidence.assessmentIds").contains(assessmentId));
        assertTrue(answer.getList(lad04 + ".evidence.scores").contains(8));
        assertFalse(answer.getString(lad04 + ".rationale").isBlank());
        assertEquals(3, answer.getInt(lad04 + ".proposal.toStep"));

        String recommendationId = answer.getString(lad04 + ".id");
        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patientId)).then().statusCode(200)
                .body("items.id", hasItem(recommendationId))
                .body("items.find { it.id == '" + recommendationId + "' }.ruleId", equalTo("LAD-04"))
                .body("items.find { it.id == '" + recommendationId + "' }.decidedBy", nullValue());
    }

    @Test
    void everyRecommendationCarriesItsSafetyChecksInTheAnswerAndWhenReadBack() {
        String patientId = registeredPatient();
        JsonPath answer = as("ehr").body(nrsJson("obs-checks", hoursAgo(1), 8)).post(assessmentsOf(patientId))
                .then().statusCode(201).extract().jsonPath();
        String lad04 = "evaluation.recommendations.find { it.ruleId == 'LAD-04' }";
        assertEquals(List.of("ORGAN_FUNCTION", "TOXICITY", "OPIOID_TOLERANCE"),
                answer.getList(lad04 + ".safetyChecks.check"));
        assertPath(answer, lad04 + ".safetyChecks.find { it.check == 'TOXICITY' }.result", "PASSED");
        assertFalse(answer.getString(lad04 + ".safetyChecks[0].detail").isBlank());

        String id = answer.getString(lad04 + ".id");
        as("clinician").get(recommendationsOf(patientId) + "/" + id).then().statusCode(200)
                .body("safetyChecks.check", equalTo(List.of("ORGAN_FUNCTION", "TOXICITY", "OPIOID_TOLERANCE")))
                .body("safetyChecks.find { it.check == 'ORGAN_FUNCTION' }.detail",
                        equalTo(answer.getString(lad04 + ".safetyChecks.find { it.check == 'ORGAN_FUNCTION' }"
                                + ".detail")));
    }

    @Test
    void withAnEgfrOf12SeverePainStartsHydromorphoneAndTheCheckSaysWhyNotMorphine() {
        String patientId = as("ehr").body("""
                { "mrn": "%s", "birthYear": 1958, "sex": "male",
                  "diagnosis": { "icd10": "C90.0", "primarySite": "MYELOMA", "metastatic": true, "boneMetastases": true },
                  "lifeExpectancyMonths": 6,
                  "renalFunction": { "egfr": 12, "dialysis": "NONE", "measuredAt": "2026-11-30T07:00:00Z" } }
                """.formatted(org.painladder.api.ApiFixtures.anyMrn())).post("/api/v1/patients")
                .then().statusCode(201).extract().path("id");

        JsonPath answer = as("ehr").body(nrsJson("obs-egfr12", hoursAgo(1), 8)).post(assessmentsOf(patientId))
                .then().statusCode(201).extract().jsonPath();
        String lad04 = "evaluation.recommendations.find { it.ruleId == 'LAD-04' }";
        assertPath(answer, lad04 + ".proposal.drug", "HYDROMORPHONE");
        assertPath(answer, lad04 + ".safetyChecks.find { it.check == 'ORGAN_FUNCTION' }.result", "CHANGED");
        assertTrue(answer.getString(lad04 + ".rationale").contains("hydromorphone instead of morphine"));
    }

    @Test
    void anEhrRetryAnswersTheSameEvaluationAndAdvisesNothingTwice() {
        String patientId = registeredPatient();
        String body = nrsJson("obs-retry", hoursAgo(1), 8);
        String first = as("ehr").body(body).post(assessmentsOf(patientId)).then().statusCode(201)
                .extract().path("evaluation.recommendations.find { it.ruleId == 'LAD-04' }.id");

        as("ehr").body(body).post(assessmentsOf(patientId)).then().statusCode(200)
                .body("evaluation.recommendations.find { it.ruleId == 'LAD-04' }.id", equalTo(first));
        as("clinician").get(recommendationsOf(patientId)).then()
                .body("items.findAll { it.ruleId == 'LAD-04' }", hasSize(1));
    }

    @Test
    void aFhirObservationIsEvaluatedLikeAnyAssessment() {
        String patientId = registeredPatient();
        String observation = """
                { "resourceType": "Observation", "status": "final",
                  "identifier": [ { "system": "urn:ehr:obs", "value": "fhir-nrs8" } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                  "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "%s", "valueInteger": 8 }
                """.formatted(patientId, hoursAgo(1));
        given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8)
                .body(observation).post("/fhir/r4/Observation").then().statusCode(201);

        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patientId)).then().statusCode(200)
                .body("items.ruleId", hasItem("LAD-04"));
    }

    @Test
    void eachNewLadderMoveSupersedesThePendingOne() {
        String patientId = registeredPatient();
        // Moderate pain on no analgesic: start step 1 (LAD-01); moderate again 5 h later, so persistent: a weak
        // opioid (LAD-02); then severe pain: skip to a strong opioid (LAD-04). Only the latest advice stays pending.
        String lad01 = nrs(patientId, "obs-mod-1", 8, 5)
                .getString("evaluation.recommendations.find { it.ruleId == 'LAD-01' }.id");
        String lad02 = nrs(patientId, "obs-mod-2", 3, 5)
                .getString("evaluation.recommendations.find { it.ruleId == 'LAD-02' }.id");
        String lad04 = nrs(patientId, "obs-sev", 1, 8)
                .getString("evaluation.recommendations.find { it.ruleId == 'LAD-04' }.id");

        // Superseding is a change like a decision: the version moves on, so an If-Match on the old one is refused.
        as("clinician").get(recommendationsOf(patientId) + "/" + lad01).then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("type", equalTo("START_STEP_1"))
                .body("status", equalTo("SUPERSEDED"))
                .body("supersededBy", equalTo(lad02))
                .body("decidedAt", notNullValue());
        as("clinician").get(recommendationsOf(patientId) + "/" + lad02).then().statusCode(200)
                .body("type", equalTo("ESCALATE_TO_STEP_2"))
                .body("status", equalTo("SUPERSEDED"))
                .body("supersededBy", equalTo(lad04))
                .body("evidence.scores", equalTo(List.of(5, 5)));
        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patientId)).then()
                .body("items.id", equalTo(List.of(lad04)));
        as("clinician").queryParam("status", "SUPERSEDED").get(recommendationsOf(patientId)).then()
                .body("items.id", equalTo(List.of(lad02, lad01)));
        as("clinician").body("{ }")
                .post(recommendationsOf(patientId) + "/" + lad02 + "/accept").then().statusCode(409);
    }

    @Test
    void aRefusedAssessmentLeavesNoAdvice() {
        String patientId = registeredPatient();

        as("ehr").body(nrsJson("obs-11", hoursAgo(1), 11)).post(assessmentsOf(patientId)).then().statusCode(422);
        as("ehr").body(nrsJson("obs-future", hoursAgo(-1), 8)).post(assessmentsOf(patientId))
                .then().statusCode(422);

        as("clinician").get(recommendationsOf(patientId)).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theListFiltersByStatusAndRefusesAnUnknownOne() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();

        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patient.patientId())).then()
                .statusCode(200).body("items.id", hasItem(patient.recommendationId()))
                .body("page", equalTo(0)).body("size", equalTo(50));
        as("clinician").queryParam("status", "ACCEPTED").get(recommendationsOf(patient.patientId())).then()
                .statusCode(200).body("items", emptyIterable()).body("total", equalTo(0));
        as("clinician").queryParam("status", "MAYBE").get(recommendationsOf(patient.patientId())).then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"));
        as("clinician").queryParam("size", "0").get(recommendationsOf(patient.patientId())).then().statusCode(400);
        as("clinician").queryParam("size", "1").get(recommendationsOf(patient.patientId())).then()
                .statusCode(200).body("items", hasSize(1));
    }

    @Test
    void recommendationsOfAnUnknownPatientAre404AndTheAuditorSeesNone() {
        as("clinician").get(recommendationsOf("00000000-0000-0000-0000-000000000000")).then().statusCode(404);
        as("clinician").queryParam("page", 2).get(recommendationsOf("00000000-0000-0000-0000-000000000000")).then()
                .statusCode(404);
        String patientId = registeredPatient();
        as("auditor").get(recommendationsOf(patientId)).then().statusCode(403);
        as("ehr").get(recommendationsOf(patientId)).then().statusCode(200).body("items", hasSize(0))
                .body("total", equalTo(0));
        as("ehr").queryParam("page", 2).get(recommendationsOf(patientId)).then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
    }

    private static void assertPath(JsonPath answer, String path, Object expected) {
        assertEquals(expected, answer.get(path), path);
    }
}

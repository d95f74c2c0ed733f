package org.painladder.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class PainAssessmentRecordingTest {

    private static String hoursAgo(long hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String assessmentsOf(String patientId) {
        return "/api/v1/patients/" + patientId + "/pain-assessments";
    }

    @Test
    void severeScoreIsStoredWithEvaluationAndMovesTheLiveState() {
        String patientId = registeredPatient();
        String recordedAt = hoursAgo(1);

        as("ehr").body(nrsJson("obs-1", recordedAt, 7)).post(assessmentsOf(patientId))
                .then().statusCode(201)
                .header("Location", containsString(assessmentsOf(patientId) + "/"))
                .body("externalId", equalTo("obs-1"))
                .body("value", equalTo(7))
                .body("score", equalTo(7))
                .body("band", equalTo("SEVERE"))
                .body("recordedAt", equalTo(recordedAt))
                .body("evaluation.ladderStep", equalTo(0))
                .body("evaluation.painControl", equalTo("UNCONTROLLED"))
                .body("evaluation.recommendations.ruleId", hasItem("LAD-04"))
                .body("evaluation.refractoryCaseId", nullValue());

        as("clinician").get("/api/v1/patients/" + patientId).then().statusCode(200)
                .body("latestScore", equalTo(7))
                .body("latestAssessedAt", equalTo(recordedAt))
                .body("painControl", equalTo("UNCONTROLLED"));
    }

    @ParameterizedTest(name = "{0} {1} → score {2}")
    @CsvSource({
            "NRS, 0, 0", "NRS, 10, 10",
            "VAS, 65, 7", "VAS, 64, 6", "VAS, 35, 4", "VAS, 34, 3", "VAS, 100, 10", "VAS, 0, 0",
            "VRS, '\"NONE\"', 0", "VRS, '\"MILD\"', 2", "VRS, '\"MODERATE\"', 5", "VRS, '\"SEVERE\"', 8",
            "FACES, 4, 4", "FACES, 10, 10", "PAINAD, 6, 6"})
    void everyScaleIsNormalisedToTheZeroToTenScore(String scale, String value, int score) {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("obs-scale", hoursAgo(1), 0).replace("\"NRS\"", "\"" + scale + "\"")
                        .replace("\"value\": 0", "\"value\": " + value))
                .post(assessmentsOf(patientId))
                .then().statusCode(201).body("scale", equalTo(scale)).body("score", equalTo(score));
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({"NRS, 11", "NRS, -1", "VAS, 101", "VAS, -3", "FACES, 3", "FACES, 12", "PAINAD, 11",
            "VRS, '\"AGONISING\"'", "VRS, 5"})
    void valuesOutsideTheirScaleAre422AndStoreNothing(String scale, String value) {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("obs-bad", hoursAgo(1), 0).replace("\"NRS\"", "\"" + scale + "\"")
                        .replace("\"value\": 0", "\"value\": " + value))
                .post(assessmentsOf(patientId))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("value"));
        as("ehr").get(assessmentsOf(patientId)).then().body("total", equalTo(0));
        as("ehr").get("/api/v1/patients/" + patientId).then().body("latestScore", nullValue());
    }

    @Test
    void unknownEnumValuesAre422() {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("obs-e", hoursAgo(1), 5).replace("ABDOMEN_UPPER", "ELBOW"))
                .post(assessmentsOf(patientId)).then().statusCode(422)
                .body("violations[0].field", equalTo("site"));
        as("ehr").body(nrsJson("obs-e", hoursAgo(1), 5).replace("\"BACKGROUND\"", "\"ACHY\""))
                .post(assessmentsOf(patientId)).then().statusCode(422)
                .body("violations[0].field", equalTo("kind"));
        as("ehr").body(nrsJson("obs-e", hoursAgo(1), 5).replace("\"source\": \"EHR\"",
                        "\"source\": \"EHR\", \"adverseEffects\": [{\"type\": \"HICCUPS\", \"severity\": \"MILD\"}]"))
                .post(assessmentsOf(patientId)).then().statusCode(422)
                .body("violations[0].field", equalTo("adverseEffects[0].type"));
    }

    @Test
    void missingRequiredFieldsAre422() {
        String patientId = registeredPatient();
        as("ehr").body("{ \"externalId\": \"obs-m\", \"value\": 3 }").post(assessmentsOf(patientId))
                .then().statusCode(422)
                .body("violations.field", hasItem("recordedAt"))
                .body("violations.field", hasItem("scale"))
                .body("violations.field", hasItem("kind"));
    }

    @Test
    void timestampWithoutOffsetIs400() {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("obs-t", "2026-11-20T08:30:00", 5)).post(assessmentsOf(patientId))
                .then().statusCode(400).body("violations[0].field", equalTo("recordedAt"));
    }

    @Test
    void acuteCauseOnChronicPainIs422() {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("obs-c", hoursAgo(1), 5).replace("\"course\": \"CHRONIC\"",
                        "\"course\": \"CHRONIC\", \"acuteCause\": \"INFECTIOUS_INFLAMMATORY\""))
                .post(assessmentsOf(patientId)).then().statusCode(422)
                .body("violations[0].field", equalTo("acuteCause"));
    }

    @Test
    void scoreRecordedMoreThanFiveMinutesAheadIsRefused() {
        String patientId = registeredPatient();
        String tenMinutesAhead = Instant.now().plus(10, ChronoUnit.MINUTES).toString();
        as("ehr").body(nrsJson("obs-f", tenMinutesAhead, 5)).post(assessmentsOf(patientId))
                .then().statusCode(422).body("violations[0].field", equalTo("recordedAt"));
        String twoMinutesAhead = Instant.now().plus(2, ChronoUnit.MINUTES).toString();
        as("ehr").body(nrsJson("obs-g", twoMinutesAhead, 5)).post(assessmentsOf(patientId)).then().statusCode(201);
    }

    @Test
    void retryWithSameContentAnswers200WithTheStoredBodyAndStoresOnce() {
        String patientId = registeredPatient();
        String body = nrsJson("obs-retry", hoursAgo(2), 6);
        String id = as("ehr").body(body).post(assessmentsOf(patientId)).then().statusCode(201).extract().path("id");

        as("ehr").body(body).post(assessmentsOf(patientId)).then().statusCode(200)
                .body("id", equalTo(id)).body("score", equalTo(6)).body("evaluation.painControl", equalTo("UNCONTROLLED"));
        as("ehr").get(assessmentsOf(patientId)).then().body("total", equalTo(1));
    }

    @Test
    void reusingAnExternalIdForOtherContentIsAConflict() {
        String patientId = registeredPatient();
        String recordedAt = hoursAgo(2);
        as("ehr").body(nrsJson("obs-reuse", recordedAt, 6)).post(assessmentsOf(patientId)).then().statusCode(201);

        as("ehr").body(nrsJson("obs-reuse", recordedAt, 2)).post(assessmentsOf(patientId)).then().statusCode(409)
                .body("type", endsWith("/conflict"));
        as("ehr").get(assessmentsOf(patientId)).then().body("total", equalTo(1)).body("items[0].score", equalTo(6));
    }

    /** The retry check shares its read with the rules' 7-day window, yet must find a score stored long before it. */
    @Test
    void aBackfilledScoreOlderThanTheRulesWindowIsRecognisedOnRetryAndOnReuse() {
        String patientId = registeredPatient();
        String recordedAt = hoursAgo(24 * 40);
        String body = nrsJson("obs-backfilled", recordedAt, 7);
        String id = as("ehr").body(body).post(assessmentsOf(patientId)).then().statusCode(201).extract().path("id");
        as("ehr").body(nrsJson("obs-today", hoursAgo(1), 3)).post(assessmentsOf(patientId)).then().statusCode(201);

        as("ehr").body(body).post(assessmentsOf(patientId)).then().statusCode(200).body("id", equalTo(id))
                .body("score", equalTo(7));
        as("ehr").body(nrsJson("obs-backfilled", recordedAt, 2)).post(assessmentsOf(patientId)).then()
                .statusCode(409).body("type", endsWith("/conflict"));
        as("ehr").get(assessmentsOf(patientId)).then().body("total", equalTo(2));
    }

    @Test
    void sameExternalIdMayBeUsedByAnotherPatient() {
        String body = nrsJson("obs-shared", hoursAgo(1), 4);
        as("ehr").body(body).post(assessmentsOf(registeredPatient())).then().statusCode(201);
        as("ehr").body(body).post(assessmentsOf(registeredPatient())).then().statusCode(201);
    }

    @Test
    void lateScoreIsPlacedByRecordedAtAndDoesNotBecomeTheLatest() {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("obs-new", hoursAgo(1), 2)).post(assessmentsOf(patientId)).then().statusCode(201);
        as("ehr").body(nrsJson("obs-late", hoursAgo(30), 8)).post(assessmentsOf(patientId)).then().statusCode(201)
                .body("evaluation.painControl", equalTo("CONTROLLED"));

        as("ehr").get("/api/v1/patients/" + patientId).then()
                .body("latestScore", equalTo(2)).body("painControl", equalTo("CONTROLLED"));
        as("ehr").get(assessmentsOf(patientId)).then()
                .body("items.externalId", equalTo(java.util.List.of("obs-new", "obs-late")));
    }

    @Test
    void timelineIsNewestFirstWithFromToAndPaging() {
        String patientId = registeredPatient();
        for (int hours = 1; hours <= 5; hours++) {
            as("ehr").body(nrsJson("obs-" + hours, hoursAgo(hours * 10L), hours)).post(assessmentsOf(patientId))
                    .then().statusCode(201);
        }
        as("clinician").queryParam("size", 2).get(assessmentsOf(patientId)).then().statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(5)).body("size", equalTo(2))
                .body("items.externalId", equalTo(java.util.List.of("obs-1", "obs-2")));
        as("clinician").queryParam("size", 2).queryParam("page", 2).get(assessmentsOf(patientId)).then()
                .body("items.externalId", equalTo(java.util.List.of("obs-5")));
        as("clinician").queryParam("size", 2).queryParam("page", 5).get(assessmentsOf(patientId)).then()
                .statusCode(200).body("items", hasSize(0)).body("total", equalTo(5));
        as("clinician").queryParam("from", hoursAgo(35)).queryParam("to", hoursAgo(15)).get(assessmentsOf(patientId))
                .then().body("items.externalId", equalTo(java.util.List.of("obs-2", "obs-3")));
        as("clinician").queryParam("from", hoursAgo(35)).queryParam("to", hoursAgo(15)).queryParam("size", 1)
                .get(assessmentsOf(patientId)).then().body("items.externalId", equalTo(java.util.List.of("obs-2")))
                .body("total", equalTo(2));
        as("clinician").queryParam("from", "yesterday").get(assessmentsOf(patientId)).then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void oneAssessmentCanBeReadBackFromItsLocation() {
        String patientId = registeredPatient();
        String location = as("ehr").body(nrsJson("obs-loc", hoursAgo(1), 3)).post(assessmentsOf(patientId))
                .then().statusCode(201).extract().header("Location");
        as("palliative").get(location).then().statusCode(200).body("externalId", equalTo("obs-loc"))
                .body("evaluation", nullValue());
        as("palliative").get(assessmentsOf(patientId) + "/00000000-0000-0000-0000-000000000000").then().statusCode(404);
    }

    @Test
    void aPatientWithoutScoresHasAnEmptyTimeline() {
        String patientId = registeredPatient();
        as("clinician").get(assessmentsOf(patientId)).then().statusCode(200).body("items", hasSize(0))
                .body("total", equalTo(0));
        as("clinician").queryParam("page", 3).get(assessmentsOf(patientId)).then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
    }

    @Test
    void assessmentsForAnUnknownPatientAre404() {
        as("ehr").body(nrsJson("obs-x", hoursAgo(1), 3))
                .post(assessmentsOf("00000000-0000-0000-0000-000000000000")).then().statusCode(404);
        as("ehr").get(assessmentsOf("00000000-0000-0000-0000-000000000000")).then().statusCode(404);
        as("ehr").queryParam("page", 4).get(assessmentsOf("00000000-0000-0000-0000-000000000000")).then()
                .statusCode(404);
    }

    @Test
    void breakthroughEpisodesAboveThreeMeanUncontrolledEvenWithMildBackground() {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("obs-btp", hoursAgo(1), 2).replace("\"breakthroughEpisodes24h\": 1",
                        "\"breakthroughEpisodes24h\": 4"))
                .post(assessmentsOf(patientId)).then().statusCode(201)
                .body("evaluation.painControl", equalTo("UNCONTROLLED"));
    }

    @Test
    void onlyTheEhrAndAdminPostAssessments() {
        String patientId = registeredPatient();
        as("clinician").body(nrsJson("obs-r", hoursAgo(1), 3)).post(assessmentsOf(patientId)).then().statusCode(403);
        as("admin").body(nrsJson("obs-r", hoursAgo(1), 3)).post(assessmentsOf(patientId)).then().statusCode(201);
    }
}

package org.painladder.api.regimen;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.asUser;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.painladder.api.TestTokens;

/** PUT, GET and history of a patient's regimen, as an EHR and a clinician use them. */
@QuarkusTest
class RegimenApiTest {

    /** The api.md example: oxycodone 20 mg twice daily, 5 mg rescue, regular paracetamol. */
    static final String API_EXAMPLE = """
            { "items": [ { "drug": "OXYCODONE", "route": "ORAL", "dose": 20, "unit": "mg", "timesPerDay": 2, "prn": false },
                         { "drug": "OXYCODONE", "route": "ORAL", "dose": 5,  "unit": "mg", "timesPerDay": 6, "prn": true },
                         { "drug": "PARACETAMOL", "route": "ORAL", "dose": 1000, "unit": "mg", "timesPerDay": 4, "prn": false } ],
              "changedBy": "dr.lee", "reason": "titration" }
            """;

    static String regimenOf(String patientId) {
        return "/api/v1/patients/" + patientId + "/regimen";
    }

    static String single(String drug, String route, String dose, String unit, int timesPerDay, String effectiveAt) {
        return """
                { "items": [ { "drug": "%s", "route": "%s", "dose": %s, "unit": "%s", "timesPerDay": %d } ]%s }
                """.formatted(drug, route, dose, unit, timesPerDay,
                effectiveAt == null ? "" : ", \"effectiveAt\": \"" + effectiveAt + "\"");
    }

    private static String hoursAgo(int hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void apiExampleAnswersStepOmeddTraceAndVersion() {
        String patientId = registeredPatient();
        as("ehr").body(API_EXAMPLE).put(regimenOf(patientId))
                .then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("ladderStep", equalTo(3))
                .body("omeddMg", equalTo(60.0f))
                .body("prnOmeddMg", equalTo(45.0f))
                // The api.md example has no laxative beside the scheduled oxycodone (clinical-rules §8.7).
                .body("warnings.code", equalTo(List.of("NO_LAXATIVE")))
                .body("version", equalTo(1))
                .body("effectiveAt", notNullValue())
                .body("factorsUsed", equalTo("CDC_2022 v2022.1.0"))
                .body("changedBy", equalTo("dr.lee"))
                .body("reason", equalTo("titration"))
                .body("items", hasSize(3))
                .body("items[1].prn", equalTo(true))
                .body("items[0].dailyDose", equalTo(40))
                .body("items[0].dailyUnit", equalTo("mg/d"))
                .body("items[2].dailyDose", equalTo(4000))
                .body("contributions[0].trace", equalTo("oxycodone 40 mg/d (20 mg × 2) × 1.5 = 60 mg/d OMEDD"))
                .body("contributions[0].source", equalTo("CDC 2022 MME table"))
                .body("contributions[1].itemIndex", equalTo(1));
    }

    @Test
    void liveStateFollowsTheRegimen() {
        String patientId = registeredPatient();
        asUser("clinician", "dr.lee").body(API_EXAMPLE).put(regimenOf(patientId)).then().statusCode(200);
        as("ehr").get("/api/v1/patients/" + patientId).then().statusCode(200)
                .body("ladderStep", equalTo(3))
                .body("omeddMg", equalTo(60.0f))
                .body("ladderSince", notNullValue());

        as("clinician").body(single("CODEINE", "ORAL", "60", "mg", 4, null)).put(regimenOf(patientId))
                .then().statusCode(200).body("ladderStep", equalTo(2)).body("omeddMg", equalTo(36.0f));
        as("ehr").get("/api/v1/patients/" + patientId).then()
                .body("ladderStep", equalTo(2)).body("omeddMg", equalTo(36.0f));
    }

    @Test
    void ladderSinceMovesOnlyWhenTheStepChanges() {
        String patientId = registeredPatient();
        String first = hoursAgo(48);
        as("ehr").body(single("MORPHINE", "ORAL", "10", "mg", 6, first)).put(regimenOf(patientId))
                .then().statusCode(200);
        as("ehr").body(single("MORPHINE", "ORAL", "15", "mg", 6, hoursAgo(24))).put(regimenOf(patientId))
                .then().statusCode(200).body("omeddMg", equalTo(90.0f));
        as("ehr").get("/api/v1/patients/" + patientId).then()
                .body("ladderSince", equalTo(first)).body("omeddMg", equalTo(90.0f));
    }

    @Test
    void currentAndHistoryNewestFirst() {
        String patientId = registeredPatient();
        as("ehr").body(single("PARACETAMOL", "ORAL", "1000", "mg", 4, hoursAgo(72))).put(regimenOf(patientId))
                .then().statusCode(200).body("version", equalTo(1));
        as("ehr").body(single("CODEINE", "ORAL", "30", "mg", 4, hoursAgo(48))).put(regimenOf(patientId))
                .then().statusCode(200).body("version", equalTo(2));
        as("ehr").body(single("MORPHINE", "ORAL", "10", "mg", 6, hoursAgo(24))).put(regimenOf(patientId))
                .then().statusCode(200).body("version", equalTo(3));

        as("palliative").get(regimenOf(patientId)).then().statusCode(200)
                .header("ETag", equalTo("\"3\"")).body("version", equalTo(3)).body("items[0].drug", equalTo("MORPHINE"));
        as("clinician").get(regimenOf(patientId) + "/history").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.version", equalTo(List.of(3, 2, 1)))
                .body("items[2].items[0].drug", equalTo("PARACETAMOL"))
                .body("items[2].ladderStep", equalTo(1));
        as("clinician").queryParam("page", 1).queryParam("size", 2).get(regimenOf(patientId) + "/history")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].version", equalTo(1))
                .body("page", equalTo(1)).body("size", equalTo(2));
        as("clinician").queryParam("size", 0).get(regimenOf(patientId) + "/history").then().statusCode(400);
    }

    @Test
    void backfillBeforeTheCurrentRegimenIs409AndChangesNothing() {
        String patientId = registeredPatient();
        as("ehr").body(single("MORPHINE", "ORAL", "10", "mg", 6, hoursAgo(24))).put(regimenOf(patientId))
                .then().statusCode(200);
        as("ehr").body(single("OXYCODONE", "ORAL", "10", "mg", 2, hoursAgo(48))).put(regimenOf(patientId))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("before the current regimen"));
        as("ehr").get(regimenOf(patientId)).then().body("version", equalTo(1)).body("items[0].drug", equalTo("MORPHINE"));
    }

    @Test
    void effectiveAtMoreThanFiveMinutesAheadIs422() {
        String patientId = registeredPatient();
        String tenMinutesAhead = Instant.now().plus(10, ChronoUnit.MINUTES).toString();
        as("ehr").body(single("MORPHINE", "ORAL", "10", "mg", 6, tenMinutesAhead)).put(regimenOf(patientId))
                .then().statusCode(422).body("violations[0].field", equalTo("effectiveAt"));
        String twoMinutesAhead = Instant.now().plus(2, ChronoUnit.MINUTES).toString();
        as("ehr").body(single("MORPHINE", "ORAL", "10", "mg", 6, twoMinutesAhead)).put(regimenOf(patientId))
                .then().statusCode(200);
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        String patientId = registeredPatient();
        asUser("clinician", "dr.lee").header("If-Match", "\"0\"").body(API_EXAMPLE).put(regimenOf(patientId))
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        as("clinician").header("If-Match", "\"1\"").body(single("MORPHINE", "ORAL", "10", "mg", 6, null))
                .put(regimenOf(patientId)).then().statusCode(200).body("version", equalTo(2));
        as("clinician").header("If-Match", "\"1\"").body(single("CODEINE", "ORAL", "30", "mg", 4, null))
                .put(regimenOf(patientId)).then().statusCode(412).contentType("application/problem+json");
        as("clinician").get(regimenOf(patientId)).then().body("version", equalTo(2));
        as("clinician").get("/api/v1/patients/" + patientId).then().body("ladderStep", equalTo(3));
    }

    @Test
    void invalidItemsAre422NamingTheItemAndChangeNothing() {
        String patientId = registeredPatient();
        as("ehr").body(API_EXAMPLE).put(regimenOf(patientId)).then().statusCode(200);
        as("ehr").body("""
                { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6 },
                             { "drug": "UNOBTAINIUM", "route": "ORAL", "dose": 5, "unit": "mg", "timesPerDay": 1 },
                             { "drug": "OXYCODONE", "route": "TRANSDERMAL", "dose": 5, "unit": "mcg/h", "timesPerDay": 1 },
                             { "drug": "MORPHINE", "route": "ORAL", "dose": 0, "unit": "mg", "timesPerDay": 6 },
                             { "drug": "FENTANYL", "route": "TRANSDERMAL", "dose": 25, "unit": "mg", "timesPerDay": 1 },
                             { "drug": "FENTANYL", "route": "TRANSDERMAL", "dose": 25, "unit": "mcg/h", "timesPerDay": 3 } ] }
                """).put(regimenOf(patientId))
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("items[1].drug", "items[2].route",
                        "items[3].dose", "items[4].unit", "items[5].timesPerDay")));
        as("ehr").get(regimenOf(patientId)).then().body("version", equalTo(1));
        as("ehr").get("/api/v1/patients/" + patientId).then().body("omeddMg", equalTo(60.0f));
        as("ehr").body("{ \"changedBy\": \"dr.lee\" }").put(regimenOf(patientId))
                .then().statusCode(422).body("violations[0].field", equalTo("items"));
    }

    @Test
    void emptyRegimenRecordsThatAnalgesicsWereStopped() {
        String patientId = registeredPatient();
        as("ehr").body(API_EXAMPLE).put(regimenOf(patientId)).then().statusCode(200);
        as("ehr").body("{ \"items\": [], \"reason\": \"stopped\" }").put(regimenOf(patientId))
                .then().statusCode(200).body("ladderStep", equalTo(0)).body("omeddMg", equalTo(0.0f));
        as("ehr").get("/api/v1/patients/" + patientId).then().body("ladderStep", equalTo(0));
    }

    @Test
    void warningsCarryTheirNumbers() {
        String patientId = registeredPatient();
        as("clinician").body("""
                { "items": [ { "drug": "OXYCODONE", "route": "ORAL", "dose": 20, "unit": "mg", "timesPerDay": 2 },
                             { "drug": "OXYCODONE", "route": "ORAL", "dose": 2, "unit": "mg", "timesPerDay": 6, "prn": true },
                             { "drug": "PARACETAMOL", "route": "ORAL", "dose": 1000, "unit": "mg", "timesPerDay": 5 } ] }
                """).put(regimenOf(patientId))
                .then().statusCode(200)
                .body("warnings.code", hasItem("CEILING_EXCEEDED"))
                .body("warnings.find { it.code == 'CEILING_EXCEEDED' }.figures.dailyDoseMg", equalTo(5000))
                .body("warnings.find { it.code == 'CEILING_EXCEEDED' }.figures.ceilingDailyDoseMg", equalTo(4000))
                .body("warnings.find { it.code == 'RESCUE_DOSE_OUT_OF_RANGE' }.figures.rescuePct", equalTo(5.0f))
                .body("warnings.find { it.code == 'RESCUE_DOSE_OUT_OF_RANGE' }.items", equalTo(List.of(1)));
    }

    @Test
    void fentanylPatchForAnOpioidNaivePatientIsWarned() {
        String patientId = registeredPatient();
        as("clinician").body(single("FENTANYL", "TRANSDERMAL", "25", "mcg/h", 1, null)).put(regimenOf(patientId))
                .then().statusCode(200).body("omeddMg", equalTo(60.0f))
                .body("warnings.code", hasItem("FENTANYL_PATCH_NOT_OPIOID_TOLERANT"));
    }

    @Test
    void aWeekOnSixtyMgMorphineAllowsThePatchWithoutWarning() {
        String patientId = registeredPatient();
        as("ehr").body(single("MORPHINE", "ORAL", "30", "mg", 2, hoursAgo(24 * 8))).put(regimenOf(patientId))
                .then().statusCode(200);
        as("clinician").body(single("FENTANYL", "TRANSDERMAL", "25", "mcg/h", 1, null)).put(regimenOf(patientId))
                .then().statusCode(200).body("warnings.code", equalTo(List.of("NO_LAXATIVE")));
    }

    @Test
    void identicalResendIsARetryAndStoresNothingNew() {
        String patientId = registeredPatient();
        as("ehr").body(API_EXAMPLE).put(regimenOf(patientId)).then().statusCode(200).body("version", equalTo(1));
        as("ehr").body(API_EXAMPLE).put(regimenOf(patientId)).then().statusCode(200).body("version", equalTo(1));
        as("ehr").get(regimenOf(patientId) + "/history").then().body("total", equalTo(1));
    }

    @Test
    void changedByDefaultsToTheCaller() {
        String patientId = registeredPatient();
        as("clinician").body(single("MORPHINE", "ORAL", "10", "mg", 6, null)).put(regimenOf(patientId))
                .then().statusCode(200).body("changedBy", equalTo("test.clinician")).body("reason", nullValue());
    }

    @Test
    void patientWithoutRegimenAnswers404WithAHelpfulDetail() {
        String patientId = registeredPatient();
        as("ehr").get(regimenOf(patientId)).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no regimen recorded yet"));
        as("ehr").get(regimenOf(patientId) + "/history").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void unknownPatientIs404Everywhere() {
        String unknown = UUID.randomUUID().toString();
        as("ehr").body(API_EXAMPLE).put(regimenOf(unknown)).then().statusCode(404);
        as("ehr").get(regimenOf(unknown)).then().statusCode(404);
        as("ehr").get(regimenOf(unknown) + "/history").then().statusCode(404);
    }

    @Test
    void malformedBodiesAre400And415() {
        String patientId = registeredPatient();
        as("ehr").body("{ \"items\": [ { \"drug\": \"MORPHINE\", \"dose\": ").put(regimenOf(patientId))
                .then().statusCode(400).contentType("application/problem+json");
        as("ehr").body("{ \"items\": [ { \"drug\": \"MORPHINE\", \"dose\": \"lots\" } ] }").put(regimenOf(patientId))
                .then().statusCode(400);
        as("ehr").body("{ \"items\": [], \"effectiveAt\": \"yesterday\" }").put(regimenOf(patientId))
                .then().statusCode(400);
        given().header("Authorization", TestTokens.bearer("ehr")).contentType(ContentType.TEXT).body("morphine")
                .put(regimenOf(patientId)).then().statusCode(415);
        as("ehr").get(regimenOf(patientId) + "/history").then().body("total", equalTo(0));
    }

    @Test
    void rolesAreEnforced() {
        String patientId = registeredPatient();
        as("palliative").body(API_EXAMPLE).put(regimenOf(patientId)).then().statusCode(403);
        as("auditor").body(API_EXAMPLE).put(regimenOf(patientId)).then().statusCode(403);
        as("auditor").get(regimenOf(patientId)).then().statusCode(403);
        as("auditor").get(regimenOf(patientId) + "/history").then().statusCode(403);
        given().contentType(ContentType.JSON).body(API_EXAMPLE).put(regimenOf(patientId)).then().statusCode(401);
        asUser("admin", "dr.lee").body(API_EXAMPLE).put(regimenOf(patientId)).then().statusCode(200);
    }
}

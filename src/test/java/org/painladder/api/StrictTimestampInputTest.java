package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.patientJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * api.md Conventions and "Strict input": a timestamp is an RFC 3339 string with a four-digit year and an offset,
 * wherever the service reads one; a number, a numeric string or a year such as -999999999 is a 400 naming the field,
 * and nothing is stored.
 */
@QuarkusTest
class StrictTimestampInputTest {

    private static final String[] NOT_RFC_3339 = {"\"-999999999-01-01T00:00:00Z\"", "\"+12026-01-01T00:00:00Z\"",
            "\"12026-01-01T00:00:00Z\"", "\"2026-01-01T00:00:00\"", "1700000000", "1.7e9", "\"1700000000\""};

    private static String anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static ValidatableResponse badRequestNaming(Response answer, String field) {
        return answer.then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    @Test
    void anAssessmentTimeMustBeRfc3339() {
        String patientId = registeredPatient();
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        for (String recordedAt : NOT_RFC_3339) {
            badRequestNaming(as("ehr").body(nrsJson("ts-" + System.nanoTime(), "X", 5)
                    .replace("\"X\"", recordedAt)).post(assessments), "recordedAt");
        }
        as("clinician").queryParam("from", "2026-01-01T00:00:00Z").get(assessments).then().body("total", equalTo(0));
    }

    @Test
    void aProcedureAndARegimenTimeMustBeRfc3339() {
        String patientId = registeredPatient();
        for (String at : NOT_RFC_3339) {
            badRequestNaming(as("clinician").body("""
                    { "type": "CELIAC_PLEXUS_NEUROLYSIS", "performedAt": %s, "performedBy": "dr.ortiz" }"""
                    .formatted(at)).post("/api/v1/patients/" + patientId + "/procedures"), "performedAt");
            badRequestNaming(as("clinician").body("""
                    { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6,
                                   "prn": false } ], "effectiveAt": %s }""".formatted(at))
                    .put("/api/v1/patients/" + patientId + "/regimen"), "effectiveAt");
        }
        as("clinician").get("/api/v1/patients/" + patientId + "/procedures").then().body("total", equalTo(0));
        as("clinician").get("/api/v1/patients/" + patientId + "/regimen/history").then().body("total", equalTo(0));
    }

    @Test
    void aRenalMeasurementTimeIsNeverANumber() {
        for (String measuredAt : NOT_RFC_3339) {
            String mrn = anyMrn();
            badRequestNaming(as("ehr").body(patientJson(mrn).replace("\"sex\"",
                            "\"renalFunction\": {\"egfr\": 50, \"measuredAt\": " + measuredAt + "}, \"sex\""))
                    .post("/api/v1/patients"), "renalFunction.measuredAt");
            as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().body("total", equalTo(0));
        }
        String patientId = registeredPatient();
        for (String measuredAt : NOT_RFC_3339) {
            for (String mediaType : new String[] {ApiFixtures.MERGE_PATCH_UTF8, "application/json"}) {
                badRequestNaming(as("ehr").contentType(mediaType)
                        .body("{\"renalFunction\": {\"egfr\": 50, \"measuredAt\": " + measuredAt + "}}")
                        .patch("/api/v1/patients/" + patientId), "renalFunction.measuredAt");
            }
        }
        as("ehr").get("/api/v1/patients/" + patientId).then().body("renalFunction", equalTo(null));
        as("ehr").contentType(ApiFixtures.MERGE_PATCH_UTF8)
                .body("{\"renalFunction\": {\"egfr\": 50, \"measuredAt\": \"" + anHourAgo() + "\"}}")
                .patch("/api/v1/patients/" + patientId).then().statusCode(200)
                .body("renalFunction.egfr", equalTo(50.0f));
    }

    @Test
    void aTimeInTheQueryMustBeRfc3339() {
        String patientId = registeredPatient();
        for (String parameter : new String[] {"from", "to"}) {
            badRequestNaming(as("clinician").queryParam(parameter, "-999999999-01-01T00:00:00Z")
                    .get("/api/v1/patients/" + patientId + "/pain-assessments"), parameter);
            badRequestNaming(as("auditor").queryParam(parameter, "1700000000").get("/api/v1/audit-events"), parameter);
        }
    }

    /** RFC 3339's time has seconds (time-second is not optional); a time without them is refused, not completed. */
    private static String withoutSeconds(Instant at) {
        return at.truncatedTo(ChronoUnit.MINUTES).toString().replace(":00Z", "Z");
    }

    /** The same instant written with an offset no time zone has: 15 hours east of UTC. */
    private static String fifteenHoursEast(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).atOffset(java.time.ZoneOffset.ofHours(15)).toString();
    }

    @Test
    void aTimeWithoutSecondsOrWithAnOffsetNoZoneHasIsRefusedNamingTheField() {
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        String patientId = registeredPatient();
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        String noSeconds = withoutSeconds(anHourAgo);
        String farEast = fifteenHoursEast(anHourAgo);

        badRequestNaming(as("ehr").body(nrsJson("ts-min", noSeconds, 5)).post(assessments), "recordedAt")
                .body("violations.message", hasItem(containsString("seconds")));
        badRequestNaming(as("ehr").body(nrsJson("ts-east", farEast, 5)).post(assessments), "recordedAt")
                .body("violations.message", hasItem(containsString("no time zone")));
        for (String at : new String[] {noSeconds, farEast}) {
            badRequestNaming(as("clinician").body("""
                    { "type": "CELIAC_PLEXUS_NEUROLYSIS", "performedAt": "%s", "performedBy": "dr.ortiz" }"""
                    .formatted(at)).post("/api/v1/patients/" + patientId + "/procedures"), "performedAt");
            badRequestNaming(as("clinician").body("""
                    { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6,
                                   "prn": false } ], "effectiveAt": "%s" }""".formatted(at))
                    .put("/api/v1/patients/" + patientId + "/regimen"), "effectiveAt");
            badRequestNaming(as("ehr").contentType(ApiFixtures.MERGE_PATCH_UTF8)
                    .body("{\"renalFunction\": {\"egfr\": 50, \"measuredAt\": \"" + at + "\"}}")
                    .patch("/api/v1/patients/" + patientId), "renalFunction.measuredAt");
            badRequestNaming(as("clinician").queryParam("from", at).get(assessments), "from");
            badRequestNaming(as("auditor").queryParam("to", at).get("/api/v1/audit-events"), "to");
        }
        as("clinician").get(assessments).then().body("total", equalTo(0));
        as("clinician").get("/api/v1/patients/" + patientId + "/procedures").then().body("total", equalTo(0));

        // The last offsets a zone has, 14 hours either side of UTC, and seconds with a fraction, are times.
        String kiribati = anHourAgo.truncatedTo(ChronoUnit.SECONDS).atOffset(java.time.ZoneOffset.ofHours(14))
                .toString();
        as("ehr").body(nrsJson("ts-line-islands", kiribati, 5)).post(assessments).then().statusCode(201)
                .body("recordedAt", equalTo(anHourAgo.truncatedTo(ChronoUnit.SECONDS).toString()));
        as("clinician").queryParam("from", anHourAgo.minus(1, ChronoUnit.HOURS).atOffset(
                java.time.ZoneOffset.ofHours(-14)).toString()).get(assessments).then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void aFhirObservationTimeWithoutSecondsOrBeyondFourteenHoursIsRefused() {
        String patientId = registeredPatient();
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
        for (String effective : new String[] {withoutSeconds(anHourAgo), fifteenHoursEast(anHourAgo)}) {
            given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8).body("""
                            { "resourceType": "Observation", "status": "final",
                              "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                              "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "%s", "valueInteger": 4 }
                            """.formatted(patientId, effective))
                    .post("/fhir/r4/Observation").then().statusCode(400).contentType("application/fhir+json")
                    .body("issue.expression.flatten()", hasItem("Observation.effectiveDateTime"));
        }
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
    }

    @Test
    void aFhirObservationTimeMustBeRfc3339WithAnOffset() {
        String patientId = registeredPatient();
        for (String effective : new String[] {"-999999999-01-01T00:00:00Z", "2026-12-07T10:00:00", "12026-01-01"}) {
            given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8).body("""
                            { "resourceType": "Observation", "status": "final",
                              "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                              "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "%s", "valueInteger": 4 }
                            """.formatted(patientId, effective))
                    .post("/fhir/r4/Observation").then().statusCode(400).contentType("application/fhir+json")
                    .body("resourceType", equalTo("OperationOutcome"))
                    .body("issue.expression.flatten()", hasItem("Observation.effectiveDateTime"));
        }
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
    }
}

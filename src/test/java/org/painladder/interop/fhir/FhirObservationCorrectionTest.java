package org.painladder.interop.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.painladder.api.ApiFixtures;
import org.painladder.api.TestTokens;

/**
 * An EHR corrects a charting error by sending the Observation again under its identifier: with status
 * entered-in-error to retract it, amended or corrected with the right value. The wrong score must stop driving advice.
 */
@QuarkusTest
class FhirObservationCorrectionTest {

    private static final String FHIR_JSON = "application/fhir+json";

    private static RequestSpecification fhir() {
        return given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8);
    }

    private static String observation(String identifier, String status, String patientId, String effective,
                                      int value) {
        return """
                { "resourceType": "Observation", "status": "%s",
                  "identifier": [ { "system": "urn:ehr:obs", "value": "%s" } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                  "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "%s", "valueInteger": %d }
                """.formatted(status, identifier, patientId, effective, value);
    }

    private static String hoursAgo(int hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String lad04Of(String patientId) {
        return as("clinician").queryParam("status", "PENDING").get("/api/v1/patients/" + patientId
                + "/recommendations").then().statusCode(200).extract().path("items.find { it.ruleId == 'LAD-04' }.id");
    }

    @Test
    void anObservationEnteredInErrorIsRetractedKeptAndNoLongerDrivesTheEscalation() {
        String patientId = registeredPatient();
        String at = hoursAgo(1);
        String id = fhir().body(observation("obs-wrong-9", "final", patientId, at, 9)).post("/fhir/r4/Observation")
                .then().statusCode(201).extract().path("id");
        String escalation = lad04Of(patientId);

        for (int attempt = 0; attempt < 2; attempt++) {
            fhir().body(observation("obs-wrong-9", "entered-in-error", patientId, at, 9)).post("/fhir/r4/Observation")
                    .then().statusCode(200).contentType(FHIR_JSON)
                    .body("id", equalTo(id)).body("status", equalTo("entered-in-error"));
        }

        fhir().get("/fhir/r4/Observation/" + id).then().statusCode(200).body("status", equalTo("entered-in-error"));
        fhir().queryParam("subject", "Patient/" + patientId).get("/fhir/r4/Observation").then().statusCode(200)
                .body("total", equalTo(0));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments/" + id).then().statusCode(200)
                .body("retracted.by", equalTo("test.ehr"))
                .body("value", equalTo(9));
        as("clinician").get("/api/v1/patients/" + patientId).then()
                .body("latestScore", nullValue()).body("painControl", equalTo("UNKNOWN"));
        as("clinician").get("/api/v1/patients/" + patientId + "/recommendations/" + escalation).then()
                .body("status", equalTo("SUPERSEDED"));
        as("auditor").queryParam("patientId", patientId).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.findAll { it.resourceType == 'Observation' }.action", hasItem("UPDATE"));
    }

    @Test
    void retractingTheLatestScoreLeavesTheOneBeforeAsTheLatest() {
        String patientId = registeredPatient();
        fhir().body(observation("obs-mild", "final", patientId, hoursAgo(3), 3)).post("/fhir/r4/Observation")
                .then().statusCode(201);
        fhir().body(observation("obs-nine", "final", patientId, hoursAgo(1), 9)).post("/fhir/r4/Observation")
                .then().statusCode(201);
        String escalation = lad04Of(patientId);

        fhir().body(observation("obs-nine", "entered-in-error", patientId, hoursAgo(1), 9))
                .post("/fhir/r4/Observation").then().statusCode(200);

        as("clinician").get("/api/v1/patients/" + patientId).then()
                .body("latestScore", equalTo(3)).body("painControl", not(equalTo("UNCONTROLLED")));
        as("clinician").get("/api/v1/patients/" + patientId + "/recommendations/" + escalation).then()
                .body("status", equalTo("SUPERSEDED"));
        as("clinician").queryParam("status", "PENDING").get("/api/v1/patients/" + patientId + "/recommendations")
                .then().body("items.ruleId", not(hasItem("LAD-04")));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(1))
                .body("items[0].externalId", equalTo("obs-mild"));
    }

    @Test
    void anAmendedValueReplacesTheWrongOneKeepsTheOriginalAndIsIdempotent() {
        String patientId = registeredPatient();
        String at = hoursAgo(1);
        String id = fhir().body(observation("obs-typo", "final", patientId, at, 9)).post("/fhir/r4/Observation")
                .then().statusCode(201).extract().path("id");
        String escalation = lad04Of(patientId);

        for (String status : new String[] {"amended", "corrected"}) {
            fhir().body(observation("obs-typo", status, patientId, at, 2)).post("/fhir/r4/Observation")
                    .then().statusCode(200).contentType(FHIR_JSON)
                    .body("id", equalTo(id)).body("status", equalTo("amended")).body("valueQuantity.value", equalTo(2));
        }

        as("clinician").get("/api/v1/patients/" + patientId).then().body("latestScore", equalTo(2));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments/" + id).then()
                .body("value", equalTo(2)).body("amended.originalValue", equalTo("9"))
                .body("amended.by", equalTo("test.ehr"));
        as("clinician").get("/api/v1/patients/" + patientId + "/recommendations/" + escalation).then()
                .body("status", equalTo("SUPERSEDED"));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(1));
    }

    @Test
    void aFinalResendWithAnotherValueIsStillAConflictAndNothingChanges() {
        String patientId = registeredPatient();
        String at = hoursAgo(1);
        fhir().body(observation("obs-final", "final", patientId, at, 9)).post("/fhir/r4/Observation")
                .then().statusCode(201);
        fhir().body(observation("obs-final", "final", patientId, at, 2)).post("/fhir/r4/Observation")
                .then().statusCode(409).contentType(FHIR_JSON).body("resourceType", equalTo("OperationOutcome"));
        as("clinician").get("/api/v1/patients/" + patientId).then().body("latestScore", equalTo(9));
    }

    @Test
    void retractingAnObservationNeverReceivedIs422AndStoresNothing() {
        String patientId = registeredPatient();
        fhir().body(observation("obs-never-sent", "entered-in-error", patientId, hoursAgo(1), 9))
                .post("/fhir/r4/Observation").then().statusCode(422).contentType(FHIR_JSON)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("Observation.identifier"));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
    }

    @Test
    void aRetractedObservationCannotBeAmendedBack() {
        String patientId = registeredPatient();
        String at = hoursAgo(1);
        fhir().body(observation("obs-gone", "final", patientId, at, 9)).post("/fhir/r4/Observation")
                .then().statusCode(201);
        fhir().body(observation("obs-gone", "entered-in-error", patientId, at, 9)).post("/fhir/r4/Observation")
                .then().statusCode(200);
        fhir().body(observation("obs-gone", "amended", patientId, at, 4)).post("/fhir/r4/Observation")
                .then().statusCode(409).contentType(FHIR_JSON);
        as("clinician").get("/api/v1/patients/" + patientId).then().body("latestScore", nullValue());
    }
}

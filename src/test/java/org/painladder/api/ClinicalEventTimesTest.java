package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.patientJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A clinical event (an assessment, a procedure, a regimen taking effect, a renal measurement) cannot predate the
 * patient's birth year, nor 1880 when the birth year is not known: 422 naming the field. Every time the service
 * acknowledges is listed by the default timeline, the FHIR search included, however old it is.
 */
@QuarkusTest
class ClinicalEventTimesTest {

    private static final String FHIR_JSON = "application/fhir+json";

    @Test
    void anAssessmentBeforeThePatientWasBornIs422() {
        String patientId = registeredPatient(); // born 1958
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        for (String recordedAt : new String[] {"0001-01-01T00:00:00Z", "1800-06-01T00:00:00Z", "1957-12-31T09:00:00Z"}) {
            as("ehr").body(nrsJson("old-" + System.nanoTime(), recordedAt, 5)).post(assessments).then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("violations.field", hasItem("recordedAt"));
        }
        given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8).body("""
                        { "resourceType": "Observation", "status": "final",
                          "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                          "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "1800-01-01T00:00:00Z",
                          "valueInteger": 4 }""".formatted(patientId))
                .post("/fhir/r4/Observation").then().statusCode(422).contentType(FHIR_JSON)
                .body("resourceType", equalTo("OperationOutcome"));
        as("clinician").queryParam("from", "0001-01-01T00:00:00Z").get(assessments).then().body("total", equalTo(0));
    }

    @Test
    void anAcknowledgedAssessmentBefore1970IsListedByDefault() {
        String patientId = registeredPatient(); // born 1958
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        String id = as("ehr").body(nrsJson("y1969-" + System.nanoTime(), "1969-12-31T23:00:00Z", 6)).post(assessments)
                .then().statusCode(201).extract().path("id");
        as("clinician").get(assessments).then().statusCode(200).body("total", equalTo(1))
                .body("items.id", hasItem(id));
        given().header("Authorization", TestTokens.bearer("clinician"))
                .get("/fhir/r4/Observation?subject=Patient/" + patientId).then().statusCode(200)
                .body("total", equalTo(1)).body("entry.resource.id", hasItem(id));
        given().header("Authorization", TestTokens.bearer("clinician")).get("/fhir/r4/Observation/" + id).then()
                .statusCode(200).body("effectiveDateTime", equalTo("1969-12-31T23:00:00+00:00"));
    }

    @Test
    void aProcedureARegimenAndARenalMeasurementBeforeBirthAre422() {
        String patientId = registeredPatient(); // born 1958
        as("clinician").body("""
                        { "type": "CELIAC_PLEXUS_NEUROLYSIS", "performedAt": "1800-01-01T00:00:00Z" }""")
                .post("/api/v1/patients/" + patientId + "/procedures").then().statusCode(422)
                .body("violations.field", hasItem("performedAt"));
        as("clinician").body("""
                        { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6,
                                       "prn": false } ], "effectiveAt": "0001-01-01T00:00:00Z" }""")
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(422)
                .body("violations.field", hasItem("effectiveAt"));
        as("ehr").contentType(ApiFixtures.MERGE_PATCH_UTF8)
                .body("{\"renalFunction\": {\"egfr\": 50, \"measuredAt\": \"1900-01-01T00:00:00Z\"}}")
                .patch("/api/v1/patients/" + patientId).then().statusCode(422)
                .body("violations.field", hasItem("renalFunction.measuredAt"));
        String unknownBirthYear = patientJson(anyMrn()).replace("\"birthYear\": 1958, ", "")
                .replace("\"sex\"", "\"renalFunction\": {\"egfr\": 50, \"measuredAt\": \"1879-12-01T00:00:00Z\"}, \"sex\"");
        as("ehr").body(unknownBirthYear).post("/api/v1/patients").then().statusCode(422)
                .body("violations.field", hasItem("renalFunction.measuredAt"));
    }
}

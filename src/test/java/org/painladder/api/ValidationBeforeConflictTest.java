package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * An invalid request is answered with what is wrong with it, whether or not its identifier was used before: the EHR
 * can fix a 422 that names the field, while a 409 sends it looking for a clash that the corrected request would not
 * have. Checked on every idempotent write: assessment externalId, Idempotency-Key, FHIR Observation identifier and
 * Bundle identifier.
 */
@QuarkusTest
class ValidationBeforeConflictTest {

    private static String anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String assessment(String externalId, String recordedAt, String redFlags) {
        return """
                { "externalId": "%s", "recordedAt": "%s", "scale": "NRS", "value": 6, "kind": "BACKGROUND",
                  "site": "BACK_LOW", "course": "CHRONIC", "source": "EHR", "redFlags": %s }
                """.formatted(externalId, recordedAt, redFlags);
    }

    @Test
    void aRedFlagListedTwiceIs422NamingItOnAFirstPostAndOnARetry() {
        String patientId = registeredPatient();
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        String at = anHourAgo();
        as("ehr").body(assessment("obs-twice", at, "[\"FEVER\", \"FEVER\"]")).post(assessments).then()
                .statusCode(422).body("violations.field", hasItem("redFlags[1]"));

        as("ehr").body(assessment("obs-flagged", at, "[\"FEVER\"]")).post(assessments).then().statusCode(201);
        as("ehr").body(assessment("obs-flagged", at, "[\"FEVER\", \"FEVER\"]")).post(assessments).then()
                .statusCode(422).body("violations.field", hasItem("redFlags[1]"));
        as("ehr").body(assessment("obs-flagged", at, "[\"FEVER\"]")).post(assessments).then().statusCode(200);
        as("clinician").get(assessments).then().body("total", equalTo(1));
    }

    @Test
    void aRetryUnderAnExternalIdWithAnInvalidValueOrTimeIs422() {
        String patientId = registeredPatient();
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        String at = anHourAgo();
        as("ehr").body(ApiFixtures.nrsJson("obs-fixed", at, 5)).post(assessments).then().statusCode(201);
        as("ehr").body(ApiFixtures.nrsJson("obs-fixed", at, 11)).post(assessments).then().statusCode(422)
                .body("violations.field", hasItem("value"));
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        as("ehr").body(ApiFixtures.nrsJson("obs-fixed", tomorrow, 5)).post(assessments).then().statusCode(422)
                .body("violations.field", hasItem("recordedAt"));
    }

    @Test
    void anIdempotencyKeyReusedWithAnInvalidBodyIsAnsweredWithItsViolations() {
        String patientId = registeredPatient();
        String procedures = "/api/v1/patients/" + patientId + "/procedures";
        String key = "proc-" + System.nanoTime();
        as("clinician").header("Idempotency-Key", key).body("""
                { "type": "CELIAC_PLEXUS_NEUROLYSIS", "performedAt": "%s", "performedBy": "dr.ortiz" }"""
                .formatted(anHourAgo())).post(procedures).then().statusCode(201);
        as("clinician").header("Idempotency-Key", key).body("""
                { "type": "CELIAC_PLEXUS_NEUROLYSIS", "performedAt": "%s", "performedBy": "%s" }"""
                .formatted(anHourAgo(), "x".repeat(10_000))).post(procedures).then().statusCode(422)
                .body("violations.field", hasItem("performedBy"));
        as("clinician").get(procedures).then().body("total", equalTo(1));
    }

    private static RequestSpecification fhirAs(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ApiFixtures.FHIR_JSON_UTF8);
    }

    private static String observation(String patientId, String effective, int value) {
        return """
                { "resourceType": "Observation", "status": "final",
                  "identifier": [ { "system": "urn:ehr:obs", "value": "obs-reused" } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                  "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "%s", "valueInteger": %d }
                """.formatted(patientId, effective, value);
    }

    @Test
    void aFhirObservationUnderAUsedIdentifierWithAnInvalidValueIs422() {
        String patientId = registeredPatient();
        String at = anHourAgo();
        fhirAs("ehr").body(observation(patientId, at, 4)).post("/fhir/r4/Observation").then().statusCode(201);
        fhirAs("ehr").body(observation(patientId, at, 12)).post("/fhir/r4/Observation").then().statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"));
        fhirAs("ehr").body(observation(patientId, at, 5)).post("/fhir/r4/Observation").then().statusCode(409);
    }

    private static String bundle(String patientId, String identifier, int oxycodoneMg) {
        return """
                { "resourceType": "Bundle", "type": "collection",
                  "identifier": { "system": "urn:ehr:medlist", "value": "%s" },
                  "entry": [ { "resource": {
                    "resourceType": "MedicationRequest", "status": "active", "intent": "order",
                    "medicationCodeableConcept": { "coding": [ {
                      "system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "7804" } ] },
                    "subject": { "reference": "Patient/%s" },
                    "dosageInstruction": [ {
                      "timing": { "repeat": { "frequency": 1, "period": 12, "periodUnit": "h" } },
                      "route": { "coding": [ { "system": "http://snomed.info/sct", "code": "26643006" } ] },
                      "doseAndRate": [ { "doseQuantity": { "value": %d, "unit": "mg",
                        "system": "http://unitsofmeasure.org", "code": "mg" } } ] } ] } } ] }
                """.formatted(identifier, patientId, oxycodoneMg);
    }

    @Test
    void aBundleUnderAUsedIdentifierWithADoseOutOfBoundsIs422() {
        String patientId = registeredPatient();
        String identifier = "medlist-" + System.nanoTime();
        fhirAs("ehr").body(bundle(patientId, identifier, 10)).post("/fhir/r4/Bundle").then().statusCode(200);
        fhirAs("ehr").body(bundle(patientId, identifier, 200_000)).post("/fhir/r4/Bundle").then().statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"));
        fhirAs("ehr").body(bundle(patientId, identifier, 20)).post("/fhir/r4/Bundle").then().statusCode(409);
        as("clinician").get("/api/v1/patients/" + patientId + "/regimen/history").then().body("total", equalTo(1));
    }
}

package org.painladder.interop.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.painladder.api.ApiFixtures;
import org.painladder.api.TestTokens;

/**
 * A pain-severity Observation is a 0–10 score: a quantity in another unit is valid FHIR that breaks a rule here
 * (422 OperationOutcome), and a dateTime with a time but no offset is not valid FHIR R4 (400 OperationOutcome).
 */
@QuarkusTest
class FhirObservationRulesTest {

    private static final String FHIR_JSON = "application/fhir+json";

    private static String observation(String patientId, String effective, String value) {
        return """
                { "resourceType": "Observation", "status": "final",
                  "identifier": [ { "system": "urn:ehr:obs", "value": "rules-%s" } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                  "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "%s", %s }
                """.formatted(System.nanoTime(), patientId, effective, value);
    }

    private static String anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void anEmptyArrayObjectOrStringIsRefusedKnownElementOrNotAndNothingIsStored() {
        String patientId = registeredPatient();
        for (String[] empty : new String[][] {{"\"foo\": []", "Observation.foo"},
                {"\"note\": []", "Observation.note"}, {"\"category\": [ {} ]", "Observation.category"},
                {"\"valueQuantity\": { \"value\": 5, \"unit\": \"\" }", "Observation.valueQuantity.unit"}}) {
            given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8)
                    .body(observation(patientId, anHourAgo(), empty[0].startsWith("\"valueQuantity")
                            ? empty[0] : "\"valueInteger\": 5, " + empty[0]))
                    .post("/fhir/r4/Observation").then().statusCode(400).contentType(FHIR_JSON)
                    .body("resourceType", equalTo("OperationOutcome"))
                    .body("issue.expression.flatten()", hasItem(empty[1]));
        }
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
    }

    @Test
    void aScoreInMilligramsIs422() {
        String patientId = registeredPatient();
        for (String quantity : new String[] {
                "{ \"value\": 5, \"unit\": \"mg\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"mg\" }",
                "{ \"value\": 5, \"unit\": \"mm\" }",
                "{ \"value\": 5, \"system\": \"http://snomed.info/sct\", \"code\": \"{score}\" }"}) {
            given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8)
                    .body(observation(patientId, anHourAgo(), "\"valueQuantity\": " + quantity))
                    .post("/fhir/r4/Observation").then().statusCode(422).contentType(FHIR_JSON)
                    .body("resourceType", equalTo("OperationOutcome"))
                    .body("issue.expression.flatten()", hasItem("Observation.valueQuantity"));
        }
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
        for (String quantity : new String[] {
                "{ \"value\": 5, \"unit\": \"{score}\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"{score}\" }",
                "{ \"value\": 5, \"system\": \"http://unitsofmeasure.org\", \"code\": \"1\" }",
                "{ \"value\": 5, \"unit\": \"{score}\" }", "{ \"value\": 5 }"}) {
            given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8)
                    .body(observation(patientId, anHourAgo(), "\"valueQuantity\": " + quantity))
                    .post("/fhir/r4/Observation").then().statusCode(201);
        }
    }

    @Test
    void aTimeWithoutAnOffsetIs400() {
        String patientId = registeredPatient();
        given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8)
                .body(observation(patientId, "2026-12-07T10:00:00", "\"valueInteger\": 5"))
                .post("/fhir/r4/Observation").then().statusCode(400).contentType(FHIR_JSON)
                .body("issue.expression.flatten()", hasItem("Observation.effectiveDateTime"));
        given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8)
                .body(observation(patientId, anHourAgo(), "\"valueInteger\": 5").replace("\"effectiveDateTime\"",
                        "\"effectivePeriod\": { \"start\": \"2026-12-07T10:00:00\" }, \"issued\""))
                .post("/fhir/r4/Observation").then().statusCode(400).contentType(FHIR_JSON);
        given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8).body("""
                        { "resourceType": "Bundle", "type": "collection", "entry": [ { "resource": {
                            "resourceType": "MedicationRequest", "status": "active", "intent": "order",
                            "authoredOn": "2026-12-07T10:00:00",
                            "subject": { "reference": "Patient/%s" },
                            "medicationCodeableConcept": { "coding": [ {
                                "system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "7052" } ] } } } ] }
                        """.formatted(patientId))
                .post("/fhir/r4/Bundle").then().statusCode(400).contentType(FHIR_JSON)
                .body("issue.expression.flatten()", hasItem("Bundle.entry[0].resource.authoredOn"));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
    }

    @Test
    void anEffectiveDateWithoutATimeIs422AndNothingIsStored() {
        String patientId = registeredPatient();
        for (String effective : new String[] {"2026-12-07", "2026-12", "2026"}) {
            given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8)
                    .body(observation(patientId, effective, "\"valueInteger\": 5"))
                    .post("/fhir/r4/Observation").then().statusCode(422).contentType(FHIR_JSON)
                    .body("issue.expression.flatten()", hasItem("Observation.effectiveDateTime"));
            given().header("Authorization", TestTokens.bearer("ehr")).contentType(ApiFixtures.FHIR_JSON_UTF8)
                    .body(observation(patientId, anHourAgo(), "\"valueInteger\": 5").replace("\"effectiveDateTime\"",
                            "\"effectivePeriod\": { \"start\": \"" + effective + "\" }, \"issued\""))
                    .post("/fhir/r4/Observation").then().statusCode(422).contentType(FHIR_JSON)
                    .body("issue.expression.flatten()", hasItem("Observation.effectivePeriod.start"));
        }
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
    }
}

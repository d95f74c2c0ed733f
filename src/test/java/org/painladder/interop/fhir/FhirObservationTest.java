package org.painladder.interop.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.patientJson;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.painladder.api.ApiFixtures;
import org.painladder.api.TestTokens;

@QuarkusTest
class FhirObservationTest {

    private static final String FHIR_JSON = "application/fhir+json";

    private static RequestSpecification fhirAs(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ApiFixtures.FHIR_JSON_UTF8);
    }

    private static String observation(String identifier, String subject, String value, String code) {
        String recordedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                { "resourceType": "Observation", "status": "final",
                  "identifier": [ { "system": "urn:ehr:obs", "value": "%s" } ],
                  "category": [ { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                                "code": "vital-signs" } ] } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "%s" } ] },
                  "subject": %s, "effectiveDateTime": "%s", %s }
                """.formatted(identifier, code, subject, recordedAt, value);
    }

    private static String registered(String mrn) {
        return ApiFixtures.as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void painObservationByPatientReferenceIsStoredAsAnAssessment() {
        String patientId = registered(anyMrn());
        String location = fhirAs("ehr")
                .body(observation("fhir-1", "{ \"reference\": \"Patient/" + patientId + "\" }", "\"valueInteger\": 7",
                        "72514-3"))
                .post("/fhir/r4/Observation")
                .then().statusCode(201).contentType(FHIR_JSON)
                .header("Location", containsString("/fhir/r4/Observation/"))
                .body("resourceType", equalTo("Observation"))
                .body("valueQuantity.value", equalTo(7))
                .body("subject.reference", equalTo("Patient/" + patientId))
                .extract().header("Location");

        fhirAs("clinician").get(location).then().statusCode(200).body("identifier[0].value", equalTo("fhir-1"));
        ApiFixtures.as("clinician").get("/api/v1/patients/" + patientId).then().body("latestScore", equalTo(7))
                .body("painControl", equalTo("UNCONTROLLED"));
    }

    @Test
    void subjectIdentifierMatchesTheMrnAndRetriesAreIdempotent() {
        String mrn = anyMrn();
        String patientId = registered(mrn);
        String body = observation("fhir-2", "{ \"identifier\": { \"system\": \"urn:painladder:mrn\", \"value\": \"" + mrn
                + "\" } }", "\"valueQuantity\": { \"value\": 4, \"unit\": \"{score}\" }", "72514-3");
        fhirAs("ehr").body(body).post("/fhir/r4/Observation").then().statusCode(201);
        fhirAs("ehr").body(body).post("/fhir/r4/Observation").then().statusCode(200);
        ApiFixtures.as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then()
                .body("total", equalTo(1)).body("items[0].externalId", equalTo("fhir-2"));
    }

    @Test
    void ruleBreakingObservationsAre422OperationOutcomes() {
        String mrn = anyMrn();
        String patientId = registered(mrn);
        String byId = "{ \"reference\": \"Patient/" + patientId + "\" }";
        fhirAs("ehr").body(observation("f-a", byId, "\"valueInteger\": 12", "72514-3")).post("/fhir/r4/Observation")
                .then().statusCode(422).contentType(FHIR_JSON).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("business-rule"));
        fhirAs("ehr").body(observation("f-b", byId, "\"valueInteger\": 5", "8867-4")).post("/fhir/r4/Observation")
                .then().statusCode(422).body("issue[0].expression[0]", equalTo("Observation.code"));
        fhirAs("ehr").body(observation("f-c", "{ \"reference\": \"Patient/00000000-0000-0000-0000-000000000000\" }",
                "\"valueInteger\": 5", "72514-3")).post("/fhir/r4/Observation")
                .then().statusCode(422).body("issue[0].expression[0]", equalTo("Observation.subject"));
        fhirAs("ehr").body(observation("f-d", "{ \"identifier\": { \"system\": \"urn:other\", \"value\": \"" + mrn
                        + "\" } }", "\"valueInteger\": 5", "72514-3")).post("/fhir/r4/Observation")
                .then().statusCode(422);
        ApiFixtures.as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then()
                .body("total", equalTo(0));
    }

    /** api.md "Strict input": an element that would change the score's meaning and is not stored is refused. */
    @Test
    void elementsThatChangeTheMeaningAndAreNotStoredAre400NamingThem() {
        String patientId = registered(anyMrn());
        String byId = "{ \"reference\": \"Patient/" + patientId + "\" }";
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("Observation.valueQuantity.comparator", "\"valueQuantity\": { \"value\": 5, \"comparator\": \">\" }");
        refused.put("Observation.dataAbsentReason", "\"valueInteger\": 5, \"dataAbsentReason\": { \"text\": \"asleep\" }");
        refused.put("Observation.bodySite", "\"valueInteger\": 5, \"bodySite\": { \"text\": \"left knee\" }");
        refused.put("Observation.component", "\"valueInteger\": 5, \"component\": [ { \"code\": { \"text\": \"at rest\" },"
                + " \"valueInteger\": 2 } ]");
        refused.put("Observation.interpretation", "\"valueInteger\": 5, \"interpretation\": [ { \"text\": \"high\" } ]");
        refused.put("Observation.note", "\"valueInteger\": 5, \"note\": [ { \"text\": \"only on movement\" } ]");
        refused.put("Observation.focus", "\"valueInteger\": 5, \"focus\": [ { \"reference\": \"Patient/other\" } ]");
        refused.put("Observation.method", "\"valueInteger\": 5, \"method\": { \"coding\": [ { \"system\":"
                + " \"urn:painladder:pain-scale\", \"code\": \"VAS\" } ] }");
        refused.put("Observation.modifierExtension", "\"valueInteger\": 5, \"modifierExtension\": [ { \"url\":"
                + " \"urn:ehr:not-asked\", \"valueBoolean\": true } ]");
        refused.forEach((element, value) -> fhirAs("ehr").body(observation("f-" + element, byId, value, "72514-3"))
                .post("/fhir/r4/Observation").then().statusCode(400).contentType(FHIR_JSON)
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("structure"))
                .body("issue[0].expression[0]", equalTo(element)));
        ApiFixtures.as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then()
                .body("total", equalTo(0));
    }

    /** What the service answers can be sent back: its method, issued and category, with context it may ignore. */
    @Test
    void anObservationReadFromHereIsAcceptedBackWithTheElementsItIgnores() {
        String patientId = registered(anyMrn());
        String location = fhirAs("ehr").body(observation("f-round", "{ \"reference\": \"Patient/" + patientId + "\" }",
                "\"valueInteger\": 6, \"meta\": { \"source\": \"urn:ehr\" }, \"encounter\": { \"reference\":"
                        + " \"Encounter/e1\" }, \"performer\": [ { \"display\": \"Nurse Kim\" } ],"
                        + " \"extension\": [ { \"url\": \"urn:ehr:ward\", \"valueString\": \"4B\" } ]", "72514-3"))
                .post("/fhir/r4/Observation").then().statusCode(201).extract().header("Location");
        String read = fhirAs("ehr").get(location).then().statusCode(200).extract().asString();

        fhirAs("ehr").body(read.replace("f-round", "f-round-again")).post("/fhir/r4/Observation").then()
                .statusCode(201).body("valueQuantity.value", equalTo(6)).body("method.coding[0].code", equalTo("NRS"));
        ApiFixtures.as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then()
                .body("total", equalTo(2)).body("items.score", everyItem(equalTo(6)));
    }

    @Test
    void unparsableResourceIs400OperationOutcome() {
        fhirAs("ehr").body("{ \"resourceType\": \"Observation\", \"status\": \"final\", \"valueInteger\": \"high\" }")
                .post("/fhir/r4/Observation").then().statusCode(400).contentType(FHIR_JSON)
                .body("resourceType", equalTo("OperationOutcome"));
        fhirAs("ehr").body("not json").post("/fhir/r4/Observation").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void everyAssessmentIsSearchableAsAnObservationInASearchsetBundle() {
        String patientId = registered(anyMrn());
        String recordedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        ApiFixtures.as("ehr").body(nrsJson("api-vas", recordedAt, 0).replace("\"NRS\"", "\"VAS\"")
                        .replace("\"value\": 0", "\"value\": 65"))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);

        fhirAs("palliative").queryParam("subject", "Patient/" + patientId).queryParam("_count", 10)
                .get("/fhir/r4/Observation").then().statusCode(200).contentType(FHIR_JSON)
                .body("resourceType", equalTo("Bundle"))
                .body("type", equalTo("searchset"))
                .body("total", equalTo(1))
                .body("entry[0].search.mode", equalTo("match"))
                .body("entry[0].fullUrl", containsString("/fhir/r4/Observation/"))
                .body("entry[0].resource.code.coding[0].code", equalTo("38214-3"))
                .body("entry[0].resource.valueQuantity.value", equalTo(65))
                .body("entry[0].resource.method.coding[0].code", equalTo("VAS"));
        fhirAs("palliative").get("/fhir/r4/Observation").then().statusCode(400)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void capabilityStatementDescribesObservationSupport() {
        fhirAs("auditor").get("/fhir/r4/metadata").then().statusCode(200)
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].resource[0].type", equalTo("Observation"))
                .body("rest[0].resource[0].interaction.code", hasItem("create"));
    }

    @Test
    void theCapabilityStatementIsReadWithoutAToken() {
        given().get("/fhir/r4/metadata").then().statusCode(200).contentType(FHIR_JSON)
                .body("resourceType", equalTo("CapabilityStatement"));
    }

    @Test
    void missingTokenAndWrongRoleAreOperationOutcomes() {
        given().contentType(FHIR_JSON).get("/fhir/r4/Observation/00000000-0000-0000-0000-000000000000").then()
                .statusCode(401).body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("login"));
        fhirAs("auditor").queryParam("subject", "Patient/00000000-0000-0000-0000-000000000000")
                .get("/fhir/r4/Observation").then().statusCode(403)
                .body("issue[0].code", equalTo("forbidden"));
        fhirAs("clinician").get("/fhir/r4/Observation/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"))
                .header("Content-Type", endsWith("fhir+json"));
    }
}

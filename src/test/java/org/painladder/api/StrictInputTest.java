package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.patientJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * api.md "Strict input": what an outside probe sent, and what it must get back. Nothing is coerced, dropped or
 * guessed, a hostile number or shape is refused before any parser works on it, and every refusal names the field.
 */
@QuarkusTest
class StrictInputTest {

    private static final String FHIR_JSON = "application/fhir+json";

    @TestHTTPResource("/")
    URI base;

    private static String recentlyRecordedAt() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A valid assessment with one member set to raw JSON (replacing it, or added when the body has no such member). */
    private static String assessment(String field, String jsonValue) {
        java.util.Map<String, String> members = new java.util.LinkedHashMap<>();
        members.put("externalId", "\"strict-" + System.nanoTime() + "\"");
        members.put("recordedAt", "\"" + recentlyRecordedAt() + "\"");
        members.put("scale", "\"NRS\"");
        members.put("value", "5");
        members.put("kind", "\"BACKGROUND\"");
        members.put("course", "\"CHRONIC\"");
        members.put("breakthroughEpisodes24h", "1");
        members.put("source", "\"EHR\"");
        members.put(field, jsonValue);
        StringBuilder body = new StringBuilder("{");
        members.forEach((name, value) -> body.append(body.length() > 1 ? ", " : " ")
                .append('"').append(name).append("\": ").append(value));
        return body.append(" }").toString();
    }

    private static ValidatableResponse badRequestNaming(Response answer, String field) {
        return answer.then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    private static RequestSpecification fhirAs(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ApiFixtures.FHIR_JSON_UTF8);
    }

    private static String observation(String subjectPatientId, String extra) {
        return """
                { "resourceType": "Observation", "status": "final",
                  "identifier": [ { "system": "urn:ehr:obs", "value": "strict-%s" } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                  "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "%s", %s }
                """.formatted(System.nanoTime(), subjectPatientId, recentlyRecordedAt(), extra);
    }

    @Test
    void anUnknownFieldIsRefusedByName() {
        String patientId = registeredPatient();
        badRequestNaming(as("ehr").body(assessment("painLocation", "\"left hip\""))
                .post("/api/v1/patients/" + patientId + "/pain-assessments"), "painLocation")
                .body("violations.message", hasItem("unknown field"));
        badRequestNaming(as("ehr").body(patientJson(anyMrn()).replace("\"sex\"", "\"renalFunctio\": {}, \"sex\""))
                .post("/api/v1/patients"), "renalFunctio");
        badRequestNaming(as("ehr").contentType(ApiFixtures.MERGE_PATCH_UTF8).body("{ \"lifeExpectancyMonth\": 3 }")
                .patch("/api/v1/patients/" + patientId), "lifeExpectancyMonth");
        badRequestNaming(as("clinician").body("""
                { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6,
                               "prn": false, "frequency": "q4h" } ] }""")
                .put("/api/v1/patients/" + patientId + "/regimen"), "items[0].frequency");
    }

    @Test
    void noValueIsCoercedIntoAnotherType() {
        String patientId = registeredPatient();
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        badRequestNaming(as("ehr").body(assessment("recordedAt", "0")).post(assessments), "recordedAt");
        badRequestNaming(as("ehr").body(assessment("kind", "0")).post(assessments), "kind");
        badRequestNaming(as("ehr").body(assessment("externalId", "12345")).post(assessments), "externalId");
        badRequestNaming(as("ehr").body(assessment("breakthroughEpisodes24h", "2.9")).post(assessments),
                "breakthroughEpisodes24h");
        badRequestNaming(as("ehr").body(assessment("breakthroughEpisodes24h", "\"2\"")).post(assessments),
                "breakthroughEpisodes24h");
        badRequestNaming(as("clinician").body("""
                { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 2.9,
                               "prn": "false" } ] }""")
                .put("/api/v1/patients/" + patientId + "/regimen"), "items[0].timesPerDay");
        badRequestNaming(as("clinician").body("""
                { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 2,
                               "prn": 0 } ] }""")
                .put("/api/v1/patients/" + patientId + "/regimen"), "items[0].prn");
        badRequestNaming(as("ehr").body(patientJson(anyMrn()).replace("\"metastatic\": true", "\"metastatic\": \"yes\""))
                .post("/api/v1/patients"), "diagnosis.metastatic");
        badRequestNaming(as("ehr").body(patientJson(anyMrn()).replace("\"PANCREAS\"", "3"))
                .post("/api/v1/patients"), "diagnosis.primarySite");
        as("clinician").get(assessments).then().body("total", equalTo(0));
    }

    @Test
    void trailingContentAndDuplicateKeysAreRefused() {
        String mrn = anyMrn();
        badRequestNaming(as("ehr").body(patientJson(mrn) + " {\"mrn\": \"other\"}").post("/api/v1/patients"), "body");
        badRequestNaming(as("ehr").body(patientJson(mrn).replace("\"sex\"", "\"mrn\": \"MRN-TWIN\", \"sex\""))
                .post("/api/v1/patients"), "mrn")
                .body("detail", not(containsString(mrn)));
        as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().body("total", equalTo(0));
    }

    @Test
    void hostileNumbersAndShapesAreRefusedBeforeParsing() {
        String patientId = registeredPatient();
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        badRequestNaming(as("ehr").body(assessment("breakthroughEpisodes24h", "1e400")).post(assessments),
                "breakthroughEpisodes24h");
        badRequestNaming(as("ehr").body(assessment("value", "1e1000000000")).post(assessments), "value");
        badRequestNaming(as("ehr").body(assessment("value", "1" + "0".repeat(80))).post(assessments), "value");
        badRequestNaming(as("ehr").body(assessment("externalId", "\"" + "x".repeat(70_000) + "\"")).post(assessments),
                "externalId");
        badRequestNaming(as("ehr").body(assessment("adverseEffects", "[" + "null,".repeat(1_000) + "null]"))
                .post(assessments), "adverseEffects");
        badRequestNaming(as("ehr").body(assessment("adverseEffects", "[".repeat(70) + "]".repeat(70)))
                .post(assessments), "adverseEffects" + "[0]".repeat(63));
        as("clinician").get(assessments).then().body("total", equalTo(0));
    }

    @Test
    void aBodyWithoutContentTypeIs415() {
        given().header("Authorization", TestTokens.bearer("ehr")).body(patientJson(anyMrn()).getBytes())
                .post("/api/v1/patients").then().statusCode(415).contentType("application/problem+json");
        String patientId = registeredPatient();
        given().header("Authorization", TestTokens.bearer("ehr")).body(observation(patientId, "\"valueInteger\": 4")
                        .getBytes())
                .post("/fhir/r4/Observation").then().statusCode(415).contentType(FHIR_JSON)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void aDuplicateMrnIsNamedWithoutItsValue() {
        String mrn = anyMrn();
        as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(201);
        as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(409)
                .body(not(containsString(mrn))).body("detail", containsString("this MRN"));
    }

    @Test
    void aHugeExponentInAFhirObservationIsRefusedAtOnce() {
        String patientId = registeredPatient();
        String hostile = """
                {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org",\
                "code":"72514-3"}]},"subject":{"reference":"Patient/%s"},"effectiveDateTime":"2026-11-20T08:30:00Z",\
                "valueInteger":1e1000000000}""".formatted(patientId);
        fhirAs("ehr").body(hostile).post("/fhir/r4/Observation").then().statusCode(400).contentType(FHIR_JSON)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItem("Observation.valueInteger"));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
    }

    @Test
    void fhirObservationsAreReadStrictlyToo() {
        String patientId = registeredPatient();
        fhirAs("ehr").body(observation(patientId, "\"valueInteger\": 4, \"valueInteger\": 9"))
                .post("/fhir/r4/Observation").then().statusCode(400).contentType(FHIR_JSON)
                .body("issue.expression.flatten()", hasItem("Observation.valueInteger"));
        fhirAs("ehr").body(observation(patientId, "\"valueInteger\": 4, \"painNarrative\": \"x\""))
                .post("/fhir/r4/Observation").then().statusCode(400).contentType(FHIR_JSON);
        fhirAs("ehr").body(observation(patientId, "\"valueInteger\": \"4\"")).post("/fhir/r4/Observation")
                .then().statusCode(400).contentType(FHIR_JSON);
        fhirAs("ehr").body(observation(patientId, "\"valueInteger\": 4") + " []").post("/fhir/r4/Observation")
                .then().statusCode(400).contentType(FHIR_JSON);
        fhirAs("ehr").body(observation(patientId, "\"valueInteger\": 4").replace("\"status\": \"final\",", ""))
                .post("/fhir/r4/Observation").then().statusCode(422).contentType(FHIR_JSON)
                .body("issue.expression.flatten()", hasItem("Observation.status"));
        fhirAs("ehr").body(observation(patientId, "\"valueInteger\": 4")
                        .replaceFirst("strict-[0-9]+", "x".repeat(129)))
                .post("/fhir/r4/Observation").then().statusCode(422).contentType(FHIR_JSON)
                .body("issue.expression.flatten()", hasItem("Observation.identifier[0].value"));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
    }

    @Test
    void everyFhirErrorIsAnOperationOutcome() {
        for (Response error : new Response[] {
                given().get("/fhir/r4/Observation/00000000-0000-0000-0000-000000000000"),
                as("auditor").get("/fhir/r4/Observation?subject=Patient/x"),
                fhirAs("ehr").get("/fhir/r4/Patient/123"),
                fhirAs("ehr").delete("/fhir/r4/Observation"),
                fhirAs("ehr").body("{\"resourceType\":\"Observation\",\"text\":\"" + "x".repeat(300_000) + "\"}")
                        .post("/fhir/r4/Observation"),
                fhirAs("ehr").contentType("text/plain").body("hello").post("/fhir/r4/Observation")}) {
            error.then().statusCode(not(equalTo(200))).contentType(FHIR_JSON)
                    .body("resourceType", equalTo("OperationOutcome"));
        }
    }

    @Test
    void aStreamedBodyOverTheLimitIsA413Problem() throws Exception {
        byte[] body = ("{\"mrn\": \"" + "x".repeat(300_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(base.resolve("/api/v1/patients"))
                .header("Authorization", TestTokens.bearer("ehr")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, answer.statusCode());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
        assertTrue(answer.body().contains("\"status\":413"), answer.body());
    }

    @Test
    void tooLongUrisAndHeadersAreAnsweredAsProblems() {
        as("clinician").get("/api/v1/patients?mrn=" + "x".repeat(10_000)).then().statusCode(414)
                .contentType("application/problem+json").body("status", equalTo(414));
        as("clinician").header("X-Padding", "y".repeat(40_000)).get("/api/v1/patients").then().statusCode(431)
                .contentType("application/problem+json").body("status", equalTo(431));
    }
}

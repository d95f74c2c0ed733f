package org.painladder.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.painladder.api.ApiFixtures;
import org.painladder.api.TestTokens;

/**
 * A day's traffic of an EHR interface, good and bad, with every log record captured: no MRN, no token and no pain
 * narrative may end up in the service's logs, whatever went wrong.
 */
@QuarkusTest
class LogHygieneTest {

    private static final String NARRATIVE = "Burning pain radiating to the back, worse at night since cycle two";

    private CapturedLogs capture;

    @BeforeEach
    void captureLogs() {
        capture = CapturedLogs.start();
    }

    @AfterEach
    void stopCapturing() {
        capture.close();
    }

    @Test
    void aRealisticFlowLeavesNoMrnTokenOrNarrativeInTheLogs() {
        String mrn = "MRN-LOG-" + UUID.randomUUID().toString().substring(0, 8);
        String ehr = TestTokens.forRole("ehr", "ehr.gateway");
        String clinician = TestTokens.forRole("clinician", "dr.lee");
        String recordedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

        String patientJson = """
                { "mrn": "%s", "birthYear": 1958, "sex": "female",
                  "diagnosis": { "icd10": "C25.0", "primarySite": "PANCREAS", "metastatic": true, "boneMetastases": false },
                  "lifeExpectancyMonths": 6, "contraindications": ["ANTICOAGULATED"] }""".formatted(mrn);
        String patientId = with(ehr).body(patientJson).post("/api/v1/patients").then().statusCode(201)
                .extract().path("id");
        with(ehr).body(patientJson).post("/api/v1/patients").then().statusCode(409);
        with(ehr).queryParam("mrn", mrn).get("/api/v1/patients").then().statusCode(200);

        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        String scored = """
                { "externalId": "obs-log-1", "recordedAt": "%s", "scale": "NRS", "value": 8, "kind": "BACKGROUND",
                  "site": "BACK_LOW", "mechanism": "NEUROPATHIC", "course": "CHRONIC", "breakthroughEpisodes24h": 4,
                  "source": "EHR" }""".formatted(recordedAt);
        // A field the API does not have is refused, not dropped: the narrative it carried is not logged either.
        with(ehr).body(scored.replace("\"source\"", "\"note\": \"" + NARRATIVE + "\", \"source\""))
                .post(assessments).then().statusCode(400);
        with(ehr).header("Idempotency-Key", "log-1").body(scored).post(assessments).then().statusCode(201);
        with(ehr).header("Idempotency-Key", "log-1").body(scored).post(assessments).then().statusCode(201);
        with(ehr).body(scored.replace("\"BACK_LOW\"", "\"" + NARRATIVE + "\"")).post(assessments).then().statusCode(422);
        with(ehr).body("{ \"note\": \"" + NARRATIVE + "\", \"value\": ").post(assessments).then().statusCode(400);
        // A string on the NRS is a wrong JSON type (strict input), refused before its text reaches a message.
        with(ehr).body(scored.replace("\"value\": 8", "\"value\": \"" + NARRATIVE + "\"")).post(assessments)
                .then().statusCode(400);
        // An Observation's note is refused (it would be dropped), and its narrative is not logged either.
        with(ehr).contentType(ApiFixtures.FHIR_JSON_UTF8).body("""
                { "resourceType": "Observation", "status": "final",
                  "identifier": [ { "value": "fhir-log-1" } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                  "subject": { "identifier": { "system": "urn:painladder:mrn", "value": "%s" } },
                  "effectiveDateTime": "%s", "valueInteger": 7, "note": [ { "text": "%s" } ] }"""
                .formatted(mrn, recordedAt, NARRATIVE)).post("/fhir/r4/Observation").then().statusCode(400);

        with(clinician).get(assessments).then().statusCode(200);
        with(clinician).get("/api/v1/patients/" + patientId + "/pain-trend").then().statusCode(200);
        with(clinician).contentType(ApiFixtures.MERGE_PATCH_UTF8).body("{ \"lifeExpectancyMonths\": 3 }")
                .patch("/api/v1/patients/" + patientId).then().statusCode(200);
        with(TestTokens.forRole("auditor", "ms.audit")).get("/api/v1/patients/" + patientId).then().statusCode(403);
        given().header("Authorization", "Bearer " + clinician.substring(0, clinician.length() - 4) + "AAAA")
                .get("/api/v1/patients/" + patientId).then().statusCode(401);
        with(TestTokens.forRole("admin", "ops")).header("X-Correlation-Id", "log-hygiene-500")
                .get("/api/v1/test-only/failure").then().statusCode(500);

        List<String> logged = capture.lines();
        assertTrue(logged.stream().anyMatch(line -> line.contains("log-hygiene-500")),
                "the capture sees the service's log records: " + logged);
        for (String secret : List.of(mrn, ehr, clinician, NARRATIVE, "radiating")) {
            assertEquals(List.of(), logged.stream().filter(line -> line.contains(secret)).toList(),
                    "logged " + secret);
        }
    }

    private static RequestSpecification with(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}

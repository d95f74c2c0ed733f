package org.painladder.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.patientJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.painladder.api.ApiFixtures;
import org.painladder.api.HungUpClient;

/** What every response carries, and what no error body ever gives away. */
@QuarkusTest
class HttpHardeningTest {

    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\tat |\\b(java|javax|jakarta|org|io|com)\\.[a-z]+\\.|SELECT |INSERT INTO|UPDATE [a-z_]+ SET"
                    + "|constraint|\\bSQL\\b|<html", Pattern.CASE_INSENSITIVE);

    @Test
    void everyResponseCarriesTheSecurityHeadersAndPatientDataIsNeverCached() {
        String patientId = registeredPatient();
        List<Response> responses = List.of(
                as("clinician").get("/api/v1/patients/" + patientId),
                given().get("/api/v1/patients/" + patientId),
                as("clinician").get("/api/v1/no-such-thing"),
                as("clinician").get("/fhir/r4/metadata"));
        for (Response response : responses) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Strict-Transport-Security", containsString("max-age="))
                    .header("Content-Security-Policy", SecurityHeaders.STRICT_POLICY)
                    .header("Cache-Control", "no-store");
        }
        given().get("/q/health/live").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", SecurityHeaders.STRICT_POLICY);
    }

    @Test
    void swaggerUiMayRunItsOwnScriptsButCannotBeFramed() {
        given().redirects().follow(true).get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", SecurityHeaders.SWAGGER_UI_POLICY)
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413ProblemAndTheHeaders() {
        as("ehr").body("{\"mrn\": \"" + "x".repeat(300_000) + "\"}").post("/api/v1/patients")
                .then().statusCode(413).contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void crossOriginCallsFromAnOriginNotConfiguredAre403ProblemsWithoutACorsGrant() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/patients").then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue()).header("X-Correlation-Id", not(emptyOrNullString()))
                .body("status", equalTo(403)).body("type", endsWith("/forbidden"))
                .body("detail", containsString("https://evil.example"));
        as("clinician").header("Origin", "https://evil.example").get("/api/v1/patients")
                .then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue()).body("detail", containsString("https://evil.example"));
        as("clinician").header("Origin", "https://evil.example").get("/fhir/r4/metadata")
                .then().statusCode(403).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString("https://evil.example"));
    }

    @Test
    void aRequestFromTheServicesOwnOriginIsNoCrossOriginCall() {
        as("clinician").header("Origin", "http://localhost:" + RestAssured.port).get("/api/v1/patients")
                .then().statusCode(200);
    }

    @Test
    void noErrorBodyShowsAStackTraceSqlOrClassName() {
        String patientId = registeredPatient();
        String mrn = anyMrn();
        as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(201);
        List<Response> errors = new ArrayList<>(List.of(
                as("ehr").body("{\"mrn\": ").post("/api/v1/patients"),
                as("ehr").body("{\"mrn\": \"MRN-1\", \"birthYear\": \"nineteen\"}").post("/api/v1/patients"),
                as("ehr").body(patientJson(mrn)).post("/api/v1/patients"),
                as("ehr").body("{\"birthYear\": 1700}").post("/api/v1/patients"),
                as("ehr").contentType("text/plain").body("hello").post("/api/v1/patients"),
                as("ehr").delete("/api/v1/patients"),
                as("ehr").get("/api/v1/patients/not-a-uuid"),
                as("ehr").get("/api/v1/no-such-thing"),
                as("ehr").queryParam("size", 9999).get("/api/v1/patients"),
                as("ehr").header("If-Match", "\"999\"").contentType(ApiFixtures.MERGE_PATCH_UTF8)
                        .body("{\"birthYear\": 1960}").patch("/api/v1/patients/" + patientId),
                as("auditor").get("/api/v1/patients/" + patientId),
                given().header("Authorization", "Bearer e30.e30.e30").get("/api/v1/patients"),
                as("admin").get("/api/v1/test-only/failure")));
        List<Integer> statuses = new ArrayList<>();
        for (Response error : errors) {
            String body = error.asString();
            statuses.add(error.statusCode());
            assertFalse(INTERNALS.matcher(body).find(), error.statusCode() + " leaks internals: " + body);
            error.then().contentType("application/problem+json").body("status", equalTo(error.statusCode()))
                    .body(not(containsString("trace")));
        }
        assertEquals(List.of(400, 400, 409, 422, 415, 405, 404, 404, 400, 412, 403, 401, 500), statuses);
    }

    /**
     * A client that hangs up halfway through its body (a timeout on the EHR's side, a dropped VPN) is the client's
     * failure: logged as a refusal, without a stack trace, not as the service's (the bench's wrk runs, which end
     * mid-request, logged an ERROR with its trace for each). Nothing is stored.
     */
    @Test
    void aClientThatHangsUpHalfwayThroughItsBodyIsNoServerFailure() throws IOException, InterruptedException {
        String mrn = anyMrn();
        String body = patientJson(mrn);
        try (CapturedLogs logs = CapturedLogs.start()) {
            HungUpClient.sendPart("POST", "/api/v1/patients", "ehr", "", body,
                    body.getBytes(StandardCharsets.UTF_8).length / 2, 200);
            List<String> concerning = List.of();
            for (int wait = 0; wait < 100 && concerning.isEmpty(); wait++) {
                Thread.sleep(50);
                concerning = logs.lines().stream().filter(line -> line.contains("POST /api/v1/patients")
                        || line.contains("Unexpected failure")).toList();
            }
            assertFalse(concerning.isEmpty(), "the aborted request left no log line");
            assertTrue(concerning.stream().noneMatch(CapturedLogs::hasStackTrace), String.join("\n", concerning));
            assertTrue(concerning.stream().allMatch(line -> line.contains("Refused POST /api/v1/patients: 400")),
                    String.join("\n", concerning));
        }
        as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().statusCode(200).body("total", equalTo(0));
    }
}

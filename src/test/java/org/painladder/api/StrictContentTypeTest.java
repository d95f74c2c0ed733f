package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * api.md Conventions: a body in another media type than the operation consumes is 415 (an OperationOutcome under
 * /fhir), before anything reads it and whatever the body holds; PATCH takes merge-patch+json or json only.
 */
@QuarkusTest
class StrictContentTypeTest {

    @TestHTTPResource("/")
    URI base;

    private static final String[] NOT_JSON_OR_OTHER_JSON = {"text/plain", "application/json-patch+json",
            "application/vnd.x+json", "application/xml"};

    @Test
    void aPatchInAnotherMediaTypeIs415AndChangesNothing() {
        String patientId = registeredPatient();
        for (String mediaType : new String[] {"text/plain", "application/json-patch+json", "application/fhir+json",
                "application/vnd.x+json"}) {
            given().header("Authorization", TestTokens.bearer("ehr")).contentType(mediaType).body("{\"frail\": true}")
                    .patch("/api/v1/patients/" + patientId).then().statusCode(415)
                    .contentType("application/problem+json").body("status", equalTo(415));
        }
        given().header("Authorization", TestTokens.bearer("ehr")).contentType("application/json-patch+json")
                .body("[{\"op\": \"replace\", \"path\": \"/frail\", \"value\": true}]")
                .patch("/api/v1/patients/" + patientId).then().statusCode(415);
        as("ehr").get("/api/v1/patients/" + patientId).then().body("frail", equalTo(null));
    }

    @Test
    void aPatchSentAsCurlSendsItIs415Too() throws Exception {
        String patientId = registeredPatient();
        for (String mediaType : new String[] {"text/plain", "application/json-patch+json", "application/fhir+json",
                "application/vnd.x+json"}) {
            HttpRequest patch = HttpRequest.newBuilder(base.resolve("/api/v1/patients/" + patientId))
                    .header("Authorization", TestTokens.bearer("ehr")).header("Content-Type", mediaType)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"frail\":true}")).build();
            HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(patch, HttpResponse.BodyHandlers.ofString());
            assertEquals(415, answer.statusCode(), mediaType + ": " + answer.body());
        }
        as("ehr").get("/api/v1/patients/" + patientId).then().body("frail", equalTo(null));
    }

    @Test
    void everyJsonWriteRefusesAnotherMediaType() {
        String patientId = registeredPatient();
        String patient = "/api/v1/patients/" + patientId;
        String[][] writes = {
                {"POST", "/api/v1/patients"},
                {"POST", patient + "/pain-assessments"},
                {"PUT", patient + "/regimen"},
                {"POST", patient + "/procedures"},
                {"POST", patient + "/recommendations/" + UUID.randomUUID() + "/accept"},
                {"POST", patient + "/recommendations/" + UUID.randomUUID() + "/reject"},
                {"POST", "/api/v1/refractory-cases/" + UUID.randomUUID() + "/transitions"},
                {"POST", "/api/v1/opioid-conversions"},
                {"POST", "/cds-services/painladder-patient-view"},
                {"POST", "/cds-services/painladder-patient-view/feedback"}};
        for (String[] write : writes) {
            for (String mediaType : NOT_JSON_OR_OTHER_JSON) {
                given().header("Authorization", TestTokens.bearer("admin")).contentType(mediaType).body("{}")
                        .request(write[0], write[1]).then().statusCode(415)
                        .contentType("application/problem+json");
            }
        }
        for (String fhir : new String[] {"/fhir/r4/Observation", "/fhir/r4/Bundle"}) {
            for (String mediaType : NOT_JSON_OR_OTHER_JSON) {
                given().header("Authorization", TestTokens.bearer("admin")).contentType(mediaType).body("{}")
                        .post(fhir).then().statusCode(415).contentType("application/fhir+json")
                        .body("resourceType", equalTo("OperationOutcome"));
            }
        }
    }
}

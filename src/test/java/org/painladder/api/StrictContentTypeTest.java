package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
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

    /** RFC 9110 §5.6.6 allows whitespace around the ';' of a media type's parameters. */
    @Test
    void aCharsetAfterWhitespaceIsTheSameMediaType() throws Exception {
        for (String mediaType : new String[] {"application/json ; charset=UTF-8", "application/json;charset=utf-8",
                "application/json\t;  charset=\"utf-8\""}) {
            String mrn = ApiFixtures.anyMrn();
            HttpResponse<String> answer = send("POST", "/api/v1/patients", mediaType, null,
                    HttpRequest.BodyPublishers.ofString(ApiFixtures.patientJson(mrn)));
            assertEquals(201, answer.statusCode(), mediaType + ": " + answer.body());
            as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().body("total", equalTo(1));
        }
    }

    /** The service reads no compressed body: 415 as RFC 9110 §15.5.16 says, naming the encoding it takes. */
    @Test
    void aCompressedBodyIs415AndStoresNothing() throws Exception {
        String mrn = ApiFixtures.anyMrn();
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(ApiFixtures.patientJson(mrn).getBytes(StandardCharsets.UTF_8));
        }
        for (String encoding : new String[] {"gzip", "deflate", "br", "GZIP"}) {
            HttpResponse<String> answer = send("POST", "/api/v1/patients", "application/json", encoding,
                    HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray()));
            assertEquals(415, answer.statusCode(), encoding + ": " + answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
            assertEquals("identity", answer.headers().firstValue("Accept-Encoding").orElse(null));
            assertEquals("Content-Encoding not supported: send the body uncompressed",
                    JsonPath.from(answer.body()).getString("detail"));
        }
        HttpResponse<String> fhir = send("POST", "/fhir/r4/Observation", "application/fhir+json", "gzip",
                HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray()));
        assertEquals(415, fhir.statusCode(), fhir.body());
        assertEquals("OperationOutcome", JsonPath.from(fhir.body()).getString("resourceType"));
        as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().body("total", equalTo(0));

        HttpResponse<String> identity = send("POST", "/api/v1/patients", "application/json", "identity",
                HttpRequest.BodyPublishers.ofString(ApiFixtures.patientJson(mrn)));
        assertEquals(201, identity.statusCode(), identity.body());
    }

    private HttpResponse<String> send(String method, String path, String mediaType, String encoding,
                                      HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", TestTokens.bearer("admin")).header("Content-Type", mediaType)
                .method(method, body);
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

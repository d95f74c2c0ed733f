package org.painladder.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.patientJson;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * JSON is UTF-8 (RFC 8259 §8.1): a body whose bytes are not is refused before anything reads it, rather than decoded
 * leniently into other text (the overlong C0 AF read as "/"), and a body declared in another charset is 415.
 */
@QuarkusTest
class StrictInputEncodingTest {

    /** Malformed UTF-8 of every kind a decoder could let through, each placed inside a JSON string. */
    private static final Map<String, byte[]> NOT_UTF8 = Map.of(
            "overlong '/'", bytes(0xC0, 0xAF),
            "overlong three-byte '/'", bytes(0xE0, 0x80, 0xAF),
            "lone continuation byte", bytes(0x80),
            "truncated sequence", bytes(0xE2, 0x82),
            "encoded surrogate", bytes(0xED, 0xA0, 0x80),
            "above U+10FFFF", bytes(0xF4, 0x90, 0x80, 0x80),
            "byte that never occurs in UTF-8", bytes(0xF8, 0x88, 0x80, 0x80, 0x80));

    @TestHTTPResource("/")
    URI base;

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** The text with {@code @} replaced by the raw bytes. */
    private static byte[] withBytes(String text, byte[] raw) {
        int at = text.indexOf('@');
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(raw);
        body.writeBytes(text.substring(at + 1).getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<String> post(String path, String role, String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", TestTokens.bearer(role)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int patientsWithMrn(String mrn) {
        return as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void anOverlongSlashInAnMrnIs400AndNoPatientIsStored() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> answer = post("/api/v1/patients", "ehr", "application/json",
                withBytes(patientJson("CT-@" + suffix), bytes(0xC0, 0xAF)));

        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonPath problem = JsonPath.from(answer.body());
        assertTrue(problem.getString("detail").contains("not valid UTF-8"), answer.body());
        assertEquals(0, patientsWithMrn("CT-/" + suffix));
    }

    @Test
    void everyKindOfMalformedUtf8Is400() throws Exception {
        for (Map.Entry<String, byte[]> malformed : NOT_UTF8.entrySet()) {
            String mrn = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> answer = post("/api/v1/patients", "ehr", "application/json",
                    withBytes(patientJson(mrn + "@"), malformed.getValue()));
            assertEquals(400, answer.statusCode(), malformed.getKey() + ": " + answer.body());
            assertTrue(answer.body().contains("not valid UTF-8"), malformed.getKey() + ": " + answer.body());
            assertEquals(0, patientsWithMrn(mrn), malformed.getKey());
        }
    }

    @Test
    void aBodyInUtf16Is400ThoughAJsonParserWouldGuessItsEncoding() throws Exception {
        String mrn = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> answer = post("/api/v1/patients", "ehr", "application/json",
                patientJson(mrn).getBytes(StandardCharsets.UTF_16LE));

        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("not valid UTF-8"), answer.body());
        assertEquals(0, patientsWithMrn(mrn));
    }

    @Test
    void aFhirObservationInMalformedUtf8IsA400OperationOutcomeAndStoresNothing() throws Exception {
        String patientId = registeredPatient();
        String observation = """
                { "resourceType": "Observation", "status": "final",
                  "identifier": [ { "system": "urn:ehr:obs", "value": "obs-@" } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                  "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "%s", "valueInteger": 4 }
                """.formatted(patientId, Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));

        HttpResponse<String> answer = post("/fhir/r4/Observation", "ehr", "application/fhir+json",
                withBytes(observation, bytes(0xC0, 0xAF)));

        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("application/fhir+json", answer.headers().firstValue("Content-Type").orElse("")
                .replaceAll(";.*", ""));
        assertEquals("OperationOutcome", JsonPath.from(answer.body()).getString("resourceType"));
        assertTrue(answer.body().contains("not valid UTF-8"), answer.body());
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
    }

    @Test
    void aCdsHooksRequestInMalformedUtf8Is400() throws Exception {
        String patientId = registeredPatient();
        HttpResponse<String> answer = post("/cds-services/painladder-patient-view", "ehr", "application/json",
                withBytes("""
                        { "hook": "patient-view", "hookInstance": "@",
                          "context": { "userId": "Practitioner/example", "patientId": "%s" } }
                        """.formatted(patientId), bytes(0xED, 0xA0, 0x80)));

        assertEquals(400, answer.statusCode(), answer.body());
        assertEquals("malformed-request", JsonPath.from(answer.body()).getString("type").replaceAll(".*/", ""));
        assertTrue(answer.body().contains("not valid UTF-8"), answer.body());
    }

    @Test
    void aBodyDeclaredInAnotherCharsetIs415AndStoresNothing() throws Exception {
        String mrn = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
        for (String contentType : new String[] {"application/json; charset=ISO-8859-1",
                "application/json;charset=windows-1252", "application/json; charset=UTF-16"}) {
            HttpResponse<String> answer = post("/api/v1/patients", "ehr", contentType,
                    patientJson(mrn).getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(415, answer.statusCode(), contentType + ": " + answer.body());
            assertTrue(answer.body().contains("UTF-8"), answer.body());
        }
        assertEquals(0, patientsWithMrn(mrn));

        HttpResponse<String> fhir = post("/fhir/r4/Observation", "ehr", "application/fhir+json; charset=latin1",
                "{ \"resourceType\": \"Observation\" }".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(415, fhir.statusCode(), fhir.body());
        assertEquals("OperationOutcome", JsonPath.from(fhir.body()).getString("resourceType"));
    }

    @Test
    void utf8TextInAnyCaseOfTheCharsetIsAccepted() throws Exception {
        for (String contentType : new String[] {"application/json; charset=utf-8", "application/json; charset=UTF-8",
                "application/json"}) {
            String mrn = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> answer = post("/api/v1/patients", "ehr", contentType,
                    patientJson(mrn).getBytes(StandardCharsets.UTF_8));
            assertEquals(201, answer.statusCode(), contentType + ": " + answer.body());
        }
        String patientId = registeredPatient();
        as("clinician").body("""
                { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6 } ],
                  "reason": "Titration nach Rücksprache — 😀" }""")
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
        as("clinician").get("/api/v1/patients/" + patientId + "/regimen").then()
                .body("reason", containsString("Rücksprache — 😀"));
    }

    @Test
    void aLoneSurrogateEscapeIs400NamingItsFieldAndStoresNothing() {
        String patientId = registeredPatient();
        as("clinician").body("""
                { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6 } ],
                  "reason": "titrated \\ud800 today" }""")
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"), "detail", containsString("lone surrogate"));
        as("clinician").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(404);
    }
}

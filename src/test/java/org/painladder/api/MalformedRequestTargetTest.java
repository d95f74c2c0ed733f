package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.patientJson;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A request target that is not a URI (RFC 3986: a raw {@code |}, {@code {}, {@code ^}, backslash, control or
 * non-ASCII byte, or a {@code %} without two hex digits) is refused at the edge with 400 and a body that names the
 * problem, like every other error, never a bare 400 from the HTTP layer. Written byte for byte on a socket: HTTP
 * client libraries encode these characters themselves.
 */
@QuarkusTest
class MalformedRequestTargetTest {

    private static final String PATIENTS = "/api/v1/patients?mrn=";

    /** Each malformed target, and what its problem's detail says about it. */
    private static Map<String, String> malformedTargets() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(PATIENTS + "a|b", "\"|\"");
        targets.put(PATIENTS + "%zz", "%");
        targets.put(PATIENTS + "%", "%");
        targets.put(PATIENTS + "a%4", "%");
        targets.put(PATIENTS + "{a}", "\"{\"");
        targets.put(PATIENTS + "a^b", "\"^\"");
        targets.put(PATIENTS + "a\\b", "\"\\\"");
        targets.put(PATIENTS + "a\u0001b", "byte 0x01");
        targets.put(PATIENTS + "a\u007fb", "byte 0x7F");
        targets.put(PATIENTS + "\u00e9", "byte 0xE9");
        targets.put(PATIENTS + "a#b", "\"#\"");
        targets.put("/api/v1/pat%zzients", "%");
        targets.put("/api/v1/patients/a|b", "\"|\"");
        targets.put("/api/v1/patients/a`b", "\"`\"");
        return targets;
    }

    @Test
    void aMalformedRequestTargetIs400ProblemNamingWhatIsWrong() throws IOException {
        for (Map.Entry<String, String> target : malformedTargets().entrySet()) {
            RawRequests.Answer answer = RawRequests.send("GET", target.getKey());
            String what = target.getKey() + " -> " + answer.status() + " " + answer.headers() + "\n" + answer.body();
            assertEquals(400, answer.status(), what);
            assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"), what);
            assertNotNull(answer.header("X-Correlation-Id"), what);
            JsonPath problem = JsonPath.from(answer.body());
            assertEquals(400, problem.getInt("status"), what);
            assertEquals("https://painladder.org/problems/malformed-request", problem.getString("type"), what);
            assertEquals(answer.header("X-Correlation-Id"), problem.getString("correlationId"), what);
            assertTrue(problem.getString("detail").contains("request target"), what);
            assertTrue(problem.getString("detail").contains(target.getValue()), what);
        }
    }

    @Test
    void underFhirAMalformedTargetIs400OperationOutcome() throws IOException {
        RawRequests.Answer answer = RawRequests.send("GET",
                "/fhir/r4/Observation?subject=Patient/" + UUID.randomUUID() + "&code=http://loinc.org|72514-3");

        assertEquals(400, answer.status(), answer.headers());
        assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/fhir+json"), answer.headers());
        JsonPath outcome = JsonPath.from(answer.body());
        assertEquals("OperationOutcome", outcome.getString("resourceType"));
        assertTrue(answer.body().contains("\\\"|\\\"") || answer.body().contains("\"|\""), answer.body());
    }

    @Test
    void escapedCharactersPercentEncodedUtf8AndPlusStillReadAsBefore() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String mrn = "MRN:" + suffix + "/7";
        String patientId = as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(201)
                .extract().path("id");

        RawRequests.Answer escaped = RawRequests.send("GET", PATIENTS + "MRN%3A" + suffix + "%2F7");
        assertEquals(200, escaped.status(), escaped.body());
        assertEquals(patientId, JsonPath.from(escaped.body()).getString("items[0].id"));
        // Percent-encoded UTF-8 is decoded as UTF-8: the unknown parameter is named as sent.
        RawRequests.Answer utf8 = RawRequests.send("GET", "/api/v1/patients?d%C3%A9j%C3%A0%7Cvu=1");
        assertEquals(400, utf8.status(), utf8.body());
        assertTrue(JsonPath.from(utf8.body()).getString("detail").contains("Unknown query parameter d\u00e9j\u00e0|vu"),
                utf8.body());
        // A raw + in a query is a space (form encoding) and %2B a plus, as before: no such MRN, nothing refused.
        for (String plus : new String[] {"MRN+" + suffix, "MRN%2B" + suffix}) {
            RawRequests.Answer answer = RawRequests.send("GET", PATIENTS + plus);
            assertEquals(200, answer.status(), answer.body());
            assertEquals(0, JsonPath.from(answer.body()).getInt("total"), answer.body());
        }
        // Sub-delimiters, ':', '@', '/' and '?' are URI characters in a query: read, not refused.
        RawRequests.Answer subDelimiters = RawRequests.send("GET", PATIENTS + "a!$'()*,:@b/?c~&x=1");
        assertEquals(400, subDelimiters.status(), subDelimiters.body());
        assertTrue(subDelimiters.body().contains("Unknown query parameter x:"), subDelimiters.body());
    }

    @Test
    void aFhirTokenWithItsBarPercentEncodedIsASearchAsBefore() throws IOException {
        String patientId = ApiFixtures.registeredPatient();
        RawRequests.Answer answer = RawRequests.send("GET", ("/fhir/r4/Observation?subject=Patient%2F" + patientId
                + "&code=http%3A%2F%2Floinc.org%7C72514-3").getBytes(StandardCharsets.US_ASCII));

        assertEquals(200, answer.status(), answer.body());
        assertEquals("Bundle", JsonPath.from(answer.body()).getString("resourceType"));
        as("clinician").get("/api/v1/patients/" + patientId).then().statusCode(200).body("id", equalTo(patientId));
    }
}

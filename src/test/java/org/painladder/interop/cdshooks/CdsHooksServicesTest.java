package org.painladder.interop.cdshooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.patientJson;
import static org.painladder.interop.cdshooks.CdsCalls.call;
import static org.painladder.interop.cdshooks.CdsCalls.fixture;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.painladder.api.TestTokens;

/** Discovery, request checking, unknown patients, and the promise never to call the EHR's FHIR server. */
@QuarkusTest
@TestProfile(CdsClientsProfile.class)
class CdsHooksServicesTest {

    @Test
    void discoveryListsTheThreeServicesWithTheirHooksAndPrefetch() {
        given().header("Authorization", TestTokens.bearer("ehr")).get("/cds-services").then().statusCode(200)
                .body("services.id", contains("painladder-patient-view", "painladder-order-select",
                        "painladder-order-sign"))
                .body("services.hook", contains("patient-view", "order-select", "order-sign"))
                .body("services.title", not(hasItemNull()))
                .body("services.description", not(hasItemNull()))
                .body("services[0].prefetch", equalTo(Map.of("patient", "Patient/{{context.patientId}}")))
                .body("services[2].prefetch.patient", equalTo("Patient/{{context.patientId}}"))
                .body("services[2].prefetch.medications",
                        equalTo("MedicationRequest?patient={{context.patientId}}&status=active"))
                .body("services[1].prefetch.keySet()", containsInAnyOrder("patient", "medications"));
    }

    @Test
    void aHookInstanceThatIsNoUuidIsRefusedNamingIt() {
        String patientId = as("ehr").body(patientJson(anyMrn())).post("/api/v1/patients").then().statusCode(201)
                .extract().path("id");
        String good = CdsCalls.patientView(patientId);
        for (String hookInstance : new String[] {"\"not-a-uuid\"", "\"d1577c69dfbe44adba6d3e05e953b2ea\"",
                "\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea-1\"", "42"}) {
            call("painladder-patient-view", good.replaceFirst("\"hookInstance\": \"[^\"]+\"",
                    "\"hookInstance\": " + hookInstance)).statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("hookInstance"))
                    .body("violations[0].message", containsString("UUID"));
        }
        call("painladder-patient-view", good.replaceFirst("\"hookInstance\": \"[^\"]+\"",
                "\"hookInstance\": \"D1577C69-DFBE-44AD-BA6D-3E05E953B2EA\"")).statusCode(200);
    }

    @Test
    void malformedRequestsAreRefusedWith400NamingWhatIsWrong() {
        String patientId = as("ehr").body(patientJson(anyMrn())).post("/api/v1/patients").then().statusCode(201)
                .extract().path("id");
        String good = CdsCalls.patientView(patientId);
        Map<String, String> broken = Map.of(
                "hookInstance", good.replaceFirst("\"hookInstance\": \"[^\"]+\",", ""),
                "hook", good.replace("\"patient-view\"", "\"order-sign\""),
                "context", "{ \"hook\": \"patient-view\", \"hookInstance\": \"" + UUID.randomUUID() + "\" }",
                "context.patientId", good.replace("\"patientId\": \"" + patientId + "\"", "\"userId2\": \"x\""),
                "fhirServer", good.replace("\"context\"", "\"fhirAuthorization\": { \"access_token\": \"t\" },"
                        + " \"context\""));
        broken.forEach((field, body) -> call("painladder-patient-view", body).statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/malformed-request"))
                .body("violations[0].field", equalTo(field)));
        // Truncated JSON is refused by the strict-input pass before the hook is read, naming where it stopped.
        call("painladder-patient-view", "{ \"hook\": \"patient-view\", ").statusCode(400)
                .contentType("application/problem+json").body("type", endsWith("/malformed-request"));
        call("painladder-order-sign", good.replace("patient-view", "order-sign")).statusCode(400)
                .body("violations[0].field", equalTo("context.draftOrders"));
        call("painladder-order-sign", good.replace("patient-view", "order-sign").replace("\"userId\"",
                "\"draftOrders\": { \"resourceType\": \"Patient\" }, \"userId\"")).statusCode(400)
                .body("violations[0].field", equalTo("context.draftOrders"));
        call("painladder-no-such-service", good).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anUnknownPatientGetsNoCards() {
        call("painladder-patient-view", CdsCalls.patientView(UUID.randomUUID().toString())).statusCode(200)
                .body("cards", empty());
        call("painladder-patient-view", fixture("patient-view-request.json", Map.of("fhirServer",
                "https://ehr.example.org/fhir", "patientId", "1288992", "mrn", "MRN-NOBODY-HERE")))
                .statusCode(200).body("cards", empty());
        call("painladder-order-sign", fixture("order-sign-request.json", Map.of("fhirServer",
                "https://ehr.example.org/fhir", "patientId", "1288992", "mrn", "MRN-NOBODY-HERE")))
                .statusCode(200).body("cards", empty());
    }

    @Test
    void aPatientKnownByTheEhrsOwnIdIsFoundThroughTheMrnInThePrefetchedPatient() {
        String mrn = anyMrn();
        String patientId = as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(201)
                .extract().path("id");
        as("ehr").body(org.painladder.api.ApiFixtures.nrsJson("obs-cds-1", java.time.Instant.now().minusSeconds(60)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), 8))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
        call("painladder-patient-view", fixture("patient-view-request.json", Map.of("fhirServer",
                "https://ehr.example.org/fhir", "patientId", "1288992", "mrn", mrn)))
                .statusCode(200).body("cards", not(empty()))
                .body("cards[0].links[0].url", equalTo(CdsClientsProfile.PUBLIC_URL + "/ui/patients/" + patientId));
    }

    @Test
    void theCallersFhirServerIsNeverCalledNeitherOpenNorClosed() throws IOException {
        String mrn = anyMrn();
        String patientId = as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(201)
                .extract().path("id");
        try (ServerSocket fhirServer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String base = "http://127.0.0.1:" + fhirServer.getLocalPort() + "/fhir";
            call("painladder-patient-view", fixture("patient-view-request.json", Map.of("fhirServer", base,
                    "patientId", patientId, "mrn", mrn))).statusCode(200);
            call("painladder-order-sign", fixture("order-sign-request.json", Map.of("fhirServer", base,
                    "patientId", patientId, "mrn", mrn))).statusCode(200).body("cards", not(empty()));
            // Nothing connected: the server socket has no connection waiting to be accepted.
            fhirServer.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, fhirServer::accept);
        }
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        // A FHIR server that is down changes nothing either: the cards come from painladder's own data.
        call("painladder-order-sign", fixture("order-sign-request.json", Map.of("fhirServer",
                "http://127.0.0.1:" + closedPort + "/fhir", "patientId", patientId, "mrn", mrn))).statusCode(200)
                .body("cards", not(empty()));
    }

    private static org.hamcrest.Matcher<Iterable<? super Object>> hasItemNull() {
        return org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.nullValue());
    }
}

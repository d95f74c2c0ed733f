package org.painladder.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.painladder.api.TestTokens;
import org.painladder.app.SealingAuditTrail;

/**
 * The edge as an operator configures it: a small rate limit per caller, a small budget of failed authentications per
 * client address, one EHR origin allowed by CORS, and a trusted reverse proxy whose X-Forwarded-For tells clients
 * apart.
 */
@QuarkusTest
@TestProfile(ConfiguredEdgeTest.SmallBudgetOneOrigin.class)
class ConfiguredEdgeTest {

    @Inject
    RefusedRequests refusedRequests;
    @Inject
    SealingAuditTrail sealing;
    @Inject
    AgroalDataSource dataSource;

    static final String EHR_ORIGIN = "https://ehr.hospital.example";
    static final int FAILED_CALLS_BURST = 5;

    public static class SmallBudgetOneOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("painladder.security.rate-limit.requests-per-minute", "3",
                    "painladder.security.rate-limit.burst", "3",
                    "quarkus.http.cors.origins", EHR_ORIGIN,
                    "painladder.security.address-limit.requests-per-minute", "1",
                    "painladder.security.address-limit.burst", Integer.toString(FAILED_CALLS_BURST),
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Test
    void aCallerOverItsBudgetGets429WithRetryAfterWhileOthersGoOn() {
        String flooding = "Bearer " + TestTokens.forRole("clinician", "flooding.interface");
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", flooding).get("/api/v1/patients").then().statusCode(200);
        }
        String retryAfter = given().header("Authorization", flooding).get("/api/v1/patients").then()
                .statusCode(429).contentType("application/problem+json").body("type", endsWith("/too-many-requests"))
                .extract().header("Retry-After");
        assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 20, retryAfter);

        given().header("Authorization", "Bearer " + TestTokens.forRole("clinician", "quiet.interface"))
                .get("/api/v1/patients").then().statusCode(200);

        given().header("Authorization", flooding).get("/api/v1/patients").then().statusCode(429);
        refusedRequests.audit();
        sealing.sealPending();
        List<Map<String, Object>> refused = given().header("Authorization", TestTokens.bearer("auditor"))
                .queryParam("actor", "flooding.interface").get("/api/v1/audit-events").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.status == 429 }");
        assertEquals(1, refused.size(), "one event for the refused requests: " + refused);
        assertEquals(List.of("REQUEST", "DENIED", 2), List.of(refused.get(0).get("action"),
                refused.get(0).get("outcome"), refused.get(0).get("requests")));
    }

    @Test
    void theConfiguredOriginIsGrantedAndNoOtherIs() {
        given().header("Origin", EHR_ORIGIN).header("Access-Control-Request-Method", "POST")
                .options("/api/v1/patients").then().header("Access-Control-Allow-Origin", equalTo(EHR_ORIGIN));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/patients").then().statusCode(403).contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .body("detail", containsString("https://evil.example"));
        // The EHR's origin may call with the configured methods only.
        given().header("Origin", EHR_ORIGIN).delete("/api/v1/patients").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("DELETE"));
    }

    @Test
    void unauthenticatedCallsFromOneAddressGet429WithRetryAfterOnceItsBudgetIsSpent() {
        String flooder = "203.0.113.7";
        for (int i = 0; i < FAILED_CALLS_BURST; i++) {
            from(flooder).get("/api/v1/patients").then().statusCode(401);
        }
        String retryAfter = from(flooder).get("/api/v1/patients").then().statusCode(429)
                .contentType("application/problem+json").body("type", endsWith("/too-many-requests"))
                .extract().header("Retry-After");
        assertTrue(Integer.parseInt(retryAfter) >= 1 && Integer.parseInt(retryAfter) <= 60, retryAfter);

        // Refused before verification: even a valid token from that address waits, and no signature is checked.
        from(flooder).header("Authorization", TestTokens.bearer("clinician")).get("/api/v1/patients")
                .then().statusCode(429);
        // Other addresses, and authenticated callers who never failed, go on.
        from("203.0.113.8").get("/api/v1/patients").then().statusCode(401);
        as("clinician").get("/api/v1/patients").then().statusCode(200);
    }

    @Test
    void aRefusedFloodIsAuditedAsOneEventWithItsCount() throws SQLException {
        String flooder = "198.51.100.23";
        refusedRequests.audit();
        long rowsBefore = auditRows();
        int refused = 0;
        for (int i = 0; i < 200 + FAILED_CALLS_BURST; i++) {
            Response response = from(flooder).header("Authorization", "Bearer not-a-token").get("/api/v1/patients");
            refused += response.statusCode() == 429 ? 1 : 0;
        }
        assertEquals(200, refused, "the first " + FAILED_CALLS_BURST + " are answered 401, the rest refused");
        refusedRequests.audit();
        sealing.sealPending();

        assertEquals(FAILED_CALLS_BURST + 1, auditRows() - rowsBefore,
                "one row per 401, one for the whole refused flood");
        String auditor = "Bearer " + TestTokens.forRole("auditor", "auditor.of.floods");
        List<Map<String, Object>> flood = given().header("Authorization", auditor).queryParam("actor", "anonymous")
                .queryParam("size", 100).get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.client == '" + flooder + "' && it.status == 429 }");
        assertEquals(1, flood.size(), flood.toString());
        assertEquals(List.of("REQUEST", "DENIED", 200), List.of(flood.get(0).get("action"), flood.get(0).get("outcome"),
                flood.get(0).get("requests")));
        given().header("Authorization", auditor).get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(true));
    }

    private static io.restassured.specification.RequestSpecification from(String address) {
        return given().header("X-Forwarded-For", address);
    }

    private long auditRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM audit_event");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}

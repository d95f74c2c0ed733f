package org.painladder.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
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
 * A flood of unauthenticated requests from one address meets a limit before any token is verified, and is written to
 * the audit trail as one event per address per window with its count, not one row per request. Clients are told
 * apart by X-Forwarded-For here, as behind the reverse proxy this profile trusts.
 */
@QuarkusTest
@TestProfile(AddressLimitTest.FewFailedCallsPerAddress.class)
class AddressLimitTest {

    static final int BURST = 5;

    public static class FewFailedCallsPerAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("painladder.security.address-limit.requests-per-minute", "1",
                    "painladder.security.address-limit.burst", Integer.toString(BURST),
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AddressLimit addressLimit;
    @Inject
    SealingAuditTrail sealing;

    @Test
    void unauthenticatedCallsFromOneAddressGet429WithRetryAfterOnceItsBudgetIsSpent() {
        String flooder = "203.0.113.7";
        for (int i = 0; i < BURST; i++) {
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
        addressLimit.auditRefusals();
        long rowsBefore = auditRows();
        int refused = 0;
        for (int i = 0; i < 200 + BURST; i++) {
            Response response = from(flooder).header("Authorization", "Bearer not-a-token").get("/api/v1/patients");
            refused += response.statusCode() == 429 ? 1 : 0;
        }
        assertEquals(200, refused, "the first " + BURST + " are answered 401, the rest refused");
        addressLimit.auditRefusals();
        sealing.sealPending();

        assertEquals(BURST + 1, auditRows() - rowsBefore, "one row per 401, one for the whole refused flood");
        List<Map<String, Object>> flood = as("auditor").queryParam("actor", "anonymous").queryParam("size", 100)
                .get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.client == '" + flooder + "' && it.status == 429 }");
        assertEquals(1, flood.size(), flood.toString());
        assertEquals(List.of("REQUEST", "DENIED", 200), List.of(flood.get(0).get("action"), flood.get(0).get("outcome"),
                flood.get(0).get("requests")));
        as("auditor").get("/api/v1/audit-events/verify").then().statusCode(200).body("intact", equalTo(true));
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

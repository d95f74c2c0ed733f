package org.painladder.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.security.TokenRejectionTest.rs256;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.api.TestTokens;

/**
 * A validly signed token whose identity does not fit the audit trail (actor and client 256 characters, roles 128,
 * no control or invisible formatting character that would make one actor read as another) cannot be used: it is refused with 401 like any invalid token, and the refused request is audited as anonymous,
 * never answered 500 with no trace.
 */
@QuarkusTest
class UnrecordableIdentityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    static Stream<Arguments> unrecordable() {
        return Stream.of(
                Arguments.of("sub and upn of 257 characters", Map.of("sub", "u".repeat(257), "upn", "u".repeat(257))),
                Arguments.of("upn of 257 characters", Map.of("upn", "u".repeat(257))),
                Arguments.of("preferred_username of 257 characters, no upn",
                        Map.of("upn", "", "preferred_username", "p".repeat(257))),
                Arguments.of("azp of 257 characters", Map.of("azp", "c".repeat(257))),
                Arguments.of("client_id of 257 characters", Map.of("client_id", "c".repeat(257))),
                Arguments.of("azp not a string", Map.of("azp", Map.of("name", "c".repeat(300)))),
                Arguments.of("upn with a NUL", Map.of("upn", "dr.a\u0000b")),
                Arguments.of("sub and upn with a right-to-left override",
                        Map.of("sub", "\u202eadmin", "upn", "\u202eadmin")),
                Arguments.of("preferred_username with a zero-width space, no upn",
                        Map.of("upn", "", "preferred_username", "dr.lee\u200b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unrecordable")
    void aTokenWhoseIdentityCannotBeAuditedIsRefusedAndTheRefusalIsAudited(String why, Map<String, Object> claims)
            throws SQLException {
        String correlationId = "unrecordable-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer " + token(claims)).header("X-Correlation-Id", correlationId)
                .get("/api/v1/formulary")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", endsWith("/unauthenticated"))
                .body("correlationId", equalTo(correlationId));

        assertEquals(List.of(List.of("anonymous", "DENIED", 401)), eventsWith(correlationId));
    }

    @Test
    void identitiesOfTheLongestRecordableLengthGetInAndAreAuditedInFull() throws SQLException {
        String correlationId = "recordable-" + UUID.randomUUID().toString().substring(0, 8);
        String subject = "u".repeat(256);
        given().header("Authorization", "Bearer " + token(Map.of("sub", subject, "upn", subject,
                        "azp", "c".repeat(256), "groups", List.of("ehr", "g".repeat(124)))))
                .header("X-Correlation-Id", correlationId)
                .get("/api/v1/formulary").then().statusCode(200);

        assertEquals(List.of(List.of(subject, "SUCCESS", 200)), eventsWith(correlationId));
    }

    @Test
    void aDirectoryWithManyGroupsIsServedAndOnlyTheServicesRolesAreAudited() throws SQLException {
        String correlationId = "many-groups-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> groups = new ArrayList<>(List.of("ehr"));
        for (int i = 0; i < 30; i++) {
            groups.add("hospital-directory-group-" + UUID.randomUUID());
        }
        given().header("Authorization", "Bearer " + token(Map.of("groups", groups)))
                .header("X-Correlation-Id", correlationId)
                .get("/api/v1/formulary").then().statusCode(200);

        assertEquals(List.of(List.of("test.ehr", "SUCCESS", 200)), eventsWith(correlationId));
        assertEquals("ehr", column("role", correlationId));
    }

    @Test
    void aPathValueLongerThanTheAuditedResourceIdIsAnsweredAndAudited() throws SQLException {
        String correlationId = "long-id-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", TestTokens.bearer("clinician")).header("X-Correlation-Id", correlationId)
                .get("/api/v1/patients/" + "p".repeat(300))
                .then().statusCode(404).contentType("application/problem+json");

        assertEquals(List.of(List.of("test.clinician", "FAILED", 404)), eventsWith(correlationId));
        assertEquals("p".repeat(127) + "\u2026", column("resource_id", correlationId),
                "its beginning, marked as cut");
    }

    /** A good ehr token's claims with the given ones replaced. */
    private static String token(Map<String, Object> replaced) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TestTokens.ISSUER);
        claims.put("aud", TestTokens.AUDIENCE);
        claims.put("sub", "test.ehr");
        claims.put("upn", "test.ehr");
        claims.put("groups", List.of("ehr"));
        claims.put("iat", now);
        claims.put("exp", now + 600);
        claims.putAll(replaced);
        claims.values().removeIf(""::equals);
        try {
            return rs256(JSON.writeValueAsString(claims), TestTokens.privateKey());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** @param name a column of audit_event, from this class's own code only */
    private String column(String name, String correlationId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + name + " FROM audit_event WHERE correlation_id = ?")) {
            select.setString(1, correlationId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private List<List<Object>> eventsWith(String correlationId) throws SQLException {
        List<List<Object>> events = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT actor, outcome, status FROM audit_event WHERE correlation_id = ?")) {
            select.setString(1, correlationId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(List.of(row.getString(1), row.getString(2), row.getInt(3)));
                }
            }
        }
        assertTrue(events.size() <= 1, events.toString());
        return events;
    }
}

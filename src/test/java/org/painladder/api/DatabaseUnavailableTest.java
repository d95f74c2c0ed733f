package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The service with its database out of reach (a database URL nobody listens on): readiness is DOWN so a load
 * balancer stops sending, liveness stays UP so nothing restarts a healthy process, and every API request answers
 * 503 problem+json with Retry-After instead of a 500 or a hang.
 */
@QuarkusTest
@TestProfile(DatabaseUnavailableTest.DatabaseUnreachable.class)
class DatabaseUnavailableTest {

    public static class DatabaseUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 refuses connections; the %pg keys serve the PostgreSQL run of the suite (.ci/run).
            return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:tcp://127.0.0.1:1/unreachable",
                    "%pg.quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/unreachable",
                    "quarkus.flyway.migrate-at-start", "false",
                    "%pg.quarkus.flyway.clean-at-start", "false");
        }
    }

    @Test
    void readinessIsDownAndLivenessUp() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void aRegistrationAnswers503ProblemWithRetryAfter() {
        given().header("Authorization", TestTokens.bearer("ehr")).contentType("application/json")
                .body("{\"mrn\":\"MRN-DB-DOWN-1\",\"birthYear\":1960}")
                .post("/api/v1/patients")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", endsWith("/service-unavailable"))
                .body("status", equalTo(503));
    }

    @Test
    void aReadAnswers503ProblemWithRetryAfter() {
        given().header("Authorization", TestTokens.bearer("clinician"))
                .get("/api/v1/patients")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", endsWith("/service-unavailable"));
    }
}

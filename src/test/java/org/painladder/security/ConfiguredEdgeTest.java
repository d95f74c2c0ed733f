package org.painladder.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.painladder.api.TestTokens;

/** The edge as an operator configures it: a small rate limit per caller and one EHR origin allowed by CORS. */
@QuarkusTest
@TestProfile(ConfiguredEdgeTest.SmallBudgetOneOrigin.class)
class ConfiguredEdgeTest {

    static final String EHR_ORIGIN = "https://ehr.hospital.example";

    public static class SmallBudgetOneOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("painladder.security.rate-limit.requests-per-minute", "3",
                    "painladder.security.rate-limit.burst", "3",
                    "quarkus.http.cors.origins", EHR_ORIGIN);
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
    }

    @Test
    void theConfiguredOriginIsGrantedAndNoOtherIs() {
        given().header("Origin", EHR_ORIGIN).header("Access-Control-Request-Method", "POST")
                .options("/api/v1/patients").then().header("Access-Control-Allow-Origin", equalTo(EHR_ORIGIN));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/patients").then().header("Access-Control-Allow-Origin", nullValue());
    }
}

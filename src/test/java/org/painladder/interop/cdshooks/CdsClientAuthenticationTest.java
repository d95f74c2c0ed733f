package org.painladder.interop.cdshooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.interop.cdshooks.CdsClientKeyPairs.claims;
import static org.painladder.interop.cdshooks.CdsClientKeyPairs.key;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.painladder.api.TestTokens;

/**
 * CDS Hooks 2.0 client authentication with real signed tokens: the allow-listed EHRs' keys (a PEM and a JWKS), the
 * audience, the 5-minute lifetime, single use of each jti, and the API's own tokens beside them.
 */
@QuarkusTest
@TestProfile(CdsClientsProfile.class)
class CdsClientAuthenticationTest {

    private static final String SERVICE = "/painladder-patient-view";
    private static final String MAIN = CdsClientsProfile.PEM_CLIENT;
    private static final String AUDIENCE = CdsClientsProfile.AUDIENCE + SERVICE;

    @Inject
    EntityManager entityManager;

    @Test
    void aTokenFromAnAllowListedEhrIsAcceptedWithTheEhrRole() {
        call(CdsClientKeyPairs.token(SERVICE)).statusCode(200);
        // The configured audience alone (the service's base URL) is accepted too.
        call(claims(MAIN, CdsClientsProfile.AUDIENCE, Instant.now(), 300, UUID.randomUUID().toString()).jws()
                .algorithm(SignatureAlgorithm.RS256).sign(key(CdsClientKeyPairs.PEM_PRIVATE))).statusCode(200);
        call(claims(CdsClientsProfile.JWKS_CLIENT, AUDIENCE, Instant.now(), 300, UUID.randomUUID().toString()).jws()
                .keyId("other-ehr-1").algorithm(SignatureAlgorithm.RS384).sign(key(CdsClientKeyPairs.JWKS_PRIVATE)))
                .statusCode(200);
    }

    @Test
    void theAuditTrailTellsTwoEhrsWithTheSameSubApartByTheirIssuer() {
        String patientId = given().header("Authorization", TestTokens.bearer("ehr")).contentType(ContentType.JSON)
                .body(org.painladder.api.ApiFixtures.patientJson(org.painladder.api.ApiFixtures.anyMrn()))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        // Both EHRs' CDS clients call themselves "ehr-cds-client" (the sub): only the issuer tells them apart.
        for (String token : new String[] {CdsClientKeyPairs.token(SERVICE),
                claims(CdsClientsProfile.JWKS_CLIENT, AUDIENCE, Instant.now(), 300, UUID.randomUUID().toString())
                        .jws().keyId("other-ehr-1").sign(key(CdsClientKeyPairs.JWKS_PRIVATE))}) {
            given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(CdsCalls.patientView(patientId)).post("/cds-services" + SERVICE).then().statusCode(200);
        }
        given().header("Authorization", TestTokens.bearer("auditor")).queryParam("actor", "ehr-cds-client")
                .queryParam("patientId", patientId).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.client", containsInAnyOrder(MAIN, CdsClientsProfile.JWKS_CLIENT));
    }

    @Test
    void theApisOwnTokensAreAcceptedToo() {
        given().header("Authorization", TestTokens.bearer("ehr")).contentType(ContentType.JSON)
                .body(CdsCalls.patientView(UUID.randomUUID().toString())).post("/cds-services" + SERVICE)
                .then().statusCode(200);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        refused(claims(MAIN, AUDIENCE, Instant.now(), 300, UUID.randomUUID().toString()).jws()
                .algorithm(SignatureAlgorithm.RS384).sign(key(CdsClientKeyPairs.STRANGER_PRIVATE)));
        refused(claims(CdsClientsProfile.JWKS_CLIENT, AUDIENCE, Instant.now(), 300, UUID.randomUUID().toString())
                .jws().keyId("other-ehr-1").sign(key(CdsClientKeyPairs.PEM_PRIVATE)));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(claims(MAIN, "https://another-service.example.org/cds-services" + SERVICE, Instant.now(), 300,
                UUID.randomUUID().toString()).jws().sign(key(CdsClientKeyPairs.PEM_PRIVATE)));
    }

    @Test
    void anExpiredTokenAndOneLivingLongerThanFiveMinutesAreRefused() {
        refused(claims(MAIN, AUDIENCE, Instant.now().minusSeconds(600), 300, UUID.randomUUID().toString()).jws()
                .sign(key(CdsClientKeyPairs.PEM_PRIVATE)));
        refused(claims(MAIN, AUDIENCE, Instant.now(), 301, UUID.randomUUID().toString()).jws()
                .sign(key(CdsClientKeyPairs.PEM_PRIVATE)));
    }

    @Test
    void aReplayedJtiIsRefusedAndTheJtiIsKeptInTheDatabase() {
        String jti = UUID.randomUUID().toString();
        String token = claims(MAIN, AUDIENCE, Instant.now(), 300, jti).jws().sign(key(CdsClientKeyPairs.PEM_PRIVATE));
        call(token).statusCode(200);
        refused(token);
        assertEquals(1L, ((Number) entityManager.createNativeQuery(
                "SELECT COUNT(*) FROM cds_client_token_id WHERE issuer = ?1 AND jti = ?2")
                .setParameter(1, MAIN).setParameter(2, jti).getSingleResult()).longValue());
    }

    @Test
    void aTokenFromAnIssuerNobodyAllowListedIsRefused() {
        refused(claims("https://unknown-ehr.example.org", AUDIENCE, Instant.now(), 300, UUID.randomUUID().toString())
                .jws().sign(key(CdsClientKeyPairs.STRANGER_PRIVATE)));
    }

    @Test
    void aCdsClientTokenOpensOnlyTheCdsServices() {
        given().header("Authorization", "Bearer " + CdsClientKeyPairs.token(SERVICE)).get("/api/v1/formulary")
                .then().statusCode(401);
    }

    private static ValidatableResponse call(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(CdsCalls.patientView(UUID.randomUUID().toString())).post("/cds-services" + SERVICE).then();
    }

    private static void refused(String token) {
        call(token).statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer")).body("type", endsWith("/unauthenticated"));
    }
}

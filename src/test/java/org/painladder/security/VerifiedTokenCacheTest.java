package org.painladder.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.painladder.api.TestTokens;

/**
 * A verified token is remembered so that its signature is not checked on every request (issue 14), but the cache never
 * lets through what verification would refuse: a token past its expiry, a changed token, or a token checked against
 * other verification settings is verified again in full.
 */
@QuarkusTest
class VerifiedTokenCacheTest {

    @Inject
    CheckedTokenClaims tokens;
    @Inject
    JWTAuthContextInfo verification;

    @Test
    void aTokenSentAgainIsNotVerifiedAgain() throws ParseException {
        String token = TestTokens.forRole("ehr");
        JWTCallerPrincipal first = tokens.parse(token, verification);
        assertSame(first, tokens.parse(token, verification));
    }

    @Test
    void aRememberedTokenIsVerifiedAgainOnceItExpires() throws Exception {
        long now = Instant.now().getEpochSecond();
        String token = TokenRejectionTest.rs256(TokenRejectionTest.claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now,
                now + 1, null), TestTokens.privateKey());
        JWTCallerPrincipal first = tokens.parse(token, verification);
        while (Instant.now().getEpochSecond() <= now + 1) {
            Thread.sleep(100);
        }
        // Within the clock skew SmallRye JWT still accepts it, but only after checking it again.
        assertNotSame(first, tokens.parse(token, verification));
    }

    @Test
    void aTokenVerifiedUnderOtherSettingsIsCheckedAgainstTheseOnes() throws ParseException {
        String token = TestTokens.forRole("ehr");
        tokens.parse(token, verification);
        JWTAuthContextInfo anotherService = new JWTAuthContextInfo(verification);
        anotherService.setExpectedAudience(Set.of("billing"));
        assertThrows(ParseException.class, () -> tokens.parse(token, anotherService));
    }

    @Test
    void aRememberedTokenWithItsSignatureChangedIsRefused() {
        String token = TestTokens.forRole("ehr");
        given().header("Authorization", "Bearer " + token).get("/api/v1/patients").then().statusCode(200);
        int changed = token.length() - 2;
        String forged = token.substring(0, changed) + (token.charAt(changed) == 'A' ? 'B' : 'A')
                + token.substring(changed + 1);
        given().header("Authorization", "Bearer " + forged).get("/api/v1/patients").then().statusCode(401);
    }
}

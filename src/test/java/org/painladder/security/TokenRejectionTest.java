package org.painladder.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.api.TestTokens;

/**
 * Real, signed tokens that must not get in: each is answered 401 problem+json with WWW-Authenticate, never 200 and
 * never 500. The tokens are built by hand so that each one differs from a good token in exactly one way.
 */
@QuarkusTest
class TokenRejectionTest {

    private static final String RS256 = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"dev\"}";

    static Stream<Arguments> badTokens() {
        long now = Instant.now().getEpochSecond();
        return Stream.of(
                bad("expired an hour ago", () -> rs256(claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now - 7200,
                        now - 3600, null), TestTokens.privateKey())),
                bad("not valid for another hour (nbf)", () -> rs256(claims(TestTokens.ISSUER, TestTokens.AUDIENCE,
                        now, now + 7200, now + 3600), TestTokens.privateKey())),
                bad("issued by someone else", () -> rs256(claims("https://idp.elsewhere.example", TestTokens.AUDIENCE,
                        now, now + 600, null), TestTokens.privateKey())),
                bad("meant for another service", () -> rs256(claims(TestTokens.ISSUER, "billing", now, now + 600,
                        null), TestTokens.privateKey())),
                bad("alg none, no signature", () -> base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                        + base64Url(claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now, now + 600, null)) + "."),
                bad("HS256 keyed with the public key (algorithm confusion)", () -> hs256WithPublicKey(
                        claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now, now + 600, null))),
                bad("payload changed after signing (ehr raised to admin)", () -> tampered(now)),
                bad("signed by an unknown key", () -> rs256(claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now,
                        now + 600, null), unknownKey())),
                bad("without an expiry", () -> rs256("{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\""
                        + TestTokens.AUDIENCE + "\",\"sub\":\"test.ehr\",\"upn\":\"test.ehr\",\"groups\":[\"admin\"],"
                        + "\"iat\":" + now + "}", TestTokens.privateKey())),
                bad("not a JWT at all", () -> "not-a-token"),
                bad("groups a string, not an array", () -> rs256(withClaim(now, "groups", "\"admin\""),
                        TestTokens.privateKey())),
                bad("groups a number", () -> rs256(withClaim(now, "groups", "42"), TestTokens.privateKey())),
                bad("groups an object", () -> rs256(withClaim(now, "groups", "{\"role\":\"admin\"}"),
                        TestTokens.privateKey())),
                bad("groups an array holding a number", () -> rs256(withClaim(now, "groups", "[\"ehr\",7]"),
                        TestTokens.privateKey())),
                bad("an empty sub", () -> rs256(withClaim(now, "sub", "\"\""), TestTokens.privateKey())),
                bad("a blank sub", () -> rs256(withClaim(now, "sub", "\"  \""), TestTokens.privateKey())),
                bad("issued a year from now", () -> rs256(claims(TestTokens.ISSUER, TestTokens.AUDIENCE,
                        now + 365L * 86_400, now + 365L * 86_400 + 600, null), TestTokens.privateKey())),
                bad("issued ten minutes from now, past the clock skew", () -> rs256(claims(TestTokens.ISSUER,
                        TestTokens.AUDIENCE, now + 600, now + 1200, null), TestTokens.privateKey())),
                bad("valid for ten years", () -> rs256(claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now,
                        now + 10L * 365 * 86_400, null), TestTokens.privateKey())),
                bad("valid for 12 h and one second", () -> rs256(claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now,
                        now + 12 * 3600 + 1, null), TestTokens.privateKey())),
                bad("without an issue time, so its lifetime is unknown", () -> rs256(claims(TestTokens.ISSUER,
                        TestTokens.AUDIENCE, now, now + 600, null).replace("\"iat\":" + now + ",", ""),
                        TestTokens.privateKey())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenIsRefusedWith401(String why, Supplier<String> token) {
        given().header("Authorization", "Bearer " + token.get()).get("/api/v1/patients")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", endsWith("/unauthenticated"));
    }

    @Test
    void theSameClaimsSignedProperlyGetIn() {
        long now = Instant.now().getEpochSecond();
        given().header("Authorization", "Bearer " + rs256(claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now, now + 600,
                null), TestTokens.privateKey())).get("/api/v1/patients").then().statusCode(200);
    }

    @Test
    void aTokenOfTheLongestAllowedLifetimeIssuedWithinTheSkewGetsIn() {
        long now = Instant.now().getEpochSecond();
        given().header("Authorization", "Bearer " + rs256(claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now + 30,
                now + 30 + 12 * 3600, null), TestTokens.privateKey())).get("/api/v1/patients").then().statusCode(200);
    }

    private static Arguments bad(String why, Supplier<String> token) {
        return Arguments.of(why, token);
    }

    static String claims(String issuer, String audience, long issuedAt, long expiresAt, Long notBefore) {
        return "{\"iss\":\"" + issuer + "\",\"aud\":\"" + audience + "\",\"sub\":\"test.ehr\",\"upn\":\"test.ehr\","
                + "\"groups\":[\"ehr\"],\"iat\":" + issuedAt + ",\"exp\":" + expiresAt
                + (notBefore == null ? "" : ",\"nbf\":" + notBefore) + "}";
    }

    /** A good token's claims with one claim replaced by the given JSON value. */
    private static String withClaim(long now, String name, String json) {
        return claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now, now + 600, null)
                .replaceFirst("\"" + name + "\":(\\[[^\\]]*\\]|\"[^\"]*\")",
                        Matcher.quoteReplacement("\"" + name + "\":" + json));
    }

    static String rs256(String claims, PrivateKey key) {
        String signingInput = base64Url(RS256) + "." + base64Url(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String hs256WithPublicKey(String claims) {
        String signingInput = base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"dev\"}") + "." + base64Url(claims);
        try {
            byte[] publicKey = Files.readAllBytes(Path.of("target/test-keys/public.pem"));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String tampered(long now) {
        String[] good = rs256(claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now, now + 600, null),
                TestTokens.privateKey()).split("\\.");
        String raised = claims(TestTokens.ISSUER, TestTokens.AUDIENCE, now, now + 600, null).replace("[\"ehr\"]",
                "[\"admin\"]");
        return good[0] + "." + base64Url(raised) + "." + good[2];
    }

    private static PrivateKey unknownKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

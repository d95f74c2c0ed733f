package org.painladder.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.painladder.domain.audit.Access;
import org.painladder.domain.digest.Sha256;

/**
 * The claims a signed token must carry beyond what SmallRye JWT checks (signature, issuer, audience, expiry): roles as
 * an array of strings, a non-blank subject, an issue time not in the future beyond the clock skew, and a lifetime of
 * at most {@code painladder.security.max-token-lifetime}, and an identity the audit trail can record in full (the
 * names that may become the actor and the client within their columns' lengths: a request that cannot be audited
 * must not be served; the trail keeps only the service's own roles, so a directory's other groups may be many). A token that breaks one is refused like any invalid token
 * (401), never read leniently (a string of groups taken as a role) and never left to fail later (a number of groups,
 * 500). The checks read the verified payload as the identity provider wrote it, before any claim is converted.
 * <p>
 * An EHR sends the same token with every request until it renews it, and verifying its RS256 signature took a fifth of
 * the JVM's CPU of a GET (issue 14). A token that passed every check is therefore remembered, by the SHA-256 of its
 * exact text and with the verification settings it passed under, for at most
 * {@code painladder.security.verified-token-cache.max-age} and never past its own {@code exp}; only tokens that passed
 * are remembered, so a refused one is checked in full each time.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CheckedTokenClaims extends DefaultJWTCallerPrincipalFactory {

    private static final Logger LOG = Logger.getLogger(CheckedTokenClaims.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration maxLifetime;
    private final Clock clock;
    private final Cache<String, VerifiedToken> verifiedTokens;

    CheckedTokenClaims(@ConfigProperty(name = "painladder.security.max-token-lifetime") Duration maxLifetime,
                       @ConfigProperty(name = "painladder.security.verified-token-cache.max-age") Duration cacheMaxAge,
                       @ConfigProperty(name = "painladder.security.verified-token-cache.max-size") long cacheMaxSize,
                       Clock clock) {
        this.maxLifetime = maxLifetime;
        this.clock = clock;
        this.verifiedTokens = cacheMaxAge.isZero() || cacheMaxSize == 0 ? null
                : Caffeine.newBuilder().maximumSize(cacheMaxSize).expireAfterWrite(cacheMaxAge).build();
    }

    /** A token that passed every check, with the settings it passed under and the second it expires. */
    private record VerifiedToken(JWTCallerPrincipal principal, JWTAuthContextInfo checkedUnder, long expiresAt) {
    }

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        if (verifiedTokens == null) {
            return verify(token, authContextInfo);
        }
        String key = Sha256.hex(token);
        VerifiedToken remembered = verifiedTokens.getIfPresent(key);
        if (remembered != null && remembered.checkedUnder() == authContextInfo
                && clock.instant().getEpochSecond() < remembered.expiresAt()) {
            return remembered.principal();
        }
        JWTCallerPrincipal verified = verify(token, authContextInfo);
        verifiedTokens.put(key, new VerifiedToken(verified, authContextInfo, verified.getExpirationTime()));
        return verified;
    }

    private JWTCallerPrincipal verify(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JWTCallerPrincipal verified;
        try {
            verified = super.parse(token, authContextInfo);
        } catch (RuntimeException malformedClaim) {
            throw refused("a claim has a type the token format does not allow");
        }
        check(payloadOf(verified.getRawToken()), authContextInfo.getClockSkew());
        return verified;
    }

    private void check(JsonNode claims, int clockSkewSeconds) throws ParseException {
        JsonNode groups = claims.path("groups");
        if (!groups.isArray()) {
            throw refused("groups must be an array of role names");
        }
        for (JsonNode group : groups) {
            if (!group.isTextual()) {
                throw refused("groups must hold role names only");
            }
        }
        JsonNode subject = claims.path("sub");
        if (!subject.isTextual() || subject.asText().isBlank()) {
            throw refused("sub must name the caller");
        }
        // SmallRye JWT names the principal by upn, else preferred_username, else sub; the client is azp, else client_id.
        for (String actorClaim : List.of("upn", "preferred_username", "sub")) {
            checkRecordable(claims, actorClaim, Access.ACTOR_LENGTH);
        }
        for (String clientClaim : List.of("azp", "client_id")) {
            checkRecordable(claims, clientClaim, Access.CLIENT_LENGTH);
        }
        JsonNode issuedAt = claims.path("iat");
        JsonNode expiresAt = claims.path("exp");
        if (!issuedAt.isIntegralNumber() || !expiresAt.isIntegralNumber()) {
            throw refused("iat and exp must be times in seconds");
        }
        if (issuedAt.asLong() > clock.instant().getEpochSecond() + clockSkewSeconds) {
            throw refused("issued in the future, beyond the tolerated clock skew");
        }
        if (expiresAt.asLong() - issuedAt.asLong() > maxLifetime.toSeconds()) {
            throw refused("valid for longer than " + maxLifetime);
        }
    }

    private static void checkRecordable(JsonNode claims, String name, int maxLength) throws ParseException {
        JsonNode value = claims.path(name);
        if (!value.isMissingNode() && !value.isNull()
                && (!value.isTextual() || value.asText().length() > maxLength)) {
            throw refused(name + " must be a string of at most " + maxLength + " characters");
        }
        if (value.isTextual() && value.asText().codePoints().anyMatch(CheckedTokenClaims::isInvisibleOrControl)) {
            // A right-to-left override or a zero-width space would make one actor read as another in the trail.
            throw refused(name + " must not hold control or invisible formatting characters");
        }
    }

    static boolean isInvisibleOrControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }

    private static JsonNode payloadOf(String rawToken) throws ParseException {
        String[] parts = rawToken.split("\\.");
        if (parts.length < 2) {
            throw refused("not a signed token");
        }
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException unreadable) {
            throw refused("its claims are not a JSON object");
        }
    }

    private static ParseException refused(String why) {
        // The reason helps whoever configures the identity provider; the token itself is never logged.
        LOG.debugf("Bearer token refused: %s", why);
        return new ParseException("Bearer token refused: " + why);
    }
}

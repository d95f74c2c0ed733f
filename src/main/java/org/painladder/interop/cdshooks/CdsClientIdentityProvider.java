package org.painladder.interop.cdshooks;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.painladder.persistence.CdsClientTokenIds;
import org.painladder.security.AuditTrail;
import org.painladder.security.Roles;

/**
 * Verifies a CDS client token as CDS Hooks 2.0 asks: signed (RS/ES 256–512) by the key allow-listed for its
 * {@code iss}; {@code aud} naming this service; {@code exp}, {@code iat}, {@code jti} and {@code sub} present, the token
 * not expired (60 s of clock skew) and living at most 5 minutes ({@code exp - iat}); its {@code jti} never seen before
 * on any replica. A trusted client acts with the {@code ehr} role, as its {@code sub}.
 */
@ApplicationScoped
public class CdsClientIdentityProvider implements IdentityProvider<CdsClientTokenRequest> {

    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    private static final int CLOCK_SKEW_SECONDS = 60;
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(CdsClientIdentityProvider.class);

    private final CdsClientKeys keys;
    private final CdsClientTokenIds tokenIds;
    private final Clock clock;
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    CdsClientIdentityProvider(CdsClientKeys keys, CdsClientTokenIds tokenIds, Clock clock) {
        this.keys = keys;
        this.tokenIds = tokenIds;
        this.clock = clock;
    }

    @Override
    public Class<CdsClientTokenRequest> getRequestType() {
        return CdsClientTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CdsClientTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> verify(request));
    }

    private SecurityIdentity verify(CdsClientTokenRequest request) {
        Instant now = clock.instant();
        JwtClaims claims;
        try {
            JwtConsumer consumer = new JwtConsumerBuilder()
                    .setRequireExpirationTime()
                    .setRequireIssuedAt()
                    .setRequireJwtId()
                    .setRequireSubject()
                    .setExpectedIssuer(request.issuer())
                    .setExpectedAudience(request.audiences().toArray(String[]::new))
                    .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                    .setEvaluationTime(NumericDate.fromMilliseconds(now.toEpochMilli()))
                    .setVerificationKeyResolver(keys.keysOf(request.issuer()))
                    .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                            AlgorithmIdentifiers.RSA_USING_SHA256, AlgorithmIdentifiers.RSA_USING_SHA384,
                            AlgorithmIdentifiers.RSA_USING_SHA512, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
                            AlgorithmIdentifiers.ECDSA_USING_P521_CURVE_AND_SHA512)
                    .build();
            claims = consumer.processToClaims(request.token());
            Instant issuedAt = Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            Instant expiresAt = Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            if (Duration.between(issuedAt, expiresAt).compareTo(MAX_LIFETIME) > 0) {
                throw refused("lives longer than 5 minutes (exp - iat)", request);
            }
            if (issuedAt.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) {
                throw refused("was issued in the future", request);
            }
            sweep(now);
            if (!tokenIds.firstUse(request.issuer(), claims.getJwtId(), expiresAt)) {
                throw refused("reuses a jti already seen", request);
            }
        } catch (InvalidJwtException | MalformedClaimException invalid) {
            throw refused("failed verification: " + invalid.getClass().getSimpleName(), request);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(request.token(), "JWT", claims))
                .addRole(Roles.EHR)
                .addAttribute(AuditTrail.CDS_CLIENT_ISSUER, request.issuer())
                .build();
    }

    /** Expired tokens are refused before their jti is looked at, so their ids need not be kept. */
    private void sweep(Instant now) {
        Instant last = lastSweep.get();
        if (last.plus(SWEEP_INTERVAL).isBefore(now) && lastSweep.compareAndSet(last, now)) {
            tokenIds.forgetExpiredBefore(now.minusSeconds(CLOCK_SKEW_SECONDS));
        }
    }

    private static AuthenticationFailedException refused(String why, CdsClientTokenRequest request) {
        // The issuer is configuration, not a secret; the token itself is never logged.
        LOG.debugf("CDS client token from %s refused: it %s", request.issuer(), why);
        return new AuthenticationFailedException("CDS client token refused");
    }
}

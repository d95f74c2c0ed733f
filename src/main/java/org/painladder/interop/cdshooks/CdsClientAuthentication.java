package org.painladder.interop.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * CDS Hooks 2.0 client authentication, beside the API's own bearer tokens: a call to /cds-services whose token was
 * issued by an allow-listed EHR CDS client is verified here (its key, {@code aud}, lifetime, single use of its
 * {@code jti}); any other token goes on to the API's JWT verification, untouched. The token's {@code iss} is read
 * unverified only to choose the key it must be signed with.
 */
@ApplicationScoped
public class CdsClientAuthentication implements HttpAuthenticationMechanism {

    private static final String CDS_SERVICES = "/cds-services";
    private static final String BEARER = "Bearer ";
    private static final HttpCredentialTransport BEARER_TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer");

    private final CdsClientKeys keys;
    private final CdsHooksConfig config;
    private final ObjectMapper objectMapper;

    CdsClientAuthentication(CdsClientKeys keys, CdsHooksConfig config, ObjectMapper objectMapper) {
        this.keys = keys;
        this.config = config;
        this.objectMapper = objectMapper;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String issuer = trustedClientIssuer(context);
        if (issuer == null) {
            return Uni.createFrom().nullItem();
        }
        String path = context.normalizedPath();
        List<String> audiences = new ArrayList<>();
        audiences.add(config.expectedAudience());
        // CDS Hooks: aud is the endpoint being called, e.g. {base}/cds-services/painladder-patient-view.
        audiences.add(config.expectedAudience() + path.substring(CDS_SERVICES.length()));
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new CdsClientTokenRequest(bearerToken(context), issuer, audiences), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", "Bearer realm=\"painladder\""));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(CdsClientTokenRequest.class);
    }

    /**
     * /cds-services names "bearer" as its only mechanism, so that a dashboard session never authenticates it. Of the
     * bearer mechanisms one is chosen per request: this one for a token of an allow-listed CDS client, the API's JWT
     * mechanism for any other.
     */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return trustedClientIssuer(context) == null ? Uni.createFrom().nullItem()
                : Uni.createFrom().item(BEARER_TRANSPORT);
    }

    /** The {@code iss} of a CDS client token sent to /cds-services by an allow-listed client, or null. */
    private String trustedClientIssuer(RoutingContext context) {
        String token = bearerToken(context);
        if (keys.isEmpty() || token == null || !context.normalizedPath().startsWith(CDS_SERVICES)) {
            return null;
        }
        String issuer = unverifiedIssuer(token);
        return issuer != null && keys.trusts(issuer) ? issuer : null;
    }

    private static String bearerToken(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        return authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? null
                : authorization.substring(BEARER.length()).trim();
    }

    /** Before the API's JWT mechanism, which would refuse a token signed by an EHR's key. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    private String unverifiedIssuer(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            JsonNode claims = objectMapper.readTree(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8));
            JsonNode issuer = claims == null ? null : claims.get("iss");
            return issuer != null && issuer.isTextual() ? issuer.asText() : null;
        } catch (IllegalArgumentException | java.io.IOException unreadable) {
            return null;
        }
    }
}

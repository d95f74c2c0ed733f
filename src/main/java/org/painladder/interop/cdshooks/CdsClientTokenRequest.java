package org.painladder.interop.cdshooks;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import java.util.List;

/**
 * A bearer token an allow-listed EHR's CDS client signed for a call to /cds-services.
 *
 * @param issuer    the token's {@code iss}, read before verification only to pick the key
 * @param audiences the {@code aud} values that name this service: the configured one and the endpoint called
 */
final class CdsClientTokenRequest extends BaseAuthenticationRequest {

    private final String token;
    private final String issuer;
    private final List<String> audiences;

    CdsClientTokenRequest(String token, String issuer, List<String> audiences) {
        this.token = token;
        this.issuer = issuer;
        this.audiences = List.copyOf(audiences);
    }

    String token() {
        return token;
    }

    String issuer() {
        return issuer;
    }

    List<String> audiences() {
        return audiences;
    }
}

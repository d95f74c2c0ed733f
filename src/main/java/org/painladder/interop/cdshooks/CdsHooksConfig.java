package org.painladder.interop.cdshooks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** {@code painladder.cds-hooks.*}: where this service is reached, and which EHRs' CDS clients it trusts. */
@ConfigMapping(prefix = "painladder.cds-hooks")
public interface CdsHooksConfig {

    /** The service's public base URL: card links and source URLs start with it. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** The {@code aud} a CDS client token must carry; default {publicUrl}/cds-services. */
    Optional<String> audience();

    /** Trusted CDS clients by a name of the operator's choosing. */
    Map<String, Client> clients();

    interface Client {
        /** The {@code iss} the EHR's CDS client signs with. */
        String issuer();

        /** A PEM public key, or a JWKS document (JSON), on the file system. */
        String publicKeyLocation();
    }

    default String expectedAudience() {
        return audience().orElse(publicUrl() + "/cds-services");
    }
}

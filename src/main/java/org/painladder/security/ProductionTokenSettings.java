package org.painladder.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Without the development key pair (the prod profile), the service must be told whom to trust: the identity
 * provider's public key, the issuer and the audience. Missing any of them, it refuses to start and says which. Quarkus
 * already stops earlier on a missing key or issuer; an absent audience it would accept, and verification would then
 * skip the {@code aud} check.
 */
@Singleton
public class ProductionTokenSettings {

    private final boolean devKeys;
    private final Optional<String> publicKeyLocation;
    private final Optional<String> publicKey;
    private final Optional<String> issuer;
    private final Optional<String> audiences;

    ProductionTokenSettings(@ConfigProperty(name = "painladder.security.dev-keys") boolean devKeys,
                            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKeyLocation,
                            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> publicKey,
                            @ConfigProperty(name = "mp.jwt.verify.issuer") Optional<String> issuer,
                            @ConfigProperty(name = "mp.jwt.verify.audiences") Optional<String> audiences) {
        this.devKeys = devKeys;
        this.publicKeyLocation = publicKeyLocation;
        this.publicKey = publicKey;
        this.issuer = issuer;
        this.audiences = audiences;
    }

    void onStart(@Observes StartupEvent start) {
        if (!devKeys) {
            requireConfigured(publicKeyLocation.or(() -> publicKey), issuer, audiences);
        }
    }

    /** @throws IllegalStateException naming every missing setting and the environment variable that sets it */
    static void requireConfigured(Optional<String> publicKey, Optional<String> issuer, Optional<String> audiences) {
        List<String> missing = new ArrayList<>();
        if (publicKey.filter(value -> !value.isBlank()).isEmpty()) {
            missing.add("PAINLADDER_JWT_PUBLIC_KEY_LOCATION (mp.jwt.verify.publickey.location: the identity provider's"
                    + " PEM public key or JWKS URL)");
        }
        if (issuer.filter(value -> !value.isBlank()).isEmpty()) {
            missing.add("PAINLADDER_JWT_ISSUER (mp.jwt.verify.issuer: the iss every token must carry)");
        }
        if (audiences.filter(value -> !value.isBlank()).isEmpty()) {
            missing.add("PAINLADDER_JWT_AUDIENCE (mp.jwt.verify.audiences: the aud every token must carry)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("painladder will not start without knowing whom to trust for bearer tokens"
                    + " (development keys are off in this profile). Set " + String.join("; ", missing));
        }
    }
}

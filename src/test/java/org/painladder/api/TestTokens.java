package org.painladder.api;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/** Signs tokens with the development key the service generated for the test profile (target/test-keys). */
public final class TestTokens {
    public static final String ISSUER = "https://painladder.local/dev";
    public static final String AUDIENCE = "painladder";
    private static final Path PRIVATE_KEY = Path.of("target/test-keys/private.pem");

    private TestTokens() {
    }

    public static String forRole(String role) {
        return forRole(role, "test." + role);
    }

    public static String forRole(String role, String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(role))
                .expiresIn(600).jws().keyId("dev").sign(privateKey());
    }

    public static String bearer(String role) {
        return "Bearer " + forRole(role);
    }

    public static PrivateKey privateKey() {
        try {
            String pem = Files.readString(PRIVATE_KEY)
                    .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (java.security.GeneralSecurityException invalid) {
            throw new IllegalStateException(invalid);
        }
    }
}

package org.painladder.interop.cdshooks;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * The public keys of the allow-listed EHR CDS clients, by issuer, read once at startup from the files configured
 * ({@code painladder.cds-hooks.clients.<name>.public-key-location}): a PEM public key (RSA or EC) or a JWKS document.
 * A configured file that cannot be read stops the service at startup rather than refusing every call later. Keys are
 * never fetched from a {@code jku} URL: no outbound call is made on a client's say-so.
 */
@Startup
@ApplicationScoped
public class CdsClientKeys {

    private final Map<String, VerificationKeyResolver> byIssuer = new LinkedHashMap<>();

    CdsClientKeys(CdsHooksConfig config) {
        config.clients().forEach((name, client) -> {
            Path location = Path.of(client.publicKeyLocation());
            try {
                byIssuer.put(client.issuer(), resolver(Files.readString(location)));
            } catch (IOException | GeneralSecurityException | JoseException | IllegalArgumentException unreadable) {
                throw new IllegalStateException("painladder.cds-hooks.clients." + name + ".public-key-location: "
                        + location + " is not a readable PEM public key or JWKS document (" + unreadable.getMessage()
                        + ")", unreadable);
            }
        });
    }

    boolean isEmpty() {
        return byIssuer.isEmpty();
    }

    boolean trusts(String issuer) {
        return byIssuer.containsKey(issuer);
    }

    VerificationKeyResolver keysOf(String issuer) {
        return byIssuer.get(issuer);
    }

    private static VerificationKeyResolver resolver(String content) throws GeneralSecurityException, JoseException {
        String trimmed = content.trim();
        if (trimmed.startsWith("{")) {
            List<JsonWebKey> jwks = new JsonWebKeySet(trimmed).getJsonWebKeys();
            if (jwks.isEmpty()) {
                throw new IllegalArgumentException("the JWKS holds no key");
            }
            return new JwksVerificationKeyResolver(jwks);
        }
        PublicKey key = pem(trimmed);
        return (signature, nestingContext) -> key;
    }

    private static PublicKey pem(String pem) throws GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                .replaceAll("\\s", ""));
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePublic(spec);
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(spec);
        }
    }
}

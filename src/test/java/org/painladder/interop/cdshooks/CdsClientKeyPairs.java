package org.painladder.interop.cdshooks;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The EHR side of CDS client authentication in tests: RSA key pairs generated once per build under target/, and
 * tokens signed with them as an EHR's CDS client signs them (CDS Hooks 2.0: iss, aud, exp, iat, jti, sub).
 */
final class CdsClientKeyPairs {

    static final Path DIRECTORY = Path.of("target/cds-client-keys");
    static final Path PEM_PRIVATE = DIRECTORY.resolve("main-ehr-private.pem");
    static final Path PEM_PUBLIC = DIRECTORY.resolve("main-ehr-public.pem");
    static final Path JWKS_PRIVATE = DIRECTORY.resolve("other-ehr-private.pem");
    static final Path JWKS_PUBLIC = DIRECTORY.resolve("other-ehr-jwks.json");
    static final Path STRANGER_PRIVATE = DIRECTORY.resolve("stranger-private.pem");

    private CdsClientKeyPairs() {
    }

    static synchronized void ensureGenerated() {
        if (Files.exists(JWKS_PUBLIC) && Files.exists(STRANGER_PRIVATE)) {
            return;
        }
        try {
            Files.createDirectories(DIRECTORY);
            KeyPair main = rsa();
            Files.writeString(PEM_PRIVATE, pem("PRIVATE KEY", main.getPrivate().getEncoded()));
            Files.writeString(PEM_PUBLIC, pem("PUBLIC KEY", main.getPublic().getEncoded()));
            KeyPair other = rsa();
            Files.writeString(JWKS_PRIVATE, pem("PRIVATE KEY", other.getPrivate().getEncoded()));
            RSAPublicKey publicKey = (RSAPublicKey) other.getPublic();
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            Files.writeString(JWKS_PUBLIC, """
                    {"keys":[{"kty":"RSA","kid":"other-ehr-1","use":"sig","alg":"RS384","n":"%s","e":"%s"}]}
                    """.formatted(url.encodeToString(unsigned(publicKey.getModulus().toByteArray())),
                    url.encodeToString(unsigned(publicKey.getPublicExponent().toByteArray()))));
            Files.writeString(STRANGER_PRIVATE, pem("PRIVATE KEY", rsa().getPrivate().getEncoded()));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    /** A token as the main EHR's CDS client signs it for a call to this endpoint, valid for 5 minutes. */
    static String token(String endpoint) {
        return claims(CdsClientsProfile.PEM_CLIENT, CdsClientsProfile.AUDIENCE + endpoint, Instant.now(), 300,
                UUID.randomUUID().toString()).jws().algorithm(SignatureAlgorithm.RS384).sign(key(PEM_PRIVATE));
    }

    static JwtClaimsBuilder claims(String issuer, String audience, Instant issuedAt, long lifetimeSeconds,
                                   String jti) {
        return Jwt.issuer(issuer).audience(audience).subject("ehr-cds-client").claim("jti", jti)
                .issuedAt(issuedAt).expiresAt(issuedAt.plusSeconds(lifetimeSeconds));
    }

    static PrivateKey key(Path privatePem) {
        try {
            String pem = Files.readString(privatePem).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(pem)));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (GeneralSecurityException invalid) {
            throw new IllegalStateException(invalid);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }
}

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * CDS client tokens for scripts/bench, signed as an EHR's CDS client signs them (CDS Hooks 2.0: iss, sub, aud, iat,
 * exp 5 minutes later, a fresh jti each, ES256): {@code java CdsTokens.java KEY_DIR ISSUER AUDIENCE COUNT OUT}.
 * Makes the bench's EC P-256 key pair in KEY_DIR on first use (cds-client-public.pem is what the service allow-lists).
 */
public class CdsTokens {

    public static void main(String[] args) throws Exception {
        Path keys = Path.of(args[0]);
        String issuer = args[1];
        String audience = args[2];
        int count = Integer.parseInt(args[3]);
        Path privateKeyFile = keys.resolve("cds-client-private.der");
        if (!Files.exists(privateKeyFile)) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            Files.write(privateKeyFile, pair.getPrivate().getEncoded());
            Files.writeString(keys.resolve("cds-client-public.pem"), "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        }
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Files.readAllBytes(privateKeyFile)));
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String header = url.encodeToString("{\"alg\":\"ES256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        long now = Instant.now().getEpochSecond();
        // Signed on every core: a bench run at 16 connections uses tens of thousands, 0.4 ms each on one.
        ThreadLocal<Signature> signatures = ThreadLocal.withInitial(() -> {
            try {
                Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
                signature.initSign(key);
                return signature;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        String out = IntStream.range(0, count).parallel().mapToObj(n -> {
            String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"bench-cds-client\",\"aud\":\"" + audience
                    + "\",\"iat\":" + now + ",\"exp\":" + (now + 300) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
            String signingInput = header + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            try {
                Signature signature = signatures.get();
                signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + url.encodeToString(signature.sign()) + "\n";
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.joining());
        Files.writeString(Path.of(args[4]), out);
    }
}

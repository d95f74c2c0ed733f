import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * Mints a development bearer token: {@code java scripts/DevToken.java ROLE [SUBJECT]} (JDK 17+, no dependencies;
 * scripts/dev-token runs it from the project root). Signs RS256 with the key pair the service generates under
 * ./data/keys on its first start, and generates that pair itself, the same way, when it is not there yet.
 * The token is the last line printed.
 */
public class DevToken {

    static final List<String> ROLES = List.of("ehr", "clinician", "palliative", "auditor", "admin");
    static final Duration LIFETIME = Duration.ofHours(8);
    static final String PROPERTIES = "src/main/resources/application.properties";

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || !ROLES.contains(args[0])) {
            System.err.println("usage: scripts/dev-token ROLE [SUBJECT]   (ROLE: " + String.join(", ", ROLES) + ")");
            System.exit(2);
        }
        String role = args[0];
        String subject = args.length == 2 ? args[1] : "dev." + role;
        Path keys = Path.of(System.getenv().getOrDefault("PAINLADDER_DEV_KEYS_DIR", "data/keys"));
        Properties settings = settings();
        String issuer = settings.getProperty("mp.jwt.verify.issuer", "https://painladder.local/dev");
        String audience = settings.getProperty("mp.jwt.verify.audiences", "painladder").split(",")[0].trim();

        PrivateKey privateKey = privateKey(keys);
        Instant now = Instant.now();
        Instant expires = now.plus(LIFETIME);
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"dev\"}";
        String payload = "{\"iss\":" + json(issuer) + ",\"aud\":" + json(audience) + ",\"sub\":" + json(subject)
                + ",\"upn\":" + json(subject) + ",\"groups\":[" + json(role) + "],\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + expires.getEpochSecond() + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(privateKey);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));

        System.out.println("# " + role + " token for " + subject + " (iss " + issuer + ", aud " + audience
                + "), valid until " + expires + "; signed with " + keys.resolve("private.pem"));
        System.out.println(signingInput + "." + base64Url(signature.sign()));
    }

    /** The service's issuer and audience defaults, read from its configuration so that the two cannot drift. */
    private static Properties settings() throws IOException {
        Properties settings = new Properties();
        Path file = Path.of(PROPERTIES);
        if (Files.exists(file)) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                settings.load(reader);
            }
        }
        return settings;
    }

    /** Loads the service's development key, or makes the pair as DevelopmentKeys does (PKCS#8 and X.509 PEM). */
    private static PrivateKey privateKey(Path keys) throws IOException, GeneralSecurityException {
        Path privatePem = keys.resolve("private.pem");
        Path publicPem = keys.resolve("public.pem");
        if (!Files.exists(privatePem) || !Files.exists(publicPem)) {
            Files.createDirectories(keys);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file system has no owner-only mode; the key is for development only.
            }
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            System.out.println("# Generated a development key pair in " + keys + "; a service already running with"
                    + " another key must be restarted to trust it");
            return pair.getPrivate();
        }
        String base64 = Files.readString(privatePem, StandardCharsets.US_ASCII)
                .replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String json(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}

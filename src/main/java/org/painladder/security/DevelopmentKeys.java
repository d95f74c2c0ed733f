package org.painladder.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * On the embedded default, makes a local RS256 key pair under {@code ./data/keys} the first time the service starts,
 * so that a newcomer can sign a token with {@code scripts/dev-token} and call the API at once. The prod profile
 * turns this off and must be given a public key by configuration; the keys are never committed.
 */
@Singleton
public class DevelopmentKeys {

    private static final Logger LOG = Logger.getLogger(DevelopmentKeys.class);

    static final String PRIVATE_KEY_FILE = "private.pem";
    static final String PUBLIC_KEY_FILE = "public.pem";

    private final boolean enabled;
    private final Path directory;

    DevelopmentKeys(@ConfigProperty(name = "painladder.security.dev-keys") boolean enabled,
                    @ConfigProperty(name = "painladder.security.dev-keys-dir") Path directory) {
        this.enabled = enabled;
        this.directory = directory;
    }

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            ensureKeyPair();
        }
    }

    void ensureKeyPair() {
        Path privateKey = directory.resolve(PRIVATE_KEY_FILE);
        Path publicKey = directory.resolve(PUBLIC_KEY_FILE);
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return;
        }
        try {
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            restrictToOwner(privateKey);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            LOG.infof("Generated a development signing key pair in %s (never use it in production)", directory);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot write development keys to " + directory, failure);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("RSA is required of every Java runtime", impossible);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            LOG.debugf("File system of %s has no POSIX permissions", file);
        }
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}

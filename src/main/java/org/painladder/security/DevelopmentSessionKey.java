package org.painladder.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The key that seals the dashboard's session cookie on the embedded default, beside the development signing keys:
 * made at random on the first start, kept in {@code <dev-keys-dir>/session.key} and read on every later start. Without
 * it Quarkus seals sessions with a temporary key that it prints to the log, so that anyone who reads the log can forge a
 * session for any user, and every restart signs everyone out. A key set in configuration
 * ({@code quarkus.http.auth.session.encryption-key}, env {@code QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY}) wins; with
 * development keys off (the prod profile) nothing is made here, and a form sign-in without a configured key stops the
 * start.
 */
public class DevelopmentSessionKey implements ConfigSourceFactory {

    static final String KEY_PROPERTY = "quarkus.http.auth.session.encryption-key";
    static final String KEY_FILE = "session.key";
    /** Below application.properties (250) and the environment (300): a key configured there is the one used. */
    private static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (valueOf(context, KEY_PROPERTY) != null) {
            return List.of();
        }
        if (!"true".equalsIgnoreCase(valueOf(context, "painladder.security.dev-keys"))) {
            if ("true".equalsIgnoreCase(valueOf(context, "quarkus.http.auth.form.enabled"))) {
                // The prod package signs in through OIDC and is built without form sign-in; should one be built
                // with it, it must not fall back to Quarkus' temporary key, printed to the log.
                throw new IllegalStateException("painladder will not start a form sign-in without a session key of"
                        + " its own: set QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY (" + KEY_PROPERTY + ", at least 32"
                        + " random characters, the same on every replica)");
            }
            return List.of();
        }
        String directory = valueOf(context, "painladder.security.dev-keys-dir");
        String key = kept(Path.of(directory == null ? "data/keys" : directory).resolve(KEY_FILE));
        return List.of(new PropertiesConfigSource(Map.of(KEY_PROPERTY, key), "painladder development session key",
                ORDINAL));
    }

    private static String valueOf(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }

    /** The key in the file, made first when there is none; two services starting at once keep the first one's. */
    static String kept(Path file) {
        try {
            if (!Files.exists(file)) {
                Path directory = file.toAbsolutePath().getParent();
                Files.createDirectories(directory);
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                // Written whole and readable by its owner only before it takes its name: nobody reads half a key.
                Path made = Files.createTempFile(directory, KEY_FILE, ".new");
                restrictToOwner(made);
                Files.writeString(made, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n",
                        StandardCharsets.US_ASCII);
                try {
                    Files.move(made, file);
                } catch (FileAlreadyExistsException madeMeanwhile) {
                    // Another process made it between the check and the move: its key is the one to share.
                    Files.delete(made);
                }
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (key.length() < 32) {
                throw new IllegalStateException("The dashboard session key in " + file + " is shorter than 32"
                        + " characters; delete the file to have a new one made (everyone signs in again)");
            }
            return key;
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot keep the dashboard session key in " + file, failure);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions (Windows): the directory's own access rules apply.
        }
    }
}

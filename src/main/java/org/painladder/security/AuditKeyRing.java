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
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.painladder.domain.audit.AuditKeys;

/**
 * The HMAC-SHA256 keys of the audit trail, held outside the database: the current key from
 * {@code painladder.audit.key} (base64, e.g. the environment variable PAINLADDER_AUDIT_KEY) or from the file
 * {@code <key-id>.key} in {@code painladder.audit.keys-dir}, plus every other {@code *.key} file there, so that events
 * sealed with a retired key id still verify while its file is kept. On the embedded default the current key file is
 * generated on first start, like the development token keys; the prod profile refuses to start without a key.
 */
@Singleton
public class AuditKeyRing implements AuditKeys {

    private static final Logger LOG = Logger.getLogger(AuditKeyRing.class);
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String SUFFIX = ".key";
    private static final int MIN_KEY_BYTES = 32;

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;
    /**
     * An initialised Mac per thread and key id, as Mac.getInstance looks the algorithm up among the providers on every
     * call. A Mac is not thread-safe, and doFinal leaves it ready for the next content.
     */
    private final ThreadLocal<Map<String, Mac>> macs = ThreadLocal.withInitial(HashMap::new);

    AuditKeyRing(@ConfigProperty(name = "painladder.audit.key-id") String currentKeyId,
                 @ConfigProperty(name = "painladder.audit.key") Optional<String> currentKey,
                 @ConfigProperty(name = "painladder.audit.keys-dir") Path directory,
                 @ConfigProperty(name = "painladder.audit.generate-key") boolean generate) {
        if (!KEY_ID.matcher(currentKeyId).matches()) {
            throw new IllegalStateException("painladder.audit.key-id must be 1-64 of A-Z a-z 0-9 . _ -");
        }
        this.currentKeyId = currentKeyId;
        this.keys = load(currentKeyId, currentKey.filter(value -> !value.isBlank()), directory, generate);
    }

    /** Loads the keys at startup, so that a service without its audit key stops before it takes a request. */
    void onStart(@Observes StartupEvent start) {
        LOG.infof("Audit trail sealed with key id %s; %d key id(s) accepted for verification", currentKeyId,
                keys.size());
    }

    @Override
    public String currentKeyId() {
        return currentKeyId;
    }

    @Override
    public Optional<String> mac(String keyId, String content) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            return Optional.empty();
        }
        Mac mac = macs.get().computeIfAbsent(keyId, ignored -> initialised(key));
        return Optional.of(HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8))));
    }

    private static Mac initialised(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", impossible);
        }
    }

    private static Map<String, SecretKeySpec> load(String currentKeyId, Optional<String> currentKey, Path directory,
                                                   boolean generate) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        Path currentFile = directory.resolve(currentKeyId + SUFFIX);
        if (currentKey.isEmpty() && !Files.exists(currentFile)) {
            if (!generate) {
                throw new IllegalStateException("painladder will not start without the audit trail's key: set"
                        + " PAINLADDER_AUDIT_KEY (painladder.audit.key, at least 32 random bytes in base64) or put"
                        + " the key in " + currentFile + " (painladder.audit.keys-dir, painladder.audit.key-id)");
            }
            generate(currentFile);
        }
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(each -> each.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                    String name = file.getFileName().toString();
                    String keyId = name.substring(0, name.length() - SUFFIX.length());
                    if (KEY_ID.matcher(keyId).matches()) {
                        keys.put(keyId, secret(keyId, Files.readString(file, StandardCharsets.US_ASCII)));
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException("Cannot read the audit keys in " + directory, unreadable);
            }
        }
        currentKey.ifPresent(value -> keys.put(currentKeyId, secret(currentKeyId, value)));
        return Map.copyOf(keys);
    }

    private static SecretKeySpec secret(String keyId, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("Audit key " + keyId + " is not base64");
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("Audit key " + keyId + " is shorter than " + MIN_KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static void generate(Path file) {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.debugf("File system of %s has no POSIX permissions", file);
            }
            LOG.infof("Generated a local audit key in %s (never commit it; production is given its own)", file);
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot write the audit key to " + file, failure);
        }
    }
}

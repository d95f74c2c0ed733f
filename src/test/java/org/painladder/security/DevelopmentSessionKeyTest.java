package org.painladder.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the dashboard's session key comes from, start after start, and when the service refuses to start. */
class DevelopmentSessionKeyTest {

    private static ConfigSourceContext configured(Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(values.get(name)).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }
        };
    }

    private static List<ConfigSource> sources(Map<String, String> values) {
        return StreamSupport.stream(new DevelopmentSessionKey().getConfigSources(configured(values)).spliterator(),
                false).toList();
    }

    @Test
    void theFirstStartMakesAKeyOnlyItsOwnerReadsAndEveryLaterStartUsesIt(@TempDir Path keys) throws Exception {
        Map<String, String> development = Map.of("painladder.security.dev-keys", "true",
                "painladder.security.dev-keys-dir", keys.toString());

        String first = sources(development).get(0).getValue(DevelopmentSessionKey.KEY_PROPERTY);
        String afterRestart = sources(development).get(0).getValue(DevelopmentSessionKey.KEY_PROPERTY);

        assertEquals(first, afterRestart);
        assertTrue(first.length() >= 32, first);
        Path file = keys.resolve(DevelopmentSessionKey.KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var left = Files.list(keys)) {
            assertEquals(List.of(file), left.toList(), "no half-made key file is left behind");
        }
    }

    @Test
    void aConfiguredKeyWinsAndNoFileIsMade(@TempDir Path keys) {
        assertEquals(List.of(), sources(Map.of("painladder.security.dev-keys", "true",
                "painladder.security.dev-keys-dir", keys.toString(),
                DevelopmentSessionKey.KEY_PROPERTY, "a-key-the-operator-chose-of-32-characters")));
        assertFalse(Files.exists(keys.resolve(DevelopmentSessionKey.KEY_FILE)));
    }

    @Test
    void withoutDevelopmentKeysAFormSignInNeedsAConfiguredKeyToStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> sources(Map.of(
                "painladder.security.dev-keys", "false", "quarkus.http.auth.form.enabled", "true")));
        assertTrue(refused.getMessage().contains("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY"), refused.getMessage());

        assertEquals(List.of(), sources(Map.of("painladder.security.dev-keys", "false",
                "quarkus.http.auth.form.enabled", "false")));
    }
}

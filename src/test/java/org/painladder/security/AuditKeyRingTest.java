package org.painladder.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit key lives outside the database: generated locally on the embedded default, required in production. */
class AuditKeyRingTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString("a".repeat(32).getBytes());
    private static final String KEY_B = Base64.getEncoder().encodeToString("b".repeat(32).getBytes());

    @Test
    void withoutAKeyAndWithoutGenerationTheServiceRefusesToStartAndSaysWhatToSet(@TempDir Path keys) {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new AuditKeyRing("prod-1", Optional.empty(), keys.resolve("missing"), false));
        assertTrue(refused.getMessage().contains("PAINLADDER_AUDIT_KEY"), refused.getMessage());
    }

    @Test
    void onTheEmbeddedDefaultAKeyOnlyItsOwnerCanReadIsGeneratedOnceAndKept(@TempDir Path keys) throws Exception {
        AuditKeyRing first = new AuditKeyRing("local-1", Optional.empty(), keys, true);
        Path file = keys.resolve("local-1.key");
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        AuditKeyRing again = new AuditKeyRing("local-1", Optional.empty(), keys, true);
        assertEquals(first.mac("local-1", "event"), again.mac("local-1", "event"), "the same key after a restart");
    }

    @Test
    void aRotatedRingSealsWithTheNewKeyAndStillChecksTheOldKeyIdWhileItsFileIsKept(@TempDir Path keys)
            throws Exception {
        Files.writeString(keys.resolve("2026-a.key"), KEY_A);
        AuditKeyRing before = new AuditKeyRing("2026-a", Optional.empty(), keys, false);
        AuditKeyRing after = new AuditKeyRing("2026-b", Optional.of(KEY_B), keys, false);

        assertEquals("2026-b", after.currentKeyId());
        assertEquals(before.mac("2026-a", "event"), after.mac("2026-a", "event"));
        assertTrue(after.mac("2026-b", "event").isPresent());
        assertEquals(Optional.empty(), after.mac("2025-z", "event"), "a key id that is not configured checks nothing");
    }

    @Test
    void everyMacIsTheHmacOfItsOwnContentUnderItsOwnKeyWhateverTheThreadHasSealedBefore(@TempDir Path keys)
            throws Exception {
        Files.writeString(keys.resolve("2026-a.key"), KEY_A);
        AuditKeyRing ring = new AuditKeyRing("2026-b", Optional.of(KEY_B), keys, false);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sealers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int first = thread;
                sealers.add(threads.submit(() -> {
                    for (int event = first; event < 400; event += 4) {
                        String keyId = event % 3 == 0 ? "2026-a" : "2026-b";
                        String content = "event " + event + "|" + "x".repeat(event % 70);
                        assertEquals(Optional.of(hmac(event % 3 == 0 ? KEY_A : KEY_B, content)),
                                ring.mac(keyId, content), keyId + " " + content);
                    }
                    return null;
                }));
            }
            for (Future<?> sealer : sealers) {
                sealer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static String hmac(String base64Key, String content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Key), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aShortOrMalformedKeyIsRefused(@TempDir Path keys) {
        assertThrows(IllegalStateException.class, () -> new AuditKeyRing("k", Optional.of("c2hvcnQ="), keys, false));
        assertThrows(IllegalStateException.class, () -> new AuditKeyRing("k", Optional.of("not base64!"), keys, false));
        assertThrows(IllegalStateException.class, () -> new AuditKeyRing("../k", Optional.of(KEY_A), keys, false));
    }
}

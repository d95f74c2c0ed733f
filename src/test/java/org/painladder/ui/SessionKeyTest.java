package org.painladder.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.painladder.security.CapturedLogs;

/**
 * The dashboard's session cookie is sealed with a key kept under the development key directory, never with a
 * temporary one printed to the log: whoever reads the log cannot forge a session, and sessions survive a restart.
 */
@QuarkusTest
@TestProfile(SessionKeyTest.FreshStart.class)
class SessionKeyTest {

    /** A start of its own, so that the dashboard's first request in this test is the service's first. */
    public static class FreshStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("painladder.session-key-test", "fresh");
        }
    }

    private static final Path KEY_FILE = Path.of("target/test-keys/session.key");

    /** A session cookie as Quarkus' form authentication writes it: AES-256-GCM, keyed by SHA-256 of the secret. */
    private static String sessionCookie(String secret, String user) throws Exception {
        byte[] key = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal((System.currentTimeMillis() + 3_600_000 + ":" + user)
                .getBytes(StandardCharsets.UTF_8));
        ByteBuffer cookie = ByteBuffer.allocate(1 + iv.length + sealed.length);
        cookie.put((byte) iv.length).put(iv).put(sealed);
        return Base64.getEncoder().encodeToString(cookie.array());
    }

    @Test
    void theFirstSignInLogsNoTemporaryKeyAndSealsTheSessionWithTheKeptKey() throws Exception {
        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.start()) {
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "clinician").formParam("j_password", "development")
                    .post("/ui/j_security_check").then().statusCode(302);
            lines = logs.lines();
        }
        assertEquals(List.of(), lines.stream().filter(line -> line.contains("Encryption key")).toList());

        String kept = Files.readString(KEY_FILE, StandardCharsets.US_ASCII).trim();
        given().redirects().follow(false).cookie("quarkus-credential", sessionCookie(kept, "admin"))
                .get("/ui/worklist").then().statusCode(200).body(containsString("admin"));
    }

    @Test
    void aSessionSealedWithAGuessedKeyIsRefused() throws Exception {
        for (String guess : new String[] {"", "changeit", "painladder", "7Mwd0HnN"}) {
            given().redirects().follow(false).cookie("quarkus-credential", sessionCookie(guess, "admin"))
                    .get("/ui/worklist").then().statusCode(302);
        }
    }
}

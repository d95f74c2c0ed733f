package org.painladder.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newcomer runs scripts/dev-token and calls the API with the last line it printed. */
@QuarkusTest
class DevTokenScriptTest {

    /** What the script printed and how it ended. */
    record Run(int exitCode, List<String> lines) {
        String lastLine() {
            return lines.get(lines.size() - 1);
        }
    }

    @Test
    void theLastLineIsATokenTheServiceAcceptsForThatRoleAndSubject() throws Exception {
        Run run = devToken("target/test-keys", "clinician", "dr.newcomer");
        assertEquals(0, run.exitCode(), run.lines().toString());

        given().header("Authorization", "Bearer " + run.lastLine()).get("/api/v1/patients").then().statusCode(200);
        given().header("Authorization", "Bearer " + run.lastLine()).get("/api/v1/audit-events").then().statusCode(403);
        given().header("Authorization", "Bearer " + devToken("target/test-keys", "auditor", "ms.audit").lastLine())
                .queryParam("actor", "dr.newcomer").get("/api/v1/audit-events")
                .then().statusCode(200).body("items[0].role", equalTo("clinician"));
    }

    @Test
    void onAFreshMachineItMakesTheKeyPairTheServiceExpectsAndSignsWithIt(@TempDir Path fresh) throws Exception {
        Path keys = fresh.resolve("keys");
        Run run = devToken(keys.toString(), "ehr");
        assertEquals(0, run.exitCode(), run.lines().toString());
        assertTrue(Files.exists(keys.resolve("private.pem")) && Files.exists(keys.resolve("public.pem")));

        String[] parts = run.lastLine().split("\\.");
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(publicKey(keys.resolve("public.pem")));
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(signature.verify(Base64.getUrlDecoder().decode(parts[2])), "signed with the generated key");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Map<String, Object> payload = io.restassured.path.json.JsonPath.from(claims).getMap("");
        assertEquals("https://painladder.local/dev", payload.get("iss"));
        assertEquals("painladder", payload.get("aud"));
        assertEquals(List.of("ehr"), payload.get("groups"));
        assertEquals("dev.ehr", payload.get("sub"));
        assertEquals(8 * 3600, ((Number) payload.get("exp")).longValue() - ((Number) payload.get("iat")).longValue());
    }

    @Test
    void anUnknownRoleIsRefusedWithTheListOfRoles() throws Exception {
        Run run = devToken("target/test-keys", "superuser");
        assertEquals(2, run.exitCode());
        assertTrue(run.lines().toString().contains("ehr, clinician, palliative, auditor, admin"), run.lines().toString());
    }

    private static Run devToken(String keysDirectory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("scripts/dev-token"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PAINLADDER_DEV_KEYS_DIR", Path.of(keysDirectory).toAbsolutePath().toString());
        // The JDK that runs the tests is the one a newcomer has.
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
                + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output.lines().toList());
    }

    private static PublicKey publicKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replace("-----BEGIN PUBLIC KEY-----", "")
                .replace("-----END PUBLIC KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}

package org.painladder.interop.cdshooks;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.painladder.api.TestTokens;

/** CDS Hooks requests as an EHR sends them, from the fixtures under src/test/resources/cdshooks. */
final class CdsCalls {

    private CdsCalls() {
    }

    /** A fixture with its {{placeholders}} filled in. */
    static String fixture(String name, Map<String, String> values) {
        try (InputStream in = CdsCalls.class.getResourceAsStream("/cdshooks/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", value.getValue());
            }
            return text;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Calls a service with the EHR role's API token. */
    static ValidatableResponse call(String serviceId, String body) {
        return given().header("Authorization", TestTokens.bearer("ehr")).contentType(ContentType.JSON).body(body)
                .post("/cds-services/" + serviceId).then();
    }

    static String patientView(String patientId) {
        return """
                { "hook": "patient-view", "hookInstance": "%s",
                  "context": { "userId": "Practitioner/example", "patientId": "%s" } }
                """.formatted(java.util.UUID.randomUUID(), patientId);
    }
}

package org.painladder.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The input bounds of api.md "Strict input", each at its edge, and the path each refusal names. */
class JsonBoundsTest {

    private static void accepted(String json) {
        assertDoesNotThrow(() -> JsonBounds.check(json.getBytes(StandardCharsets.UTF_8), ""));
    }

    private static JsonBounds.OutOfBounds refused(String json, String prefix) {
        return assertThrows(JsonBounds.OutOfBounds.class,
                () -> JsonBounds.check(json.getBytes(StandardCharsets.UTF_8), prefix));
    }

    private static String refusedAt(String json) {
        return refused(json, "").field();
    }

    @Test
    void nestingUpTo64LevelsIsAccepted() {
        accepted("[".repeat(64) + "]".repeat(64));
        assertEquals("a" + "[0]".repeat(63), refusedAt("{\"a\": " + "[".repeat(64) + "]".repeat(64) + "}"));
    }

    @Test
    void numbersUpTo64CharactersWithAThreeDigitExponentAreAccepted() {
        accepted("{\"dose\": " + "9".repeat(64) + "}");
        accepted("{\"dose\": 1e999, \"other\": -2.5E-308}");
        assertEquals("dose", refusedAt("{\"dose\": " + "9".repeat(65) + "}"));
        assertEquals("items[1].dose", refusedAt("{\"items\": [{}, {\"dose\": 1e1000}]}"));
        assertEquals("value", refused("{\"value\": 1e1000000000}", "").field());
        assertEquals("Observation.valueInteger", refused("{\"valueInteger\": 1E+0400}", "Observation.").field());
    }

    @Test
    void stringsUpTo64KibAreAccepted() {
        accepted("{\"note\": \"" + "x".repeat(64 * 1024) + "\"}");
        assertEquals("note", refusedAt("{\"note\": \"" + "x".repeat(64 * 1024 + 1) + "\"}"));
        assertEquals("note", refusedAt("{\"note\": \"a\\u0000b\"}"));
    }

    @Test
    void arraysUpTo1000ItemsAreAccepted() {
        accepted("{\"items\": [" + "0,".repeat(999) + "0]}");
        assertEquals("items", refusedAt("{\"items\": [" + "0,".repeat(1_000) + "0]}"));
        assertEquals("items", refusedAt("{\"items\": [" + "{},".repeat(1_000) + "{}]}"));
    }

    @Test
    void duplicateKeysAndContentAfterTheDocumentAreRefused() {
        assertEquals("diagnosis.icd10", refusedAt("{\"diagnosis\": {\"icd10\": \"C25.0\", \"icd10\": \"C61\"}}"));
        assertEquals(JsonBounds.WHOLE_BODY, refusedAt("{} {}"));
        assertEquals(JsonBounds.WHOLE_BODY, refusedAt("{} x"));
        assertEquals("mrn", refusedAt("{\"mrn\": \"MRN-1\""));
        accepted("");
        accepted("  {\"mrn\": \"MRN-1\"}  \n");
    }

    @Test
    void aLoneSurrogateEscapeIsRefusedWhereItsPairIsAccepted() {
        accepted("{\"reason\": \"pain \\ud83d\\ude00 eased\"}");
        assertEquals("reason", refusedAt("{\"reason\": \"a\\ud800b\"}"));
        assertEquals("reason", refusedAt("{\"reason\": \"ends high \\ud83d\"}"));
        assertEquals("items[0].note", refusedAt("{\"items\": [{\"note\": \"\\ude00 low first\"}]}"));
        assertEquals("reason", refusedAt("{\"reason\": \"reversed \\ude00\\ud83d\"}"));
        assertEquals("Observation", refused("{\"a\\udfff\": 1}", "Observation.").field());
        accepted("{\"reason\": \"an escaped backslash then u: \\\\ud800\"}");
    }
}

package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * api.md "Strict input", no coercion: a whole-number value sent as a float is the wrong JSON type (400), so an EHR
 * never believes 5.0 or 6.5 was stored as it sent it. Codes keep the letter-case leniency the contract has always
 * documented ("any case"), and are stored as the contract spells them.
 */
@QuarkusTest
class NoCoercionTest {

    private static String anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"NRS, 5.0", "NRS, 6.5", "FACES, 4.0", "VAS, 4.5e1"})
    void aWholeNumberSentAsAFloatIs400NamingTheValueAndStoresNothing(String scale, String value) {
        String patientId = registeredPatient();
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        String body = """
                { "externalId": "obs-coerced", "recordedAt": "%s", "scale": "%s", "value": %s, "kind": "BACKGROUND",
                  "site": "ABDOMEN_UPPER", "source": "EHR" }""".formatted(anHourAgo(), scale, value);
        as("ehr").body(body).post(assessments).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("value"));
        as("clinician").get(assessments).then().statusCode(200).body("total", equalTo(0));
    }
}

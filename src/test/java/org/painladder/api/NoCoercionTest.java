package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.patientJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * api.md "Strict input", no coercion: a code is read as the contract spells it, and in another letter case it is an
 * unknown code (422, as any unknown code); a whole-number value sent as a float is the wrong JSON type (400). An EHR
 * never believes "nrs" or 5.0 was stored as it sent it.
 */
@QuarkusTest
class NoCoercionTest {

    private static String anHourAgo() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "\"scale\": \"nrs\", \"value\": 5          | scale | 422",
            "\"scale\": \"VRS\", \"value\": \"severe\"  | value | 422",
            "\"scale\": \"VRS\", \"value\": \" SEVERE\" | value | 422",
            "\"scale\": \"NRS\", \"value\": 5.0        | value | 400",
            "\"scale\": \"NRS\", \"value\": 6.5        | value | 400",
            "\"scale\": \"FACES\", \"value\": 4.0      | value | 400",
            "\"scale\": \"VAS\", \"value\": 4.5e1      | value | 400",
            "\"scale\": \"NRS\", \"value\": 5, \"kind\": \"background\" | kind | 422"})
    void aCoercedAssessmentIsRefusedNamingTheFieldAndStoresNothing(String sent, String field, int status) {
        String patientId = registeredPatient();
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";
        String body = """
                { "externalId": "obs-coerced", "recordedAt": "%s", %s, "site": "ABDOMEN_UPPER", "source": "EHR" }"""
                .formatted(anHourAgo(), sent.contains("kind") ? sent : sent + ", \"kind\": \"BACKGROUND\"");
        as("ehr").body(body).post(assessments).then().statusCode(status).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
        as("clinician").get(assessments).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void codesInAnotherLetterCaseAreUnknownCodes422AndChangeNothing() {
        as("ehr").body(patientJson(anyMrn()).replace("\"PANCREAS\"", "\"pancreas\"")).post("/api/v1/patients").then()
                .statusCode(422).body("violations.field", hasItem("diagnosis.primarySite"));
        as("ehr").body(patientJson(anyMrn()).replace("\"female\"", "\"FEMALE\"")).post("/api/v1/patients")
                .then().statusCode(422).body("violations.field", hasItem("sex"));
        String patientId = registeredPatient();
        as("ehr").body("""
                { "items": [ { "drug": "morphine", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6,
                               "prn": false } ] }""").put("/api/v1/patients/" + patientId + "/regimen").then()
                .statusCode(422).body("violations.field", hasItem("items[0].drug"));
        as("ehr").body("""
                { "items": [ { "drug": "MORPHINE", "route": "oral", "dose": 10, "unit": "mg", "timesPerDay": 6,
                               "prn": false } ] }""").put("/api/v1/patients/" + patientId + "/regimen").then()
                .statusCode(422).body("violations.field", hasItem("items[0].route"));
        as("clinician").get("/api/v1/patients/" + patientId).then().body("ladderStep", equalTo(0));

        String[] flagged = RefractoryCaseFixtures.flaggedPatient(RefractoryCaseFixtures.pancreaticPain());
        as("palliative").body("{\"to\": \"under_review\"}")
                .post("/api/v1/refractory-cases/" + flagged[1] + "/transitions").then().statusCode(422)
                .body("violations.field", hasItem("to"));
        as("palliative").get("/api/v1/refractory-cases/" + flagged[1]).then().body("status", equalTo("OPEN"));
    }
}

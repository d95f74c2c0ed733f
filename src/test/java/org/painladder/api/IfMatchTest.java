package org.painladder.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;
import static org.painladder.api.RefractoryCaseFixtures.flaggedPatient;
import static org.painladder.api.RefractoryCaseFixtures.pancreaticPain;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * If-Match as RFC 9110 §13.1.1 reads it, on every write that honours it: the comparison is strong, so a weak tag
 * never matches; a list matches when any of its tags is the current version; {@code *} matches a version that exists.
 */
@QuarkusTest
class IfMatchTest {

    private static final String MORPHINE = """
            { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6 } ] }
            """;

    private static String patient(String id) {
        return "/api/v1/patients/" + id;
    }

    private static String regimenOf(String patientId) {
        return patient(patientId) + "/regimen";
    }

    private static String transitions(String caseId) {
        return "/api/v1/refractory-cases/" + caseId + "/transitions";
    }

    @Test
    void aWeakTagNeverMatchesSoAPatchWithItIs412AndChangesNothing() {
        String patientId = registeredPatient();

        as("clinician").header("If-Match", "W/\"0\"").body("{ \"lifeExpectancyMonths\": 4 }")
                .patch(patient(patientId)).then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("weak"));
        as("clinician").get(patient(patientId)).then().body("lifeExpectancyMonths", equalTo(6))
                .body("version", equalTo(0));
    }

    @Test
    void aPatchIsAcceptedWhenAnyListedTagIsTheCurrentVersion() {
        String patientId = registeredPatient();

        as("clinician").header("If-Match", "\"7\", \"0\"").body("{ \"lifeExpectancyMonths\": 4 }")
                .patch(patient(patientId)).then().statusCode(200).header("ETag", startsWith("\"1-"));
        as("clinician").header("If-Match", "\"0\", W/\"1\"").body("{ \"lifeExpectancyMonths\": 3 }")
                .patch(patient(patientId)).then().statusCode(412).contentType("application/problem+json");
        as("clinician").header("If-Match", "*").body("{ \"lifeExpectancyMonths\": 2 }")
                .patch(patient(patientId)).then().statusCode(200).header("ETag", startsWith("\"2-"));
        as("clinician").get(patient(patientId)).then().body("lifeExpectancyMonths", equalTo(2));
    }

    @Test
    void anIfMatchSentOnSeveralLinesIsReadAsOneList() {
        String patientId = registeredPatient();

        // RFC 9110 §5.3: field lines of one list-based field are one comma-separated list, whichever line holds a tag.
        as("clinician").header("If-Match", "\"7\"").header("If-Match", "\"0\"")
                .body("{ \"lifeExpectancyMonths\": 4 }")
                .patch(patient(patientId)).then().statusCode(200).header("ETag", startsWith("\"1-"));
        as("clinician").header("If-Match", "\"1\"").header("If-Match", "W/\"x\", \"9\"")
                .body(MORPHINE).put(regimenOf(patientId)).then().statusCode(412);
        as("clinician").get(patient(patientId)).then().body("lifeExpectancyMonths", equalTo(4));
    }

    @Test
    void anIfMatchThatIsNoEntityTagIs412AndChangesNothing() {
        String patientId = registeredPatient();

        for (String malformed : new String[] {"0", "\"0", "\"0\" \"1\"", "\"abc\"", ","}) {
            as("clinician").header("If-Match", malformed).body("{ \"lifeExpectancyMonths\": 4 }")
                    .patch(patient(patientId)).then().statusCode(412).contentType("application/problem+json");
        }
        as("clinician").get(patient(patientId)).then().body("version", equalTo(0));
    }

    @Test
    void aRegimenIsReplacedOnlyUnderAStrongCurrentTag() {
        String patientId = registeredPatient();

        // Before the first regimen there is no current one for * to match; "0" is how a client says "none yet".
        as("clinician").header("If-Match", "*").body(MORPHINE).put(regimenOf(patientId)).then().statusCode(412)
                .contentType("application/problem+json");
        as("clinician").header("If-Match", "W/\"0\"").body(MORPHINE).put(regimenOf(patientId)).then().statusCode(412);
        as("clinician").get(regimenOf(patientId)).then().statusCode(404);

        as("clinician").header("If-Match", "\"3\", \"0\"").body(MORPHINE).put(regimenOf(patientId)).then()
                .statusCode(200).header("ETag", equalTo("\"1\""));
        as("clinician").header("If-Match", "*").body(MORPHINE.replace("\"dose\": 10", "\"dose\": 15"))
                .put(regimenOf(patientId)).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aCaseMovesUnderAListNamingItsVersionButNotUnderAWeakTag() {
        String caseId = flaggedPatient(pancreaticPain())[1];

        as("palliative").header("If-Match", "W/\"0\"").body("{ \"to\": \"UNDER_REVIEW\" }").post(transitions(caseId))
                .then().statusCode(412).contentType("application/problem+json");
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().body("status", equalTo("OPEN"));

        as("palliative").header("If-Match", "\"5\",\"0\"").body("{ \"to\": \"UNDER_REVIEW\" }")
                .post(transitions(caseId)).then().statusCode(200).header("ETag", startsWith("\"1-"));
    }
}

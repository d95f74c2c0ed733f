package org.painladder.api;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;
import static org.painladder.api.RefractoryCaseFixtures.flaggedPatient;
import static org.painladder.api.RefractoryCaseFixtures.pancreaticPain;
import static org.painladder.api.RefractoryCaseFixtures.postScore;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainSite;

/**
 * A patient and a refractory case are read with live figures (latest score, pain control, OMEDD) that a pain score
 * changes without changing the record's own version. Their ETag covers what was read, so a cache or an EHR asking
 * If-None-Match never keeps a copy with yesterday's score; If-Match on a write still compares the record's own
 * version, so a score recorded in between does not make the EHR's PATCH or the team's case move fail.
 */
@QuarkusTest
class LiveStateETagTest {

    private static String patient(String id) {
        return "/api/v1/patients/" + id;
    }

    private static void scoreNow(String patientId, int score) {
        postScore(patientId, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60), score,
                PainSite.ABDOMEN_UPPER, PainMechanism.NOCICEPTIVE_VISCERAL);
    }

    @Test
    void aNewPainScoreChangesThePatientsETagAndIfNoneMatchSeesIt() {
        String patientId = registeredPatient();
        String beforeScore = as("ehr").get(patient(patientId)).then().statusCode(200).body("latestScore", equalTo(null))
                .extract().header("ETag");
        as("ehr").header("If-None-Match", beforeScore).get(patient(patientId)).then().statusCode(304)
                .header("ETag", beforeScore).body(emptyString());

        scoreNow(patientId, 8);

        String afterScore = as("ehr").header("If-None-Match", beforeScore).get(patient(patientId)).then()
                .statusCode(200).body("latestScore", equalTo(8)).body("version", equalTo(0)).extract().header("ETag");
        assertNotEquals(beforeScore, afterScore);
        as("ehr").header("If-None-Match", "W/" + afterScore).get(patient(patientId)).then().statusCode(304);
        as("ehr").header("If-None-Match", "*").get(patient(patientId)).then().statusCode(304);
    }

    @Test
    void aPatchWithTheETagReadBeforeANewScoreIsAppliedAndOneBeforeAnotherPatchIs412() {
        String patientId = registeredPatient();
        String read = as("ehr").get(patient(patientId)).then().extract().header("ETag");

        scoreNow(patientId, 7);

        String patched = as("ehr").header("If-Match", read).body("{ \"lifeExpectancyMonths\": 4 }")
                .patch(patient(patientId)).then().statusCode(200).body("version", equalTo(1))
                .body("latestScore", equalTo(7)).extract().header("ETag");
        assertEquals(patched, as("ehr").get(patient(patientId)).then().extract().header("ETag"),
                "the PATCH answers the ETag a read of its answer gives");
        // The patient's own fields changed since that read: the EHR's copy is stale.
        as("ehr").header("If-Match", read).body("{ \"lifeExpectancyMonths\": 3 }").patch(patient(patientId)).then()
                .statusCode(412).contentType("application/problem+json");
        // The version alone, quoted, still names the patient's version.
        as("ehr").header("If-Match", "\"1\"").body("{ \"lifeExpectancyMonths\": 2 }").patch(patient(patientId))
                .then().statusCode(200).body("version", equalTo(2));
        as("ehr").get(patient(patientId)).then().body("lifeExpectancyMonths", equalTo(2));
    }

    @Test
    void aNewScoreChangesTheCasesETagButNotWhetherTheTeamMayMoveIt() {
        String[] flagged = flaggedPatient(pancreaticPain());
        String casePath = "/api/v1/refractory-cases/" + flagged[1];
        String read = as("palliative").get(casePath).then().statusCode(200).extract().header("ETag");

        scoreNow(flagged[0], 9);

        String afterScore = as("palliative").header("If-None-Match", read).get(casePath).then().statusCode(200)
                .body("latestScore", equalTo(9)).body("version", equalTo(0)).extract().header("ETag");
        assertNotEquals(read, afterScore);
        as("palliative").header("If-Match", read).body("{ \"to\": \"UNDER_REVIEW\" }")
                .post(casePath + "/transitions").then().statusCode(200).body("status", equalTo("UNDER_REVIEW"))
                .header("ETag", not(equalTo(afterScore)));
        as("palliative").header("If-Match", read).body("{ \"to\": \"REFERRED\" }").post(casePath + "/transitions")
                .then().statusCode(412);
    }
}

package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;
import static org.painladder.api.RefractoryCaseFixtures.flaggedPatient;
import static org.painladder.api.RefractoryCaseFixtures.pancreaticPain;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainSite;

@QuarkusTest
class CohortStatsTest {

    private static final String STATS = "/api/v1/stats/cohort";


    private static JsonPath stats() {
        return as("palliative").get(STATS).then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath stats, String fraction) {
        return Math.round(stats.getDouble(fraction) * stats.getLong("activePatients"));
    }

    @Test
    void theCohortCountsActivePatientsByStepControlAndOpenCases() {
        JsonPath before = stats();
        String controlled = registeredPatient();
        RefractoryCaseFixtures.postScore(controlled, Instant.now().truncatedTo(ChronoUnit.SECONDS), 2,
                PainSite.ABDOMEN_UPPER, PainMechanism.NOCICEPTIVE_VISCERAL);
        flaggedPatient(pancreaticPain());
        JsonPath after = stats();

        assertEquals(before.getLong("activePatients") + 2, after.getLong("activePatients"));
        assertEquals(before.getLong("byStep.0") + 1, after.getLong("byStep.0"));
        assertEquals(before.getLong("byStep.3") + 1, after.getLong("byStep.3"));
        assertEquals(count(before, "controlledFraction") + 1, count(after, "controlledFraction"));
        assertEquals(before.getLong("refractoryOpen") + 1, after.getLong("refractoryOpen"));
        assertEquals(count(before, "refractoryFraction") + 1, count(after, "refractoryFraction"));
        assertEquals(List.of(0.10f, 0.20f), after.getList("expectedRefractoryRange"));
        assertEquals(List.of("0", "1", "2", "3"), after.getMap("byStep").keySet().stream().sorted().toList());
    }

    @Test
    void aDischargedPatientsOpenCaseStillCountsAsOpenButNotInTheActiveFraction() {
        String patientId = flaggedPatient(pancreaticPain())[0];
        JsonPath before = stats();
        as("ehr").body("{ \"status\": \"DISCHARGED\" }").patch("/api/v1/patients/" + patientId).then().statusCode(200);
        JsonPath after = stats();

        assertEquals(before.getLong("activePatients") - 1, after.getLong("activePatients"));
        assertEquals(before.getLong("refractoryOpen"), after.getLong("refractoryOpen"));
        assertEquals(count(before, "refractoryFraction") - 1, count(after, "refractoryFraction"));
    }

    @Test
    void everyRoleButTheAuditorReadsTheCohort() {
        as("clinician").get(STATS).then().statusCode(200).body("expectedRefractoryRange.size()", equalTo(2));
        as("admin").get(STATS).then().statusCode(200);
        as("ehr").get(STATS).then().statusCode(200);
        as("auditor").get(STATS).then().statusCode(403);
    }
}

package org.painladder.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cohort statistics count every patient, so a replica computes them at most once per
 * {@code painladder.stats.max-age} (5 s unless configured; the other tests run with 0) and dashboards polling it cost
 * the database nothing more: within the max age, patients registered since are not counted yet.
 */
@QuarkusTest
@TestProfile(CohortStatsMaxAgeTest.KeptAnHour.class)
class CohortStatsMaxAgeTest {

    public static class KeptAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(TestDatabases.ownH2Database("painladder-stats-max-age"));
            overrides.put("painladder.stats.max-age", "PT1H");
            return overrides;
        }
    }

    @Test
    void withinItsMaxAgeTheCohortIsAnsweredFromItsLastComputation() {
        long counted = activePatients();
        registeredPatient();
        registeredPatient();

        assertEquals(counted, activePatients());
    }

    private static long activePatients() {
        return as("palliative").get("/api/v1/stats/cohort").then().statusCode(200).extract().jsonPath()
                .getLong("activePatients");
    }
}

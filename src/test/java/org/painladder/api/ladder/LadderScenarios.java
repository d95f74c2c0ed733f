package org.painladder.api.ladder;

import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The situations the ladder tests start from, in the words of the clinic. */
final class LadderScenarios {

    private LadderScenarios() {
    }

    static String hoursAgo(long hours) {
        return Instant.now().minus(hours, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String assessmentsOf(String patientId) {
        return "/api/v1/patients/" + patientId + "/pain-assessments";
    }

    static String recommendationsOf(String patientId) {
        return "/api/v1/patients/" + patientId + "/recommendations";
    }

    static String ladderOf(String patientId) {
        return "/api/v1/patients/" + patientId + "/ladder";
    }

    /** Posts an NRS background score as the EHR and answers the response body. */
    static JsonPath nrs(String patientId, String externalId, long hoursAgo, int value) {
        return as("ehr").body(nrsJson(externalId, hoursAgo(hoursAgo), value)).post(assessmentsOf(patientId))
                .then().statusCode(201).extract().jsonPath();
    }

    /** A patient with no analgesic who reports NRS 8: the rules advise skipping step 2 (LAD-04). */
    record SeverePainOnStepZero(String patientId, String assessmentId, String recommendationId) {
        static SeverePainOnStepZero registered() {
            String patientId = registeredPatient();
            JsonPath answer = nrs(patientId, "obs-severe", 1, 8);
            return new SeverePainOnStepZero(patientId, answer.getString("id"),
                    answer.getString("evaluation.recommendations.find { it.ruleId == 'LAD-04' }.id"));
        }

        String recommendation() {
            return recommendationsOf(patientId) + "/" + recommendationId;
        }
    }
}

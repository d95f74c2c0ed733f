package org.painladder.api.ladder;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;
import static org.painladder.api.ladder.LadderScenarios.assessmentsOf;
import static org.painladder.api.ladder.LadderScenarios.hoursAgo;
import static org.painladder.api.ladder.LadderScenarios.recommendationsOf;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.painladder.api.ApiFixtures;

/**
 * The third outside tester's requests, driven through the API: a PATCH of unableToSwallow moves the oral opioid under
 * the skin (ROT-03) and the regimen PUT warns on oral lines; transmucosal fentanyl waits for a week at the tolerance
 * dose, read from the regimen history.
 */
@QuarkusTest
class RouteAndToleranceApiTest {

    private static final String MORPHINE_60 = """
            { "items": [
                { "drug": "MORPHINE", "route": "ORAL", "dose": 30, "unit": "mg", "timesPerDay": 2 },
                { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6, "prn": true },
                { "drug": "SENNA", "route": "ORAL", "dose": 15, "unit": "mg", "timesPerDay": 1 } ],
              "reason": "step 3", "effectiveAt": "%s" }
            """;
    private static final String ONE_EPISODE = "\"breakthroughEpisodes24h\": 1";

    /** A background NRS score as the EHR sends it, with {@code breakthrough} fields after the site and course. */
    private static void score(String patientId, String id, String recordedAt, int value, String breakthrough) {
        as("ehr").body("""
                { "externalId": "%s", "recordedAt": "%s", "scale": "NRS", "value": %d, "kind": "BACKGROUND",
                  "site": "ABDOMEN_UPPER", "mechanism": "NOCICEPTIVE_VISCERAL", "course": "CHRONIC",
                  %s, "source": "EHR" }
                """.formatted(id, recordedAt, value, breakthrough)).post(assessmentsOf(patientId))
                .then().statusCode(201);
    }

    @Test
    void patchingUnableToSwallowReplacesMaintainByASubcutaneousRouteChangeAndPutWarnsOnOralLines() {
        String patientId = registeredPatient();
        as("clinician").body(MORPHINE_60.formatted(hoursAgo(72))).put("/api/v1/patients/" + patientId + "/regimen")
                .then().statusCode(200)
                .body("warnings.code", not(hasItem("ORAL_ROUTE_UNABLE_TO_SWALLOW")));
        score(patientId, "swallow-1-" + patientId, hoursAgo(10), 3, ONE_EPISODE);
        score(patientId, "swallow-2-" + patientId, hoursAgo(1), 3, ONE_EPISODE);

        as("clinician").contentType(ApiFixtures.MERGE_PATCH_UTF8).body("{ \"unableToSwallow\": true }")
                .patch("/api/v1/patients/" + patientId).then().statusCode(200);

        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patientId)).then()
                .body("items.ruleId", hasItem("ROT-03"))
                .body("items.ruleId", not(hasItem("MNT-01")))
                .body("items.find { it.ruleId == 'ROT-03' }.proposal.route", equalTo("SC"));
        as("clinician").body(MORPHINE_60.formatted(hoursAgo(0))).put("/api/v1/patients/" + patientId + "/regimen")
                .then().statusCode(200)
                .body("warnings.find { it.code == 'ORAL_ROUTE_UNABLE_TO_SWALLOW' }.items", equalTo(
                        java.util.List.of(0, 1, 2)));
    }

    @Test
    void transmucosalFentanylWaitsForAWeekAtTheToleranceDose() {
        String patientId = registeredPatient();
        as("clinician").body(MORPHINE_60.formatted(hoursAgo(20))).put("/api/v1/patients/" + patientId + "/regimen")
                .then().statusCode(200);
        String incident = "\"breakthroughEpisodes24h\": 4, \"breakthroughType\": \"INCIDENT\"";
        score(patientId, "tirf-1-" + patientId, hoursAgo(12), 3, incident);
        score(patientId, "tirf-2-" + patientId, hoursAgo(1), 3, incident);

        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patientId)).then()
                .body("items.find { it.ruleId == 'RSC-03' }.proposal.transmucosalFentanyl",
                        equalTo("not for a patient who is not opioid-tolerant"))
                .body("items.find { it.ruleId == 'RSC-03' }.safetyChecks.find { it.check == 'OPIOID_TOLERANCE' }"
                        + ".result", equalTo("CHANGED"));
    }
}

package org.painladder.api.ladder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.RefractoryCaseFixtures.flaggedPatient;
import static org.painladder.api.RefractoryCaseFixtures.pancreaticPain;
import static org.painladder.api.ladder.LadderScenarios.assessmentsOf;
import static org.painladder.api.ladder.LadderScenarios.hoursAgo;
import static org.painladder.api.ladder.LadderScenarios.recommendationsOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.painladder.api.TestTokens;
import org.painladder.api.ladder.LadderScenarios.SeverePainOnStepZero;

/**
 * A patient whose status becomes DECEASED leaves the palliative team's worklist and the clinicians' advice: the open
 * case closes with outcome DECEASED, pending advice is superseded, and a score recorded after the death is refused.
 */
@QuarkusTest
class DeceasedPatientTest {

    private static final String STATS = "/api/v1/stats/cohort";

    private static void diedAsReportedBy(String user, String patientId) {
        given().header("Authorization", "Bearer " + TestTokens.forRole("ehr", user)).contentType(ContentType.JSON)
                .body("{ \"status\": \"DECEASED\" }").patch("/api/v1/patients/" + patientId).then().statusCode(200)
                .body("status", equalTo("DECEASED"));
    }

    private static JsonPath stats() {
        return as("palliative").get(STATS).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theOpenCaseClosesWithOutcomeDeceasedNamingWhoReportedIt() {
        String[] flagged = flaggedPatient(pancreaticPain());
        String patientId = flagged[0];
        String caseId = flagged[1];
        JsonPath before = stats();

        diedAsReportedBy("ehr.adt", patientId);

        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("DECEASED"))
                .body("history[-1].to", equalTo("CLOSED")).body("history[-1].by", equalTo("ehr.adt"));
        as("palliative").get("/api/v1/patients/" + patientId).then()
                .body("refractory", equalTo(false)).body("openRefractoryCaseId", nullValue());
        as("palliative").queryParam("status", "OPEN").queryParam("size", 200).get("/api/v1/refractory-cases").then()
                .body("items.id", not(hasItem(caseId)));
        JsonPath after = stats();
        assertEquals(before.getLong("refractoryOpen") - 1, after.getLong("refractoryOpen"));
        as("auditor").queryParam("patientId", patientId).queryParam("actor", "ehr.adt").get("/api/v1/audit-events")
                .then().statusCode(200).body("items.action", hasItem("UPDATE"));
    }

    @Test
    void pendingAdviceIsSupersededAndCanNoLongerBeAccepted() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();

        diedAsReportedBy("ehr.adt", patient.patientId());

        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patient.patientId())).then()
                .body("items", empty());
        as("clinician").get(patient.recommendation()).then().body("status", equalTo("SUPERSEDED"));
        as("clinician").body("{ \"note\": \"too late\" }").post(patient.recommendation() + "/accept").then()
                .statusCode(409);
        given().header("Authorization", TestTokens.bearer("ehr")).contentType(ContentType.JSON).body("""
                { "hook": "patient-view", "hookInstance": "%s",
                  "context": { "userId": "Practitioner/example", "patientId": "%s" } }
                """.formatted(UUID.randomUUID(), patient.patientId())).post("/cds-services/painladder-patient-view")
                .then().statusCode(200).body("cards", empty());
    }

    @Test
    void aScoreRecordedAfterTheDeathIsRefusedAndALateChartedOneIsKeptWithoutAdvice() {
        String patientId = org.painladder.api.ApiFixtures.registeredPatient();
        diedAsReportedBy("ehr.adt", patientId);

        // A minute after the status changed, as an EHR clock a little ahead of the service's would put it.
        String afterDeath = Instant.now().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        as("ehr").body(nrsJson("after-death", afterDeath, 8))
                .post(assessmentsOf(patientId)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("DECEASED"));

        as("ehr").body(nrsJson("charted-late", hoursAgo(3), 9)).post(assessmentsOf(patientId)).then()
                .statusCode(201).body("evaluation.recommendations", empty())
                .body("evaluation.refractoryCaseId", nullValue());
        as("clinician").queryParam("status", "PENDING").get(recommendationsOf(patientId)).then()
                .body("items", empty());
        as("clinician").get(assessmentsOf(patientId)).then().body("total", equalTo(1));
    }
}

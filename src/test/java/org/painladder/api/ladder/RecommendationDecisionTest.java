package org.painladder.api.ladder;

import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.asUser;
import static org.painladder.api.ladder.LadderScenarios.ladderOf;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.painladder.api.ladder.LadderScenarios.SeverePainOnStepZero;

/** A clinician decides a recommendation once; accepting an escalation moves the patient up the ladder. */
@QuarkusTest
class RecommendationDecisionTest {

    private static final String ACCEPT = "{ \"clinician\": \"dr.lee\", \"note\": \"morphine IR 5 mg 4-hourly\" }";
    private static final String REJECT =
            "{ \"clinician\": \"dr.ortiz\", \"reason\": \"pain settled after the enema\" }";

    @Test
    void acceptingTheSkipToStrongOpioidsMovesThePatientToStepThreeWithATransition() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();

        asUser("clinician", "dr.lee").body(ACCEPT).post(patient.recommendation() + "/accept").then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("id", equalTo(patient.recommendationId()))
                .body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("dr.lee"))
                .body("decisionNote", equalTo("morphine IR 5 mg 4-hourly"))
                .body("decidedAt", notNullValue())
                .body("version", equalTo(1));
        // Read back as stored, so that both timestamps have the database's precision.
        String decidedAt = as("clinician").get(patient.recommendation()).then().extract().path("decidedAt");

        as("clinician").get(ladderOf(patient.patientId())).then().statusCode(200)
                .body("step", equalTo(3))
                .body("since", equalTo(decidedAt))
                .body("transitions", hasSize(1))
                .body("transitions[0].fromStep", equalTo(0))
                .body("transitions[0].toStep", equalTo(3))
                .body("transitions[0].at", equalTo(decidedAt))
                .body("transitions[0].cause", equalTo("RECOMMENDATION_ACCEPTED"))
                .body("transitions[0].recommendationId", equalTo(patient.recommendationId()))
                .body("transitions[0].actor", equalTo("dr.lee"));
        as("ehr").get("/api/v1/patients/" + patient.patientId()).then()
                .body("ladderStep", equalTo(3))
                .body("ladderSince", equalTo(decidedAt));
    }

    @Test
    void rejectingKeepsTheReasonAndLeavesTheLadderAlone() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();

        asUser("palliative", "dr.ortiz").body(REJECT).post(patient.recommendation() + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("decidedBy", equalTo("dr.ortiz"))
                .body("decisionNote", equalTo("pain settled after the enema"));

        as("clinician").get(ladderOf(patient.patientId())).then()
                .body("step", equalTo(0)).body("since", nullValue()).body("transitions", emptyIterable());
        as("clinician").queryParam("status", "REJECTED").get(LadderScenarios.recommendationsOf(patient.patientId()))
                .then().body("items[0].id", equalTo(patient.recommendationId()));
    }

    @Test
    void aDecisionIsFinal() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();
        asUser("clinician", "dr.lee").body(ACCEPT).post(patient.recommendation() + "/accept").then().statusCode(200);

        asUser("clinician", "dr.lee").body(ACCEPT).post(patient.recommendation() + "/accept").then().statusCode(409)
                .contentType("application/problem+json");
        asUser("admin", "dr.ortiz").body(REJECT).post(patient.recommendation() + "/reject").then().statusCode(409);

        as("clinician").get(patient.recommendation()).then().body("status", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("dr.lee")).body("version", equalTo(1));
        as("clinician").get(ladderOf(patient.patientId())).then().body("transitions", hasSize(1));
    }

    @Test
    void rejectingWithoutAReasonIs422AndChangesNothing() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();

        as("clinician").body("{ \"clinician\": \"dr.lee\" }").post(patient.recommendation() + "/reject").then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("reason"));
        as("clinician").body("{ \"clinician\": \"dr.lee\", \"reason\": \"  \" }")
                .post(patient.recommendation() + "/reject").then().statusCode(422);
        as("clinician").body("{ \"clinician\": ").post(patient.recommendation() + "/accept").then().statusCode(400);

        as("clinician").get(patient.recommendation()).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("status", equalTo("PENDING")).body("decidedBy", nullValue()).body("version", equalTo(0));
        as("clinician").get(ladderOf(patient.patientId())).then().body("step", equalTo(0));
    }

    @Test
    void aStaleIfMatchIs412AndTheCurrentOneIsAccepted() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();

        asUser("clinician", "dr.lee").header("If-Match", "\"7\"")
                .body(ACCEPT).post(patient.recommendation() + "/accept").then()
                .statusCode(412).contentType("application/problem+json");
        as("clinician").get(patient.recommendation()).then().body("status", equalTo("PENDING"));
        as("clinician").get(ladderOf(patient.patientId())).then().body("step", equalTo(0));

        asUser("clinician", "dr.lee").header("If-Match", "\"0\"")
                .body(ACCEPT).post(patient.recommendation() + "/accept").then()
                .statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aWeakIfMatchNeverMatchesButAListNamingTheCurrentVersionDoes() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();

        asUser("palliative", "dr.ortiz").header("If-Match", "W/\"0\"")
                .body(REJECT).post(patient.recommendation() + "/reject").then()
                .statusCode(412).contentType("application/problem+json");
        as("clinician").get(patient.recommendation()).then().body("status", equalTo("PENDING"));

        asUser("clinician", "dr.lee").header("If-Match", "\"7\", \"0\"")
                .body(ACCEPT).post(patient.recommendation() + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void onlyCliniciansPalliativeTeamsAndAdminsDecide() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();

        as("ehr").body(ACCEPT).post(patient.recommendation() + "/accept").then().statusCode(403);
        as("auditor").body(REJECT).post(patient.recommendation() + "/reject").then().statusCode(403);
        as("clinician").get(patient.recommendation()).then().body("status", equalTo("PENDING"));
    }

    @Test
    void anUnknownRecommendationOrOneOfAnotherPatientIs404() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();
        SeverePainOnStepZero other = SeverePainOnStepZero.registered();

        asUser("clinician", "dr.lee").body(ACCEPT).post(LadderScenarios.recommendationsOf(patient.patientId()) + "/"
                + other.recommendationId() + "/accept").then().statusCode(404);
        asUser("clinician", "dr.lee").body(ACCEPT).post(LadderScenarios.recommendationsOf(patient.patientId())
                + "/00000000-0000-0000-0000-000000000000/accept").then().statusCode(404);
        as("clinician").get(other.recommendation()).then().body("status", equalTo("PENDING"));
    }
}

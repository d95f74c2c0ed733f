package org.painladder.api.ladder;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;
import static org.painladder.api.ladder.LadderScenarios.ladderOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.painladder.api.RefractoryCaseFixtures;
import org.painladder.api.TestTokens;
import org.painladder.api.ladder.LadderScenarios.SeverePainOnStepZero;

/**
 * The clinical record names who really acted: the signed-in user of the token, as the audit trail does. A body may
 * still carry the name (api.md shows it) to confirm it; a different name is refused and changes nothing. Only the EHR's
 * system account records a regimen on behalf of the prescriber it names, and the record keeps both.
 */
@QuarkusTest
class WhoActedTest {

    private static final String MORPHINE_4_HOURLY =
            "{ \"drug\": \"MORPHINE\", \"route\": \"ORAL\", \"dose\": 10, \"unit\": \"mg\", \"timesPerDay\": 6 }";

    private static RequestSpecification signedInAs(String role, String user) {
        return given().header("Authorization", "Bearer " + TestTokens.forRole(role, user)).contentType(ContentType.JSON);
    }

    @Test
    void acceptingRecordsTheSignedInClinicianWhetherTheBodyNamesThemOrNot() {
        SeverePainOnStepZero named = SeverePainOnStepZero.registered();
        signedInAs("clinician", "dr.lee").body("{ \"clinician\": \"dr.lee\", \"note\": \"started\" }")
                .post(named.recommendation() + "/accept").then().statusCode(200).body("decidedBy", equalTo("dr.lee"));
        as("clinician").get(ladderOf(named.patientId())).then().body("transitions[0].actor", equalTo("dr.lee"));

        SeverePainOnStepZero unnamed = SeverePainOnStepZero.registered();
        signedInAs("clinician", "dr.lee").body("{ \"note\": \"started\" }")
                .post(unnamed.recommendation() + "/accept").then().statusCode(200).body("decidedBy", equalTo("dr.lee"));
        as("clinician").get(ladderOf(unnamed.patientId())).then().body("transitions[0].actor", equalTo("dr.lee"));

        SeverePainOnStepZero rejected = SeverePainOnStepZero.registered();
        signedInAs("palliative", "pc.nurse.kim").body("{ \"reason\": \"settled after the enema\" }")
                .post(rejected.recommendation() + "/reject").then().statusCode(200)
                .body("decidedBy", equalTo("pc.nurse.kim"));
    }

    @Test
    void aDecisionInAColleaguesNameIs422AndChangesNothing() {
        SeverePainOnStepZero patient = SeverePainOnStepZero.registered();

        signedInAs("clinician", "dr.lee").body("{ \"clinician\": \"dr.someone.else\", \"note\": \"ok\" }")
                .post(patient.recommendation() + "/accept").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", equalTo("clinician"));
        signedInAs("clinician", "dr.lee").body("{ \"clinician\": \"<img src=x onerror=alert(1)>\", \"reason\": \"no\" }")
                .post(patient.recommendation() + "/reject").then().statusCode(422)
                .body("violations[0].field", equalTo("clinician"))
                .body("detail", not(org.hamcrest.Matchers.containsString("<img")));

        as("clinician").get(patient.recommendation()).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("decidedBy", nullValue()).body("version", equalTo(0));
        as("clinician").get(ladderOf(patient.patientId())).then().body("step", equalTo(0));
    }

    @Test
    void aCaseMoveRecordsTheSignedInMemberOfThePalliativeTeam() {
        String caseId = RefractoryCaseFixtures.flaggedPatient(RefractoryCaseFixtures.pancreaticPain())[1];

        signedInAs("palliative", "pc.nurse.kim").body("{ \"to\": \"UNDER_REVIEW\", \"by\": \"someone.else\" }")
                .post("/api/v1/refractory-cases/" + caseId + "/transitions").then().statusCode(422)
                .body("violations[0].field", equalTo("by"));
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then()
                .body("status", equalTo("OPEN")).body("version", equalTo(0)).body("history", hasSize(1));

        signedInAs("palliative", "pc.nurse.kim").body("{ \"to\": \"UNDER_REVIEW\", \"by\": \"pc.nurse.kim\" }")
                .post("/api/v1/refractory-cases/" + caseId + "/transitions").then().statusCode(200)
                .body("history[1].by", equalTo("pc.nurse.kim"));
        signedInAs("admin", "dr.admin").body("{ \"to\": \"CLOSED\", \"outcome\": \"PAIN_CONTROLLED\" }")
                .post("/api/v1/refractory-cases/" + caseId + "/transitions").then().statusCode(200)
                .body("history[2].by", equalTo("dr.admin"));
    }

    @Test
    void aClinicianRecordsARegimenInTheirOwnNameOnly() {
        String patientId = registeredPatient();
        String regimen = "/api/v1/patients/" + patientId + "/regimen";

        signedInAs("clinician", "dr.lee").body("{ \"items\": [" + MORPHINE_4_HOURLY + "], \"changedBy\": \"dr.ortiz\" }")
                .put(regimen).then().statusCode(422).body("violations[0].field", equalTo("changedBy"));
        as("clinician").get(regimen).then().statusCode(404);
        as("clinician").get(ladderOf(patientId)).then().body("step", equalTo(0));

        signedInAs("clinician", "dr.lee").body("{ \"items\": [" + MORPHINE_4_HOURLY + "] }").put(regimen).then()
                .statusCode(200).body("changedBy", equalTo("dr.lee")).body("recordedBy", equalTo("dr.lee"));
        as("clinician").get(ladderOf(patientId)).then()
                .body("transitions[0].actor", equalTo("dr.lee")).body("transitions[0].recordedBy", equalTo("dr.lee"));
    }

    @Test
    void theEhrRecordsARegimenForThePrescriberItNamesAndTheRecordShowsBoth() {
        String patientId = registeredPatient();
        String regimen = "/api/v1/patients/" + patientId + "/regimen";

        signedInAs("ehr", "ehr.interface").body("{ \"items\": [" + MORPHINE_4_HOURLY + "], \"changedBy\": \"dr.lee\" }")
                .put(regimen).then().statusCode(200)
                .body("changedBy", equalTo("dr.lee")).body("recordedBy", equalTo("ehr.interface"));
        as("clinician").get(regimen + "/history").then()
                .body("items[0].changedBy", equalTo("dr.lee")).body("items[0].recordedBy", equalTo("ehr.interface"));
        as("clinician").get(ladderOf(patientId)).then()
                .body("transitions[0].actor", equalTo("dr.lee"))
                .body("transitions[0].recordedBy", equalTo("ehr.interface"));
    }

    @Test
    void aPrescribersNameTheEhrCannotRecordFaithfullyIs422() {
        String patientId = registeredPatient();
        String regimen = "/api/v1/patients/" + patientId + "/regimen";

        for (String name : new String[] {"dr.lee\\u202e", "dr.\\u200blee", "dr.lee\\n", "  "}) {
            signedInAs("ehr", "ehr.interface")
                    .body("{ \"items\": [" + MORPHINE_4_HOURLY + "], \"changedBy\": \"" + name + "\" }")
                    .put(regimen).then().statusCode(422).body("violations[0].field", equalTo("changedBy"));
        }
        as("clinician").get(regimen).then().statusCode(404);
    }
}

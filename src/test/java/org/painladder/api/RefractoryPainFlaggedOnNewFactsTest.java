package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * REF-01 runs on every new fact, through the public API only: a pancreatic-cancer patient whose step-3 regimen the
 * EHR backfilled 15 days ago (oral morphine 240 mg/d) keeps reporting NRS 7 — the second score 10 h after the first
 * makes the pain persistent, the case opens, and the referral sits beside the ladder's own advice.
 */
@QuarkusTest
class RefractoryPainFlaggedOnNewFactsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static String morphine240(Instant effectiveAt) {
        return """
                { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 120, "unit": "mg", "timesPerDay": 2, "prn": false },
                             { "drug": "MORPHINE", "route": "ORAL", "dose": 40, "unit": "mg", "timesPerDay": 6, "prn": true },
                             { "drug": "PARACETAMOL", "route": "ORAL", "dose": 1000, "unit": "mg", "timesPerDay": 4, "prn": false } ],
                  "reason": "titration", "effectiveAt": "%s" }
                """.formatted(effectiveAt);
    }

    private static String post(String patientId, String externalId, Instant at, int score) {
        return as("ehr").body(nrsJson(externalId, at.toString(), score))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201)
                .extract().asString();
    }

    @Test
    void persistentSeverePainAfterAnAdequateStep3TrialOpensOneCaseWithAReferral() {
        String patientId = registeredPatient();
        as("clinician").body(morphine240(NOW.minus(15, ChronoUnit.DAYS)))
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200)
                .body("ladderStep", equalTo(3)).body("omeddMg", equalTo(240.0f));

        post(patientId, "ref-1", NOW.minus(20, ChronoUnit.HOURS), 7);
        as("clinician").get("/api/v1/patients/" + patientId).then().body("refractory", equalTo(false));

        String caseId = as("ehr").body(nrsJson("ref-2", NOW.minus(10, ChronoUnit.HOURS).toString(), 7))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201)
                .body("evaluation.refractoryCaseId", notNullValue())
                .body("evaluation.recommendations.ruleId", hasItem("REF-01"))
                .extract().path("evaluation.refractoryCaseId");
        post(patientId, "ref-3", NOW.minus(1, ChronoUnit.HOURS), 7);

        as("clinician").get("/api/v1/patients/" + patientId).then()
                .body("refractory", equalTo(true)).body("openRefractoryCaseId", equalTo(caseId));
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("patientId", equalTo(patientId))
                .body("criteria.code", hasItems("ON_STEP3_MIN_DAYS", "PERSISTENT_MODERATE_OR_SEVERE", "HIGH_OMEDD"))
                .body("candidateInterventions[0].type", equalTo("CELIAC_PLEXUS_NEUROLYSIS"))
                .body("candidateInterventions[0].contraindicatedBy", hasItem("ANTICOAGULATED"));
        List<String> referrals = as("clinician").get("/api/v1/patients/" + patientId + "/recommendations")
                .then().statusCode(200).extract().path("items.findAll { it.ruleId == 'REF-01' }.type");
        assertEquals(List.of("REFER_INTERVENTIONAL"), referrals, "one referral, however many scores follow");
    }

    @Test
    void thirteenDaysOnStep3IsNotYetAnAdequateTrial() {
        String patientId = registeredPatient();
        as("clinician").body(morphine240(NOW.minus(13, ChronoUnit.DAYS)))
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
        post(patientId, "short-1", NOW.minus(20, ChronoUnit.HOURS), 7);
        as("ehr").body(nrsJson("short-2", NOW.minus(10, ChronoUnit.HOURS).toString(), 7))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201)
                .body("evaluation.refractoryCaseId", nullValue());
        as("clinician").get("/api/v1/patients/" + patientId).then().body("refractory", equalTo(false));
    }
}

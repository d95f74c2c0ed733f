package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.asUser;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The fourth outside review (finding 5), as the tester drove it: after 17 days on oral morphine the team switched to a
 * fentanyl patch; pain 8/10 on the patch. REF-01 called the pain refractory ("2 strong opioids tried") while LAD-06 in
 * the same answer asked to raise the patch. A patch not yet titrated, or not yet past its 72 h, is no failed opioid.
 */
@QuarkusTest
class RefractoryAfterAnAdequateTrialTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static void regimen(String patientId, String items, Instant effectiveAt) {
        asUser("clinician", "dr.lee").body("""
                        { "items": [ %s,
                            { "drug": "SENNA", "route": "ORAL", "dose": 15, "unit": "mg", "timesPerDay": 1 } ],
                          "changedBy": "dr.lee", "reason": "test", "effectiveAt": "%s" }""".formatted(items, effectiveAt))
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
    }

    private static String patchAfterMorphine(int mcgPerHour, long patchHoursAgo) {
        String patientId = registeredPatient();
        regimen(patientId, """
                { "drug": "MORPHINE", "route": "ORAL", "dose": 30, "unit": "mg", "timesPerDay": 2 }""",
                NOW.minus(20, ChronoUnit.DAYS));
        regimen(patientId, """
                { "drug": "FENTANYL", "route": "TRANSDERMAL", "dose": %d, "unit": "mcg/h", "timesPerDay": 1 },
                { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6, "prn": true }"""
                .formatted(mcgPerHour), NOW.minus(patchHoursAgo, ChronoUnit.HOURS));
        as("ehr").body(nrsJson("trial-1", NOW.minus(7, ChronoUnit.HOURS).toString(), 8))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
        return patientId;
    }

    @Test
    void anUntitratedPatchAfterMorphineIsNotTwoOpioidsFailed() {
        String patientId = patchAfterMorphine(25, 80);
        as("ehr").body(nrsJson("trial-2", NOW.minus(1, ChronoUnit.HOURS).toString(), 8))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201)
                .body("evaluation.refractoryCaseId", nullValue())
                .body("evaluation.recommendations.ruleId", not(hasItem("REF-01")));
        as("clinician").get("/api/v1/patients/" + patientId).then().body("refractory", equalTo(false));
        as("clinician").get("/api/v1/patients/" + patientId + "/recommendations?status=PENDING").then()
                .statusCode(200).body("items.ruleId", hasItem("LAD-06"));
    }

    @Test
    void aPatchInsideItsFirst72HoursIsNotAFailedOpioid() {
        String patientId = patchAfterMorphine(50, 48);
        as("ehr").body(nrsJson("trial-2", NOW.minus(1, ChronoUnit.HOURS).toString(), 8))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201)
                .body("evaluation.refractoryCaseId", nullValue());
    }
}

package org.painladder.api.procedure;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A pancreatic-cancer patient, through the public API only: oral morphine titrated from 60 to 240 mg/d over 30 days,
 * pain still 7/10, so REF-01 opens a refractory case; the interventional team does a coeliac plexus neurolysis; the
 * pain falls to 2/10, STD-01's cause-directed arm proposes a taper, and the palliative team closes the case as
 * INTERVENTION_DONE on the suggestion the service gave.
 */
@QuarkusTest
class CoeliacNeurolysisFlowTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static String oralMorphine(int dose, int timesPerDay, Instant effectiveAt) {
        return """
                { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": %d, "unit": "mg", "timesPerDay": %d },
                             { "drug": "MORPHINE", "route": "ORAL", "dose": %d, "unit": "mg", "timesPerDay": 6, "prn": true },
                             { "drug": "PARACETAMOL", "route": "ORAL", "dose": 1000, "unit": "mg", "timesPerDay": 4 },
                             { "drug": "SENNA", "route": "ORAL", "dose": 15, "unit": "mg", "timesPerDay": 1 } ],
                  "reason": "titration", "effectiveAt": "%s" }
                """.formatted(dose, timesPerDay, dose * timesPerDay / 6, effectiveAt);
    }

    private static JsonPath score(String patientId, String externalId, Instant at, int value) {
        return as("ehr").body(nrsJson(externalId, at.toString(), value))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201)
                .extract().jsonPath();
    }

    private static String neurolysis(Instant performedAt) {
        return """
                { "type": "CELIAC_PLEXUS_NEUROLYSIS", "performedAt": "%s",
                  "outcome": "NRS 2/10 at 4 h, no hypotension", "performedBy": "dr.kaur" }
                """.formatted(performedAt);
    }

    @Test
    void oralTitrationThenRefractoryThenCoeliacNeurolysisThenTaperThenTheCaseClosedAsInterventionDone() {
        String patientId = registeredPatient();
        String regimen = "/api/v1/patients/" + patientId + "/regimen";
        as("clinician").body(oralMorphine(10, 6, NOW.minus(30, ChronoUnit.DAYS))).put(regimen).then().statusCode(200)
                .body("omeddMg", equalTo(60.0f));
        as("clinician").body(oralMorphine(60, 2, NOW.minus(22, ChronoUnit.DAYS))).put(regimen).then().statusCode(200)
                .body("omeddMg", equalTo(120.0f));
        as("clinician").body(oralMorphine(120, 2, NOW.minus(15, ChronoUnit.DAYS))).put(regimen).then()
                .statusCode(200).body("omeddMg", equalTo(240.0f));

        score(patientId, "cpn-1", NOW.minus(20, ChronoUnit.HOURS), 7);
        String caseId = score(patientId, "cpn-2", NOW.minus(14, ChronoUnit.HOURS), 7)
                .getString("evaluation.refractoryCaseId");
        assertTrue(caseId != null, "REF-01 opened a case");

        String procedures = "/api/v1/patients/" + patientId + "/procedures";
        String location = as("palliative").body(neurolysis(NOW.minus(10, ChronoUnit.HOURS))).post(procedures).then()
                .statusCode(201)
                .body("type", equalTo("CELIAC_PLEXUS_NEUROLYSIS")).body("patientId", equalTo(patientId))
                .body("performedBy", equalTo("dr.kaur")).body("recordedAt", notNullValue())
                .body("openRefractoryCaseId", equalTo(caseId))
                .body("closingSuggestion.ruleId", equalTo("REF-03"))
                .body("closingSuggestion.to", equalTo("CLOSED"))
                .body("closingSuggestion.outcome", equalTo("INTERVENTION_DONE")).extract().header("Location");
        as("clinician").get(location).then().statusCode(200).body("outcome", containsString("NRS 2/10"));
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("closingSuggestion.outcome", equalTo("INTERVENTION_DONE"))
                .body("closingSuggestion.rationale", containsString("Celiac plexus neurolysis done on"));

        score(patientId, "cpn-3", NOW.minus(6, ChronoUnit.HOURS), 2);
        JsonPath controlled = score(patientId, "cpn-4", NOW.minus(1, ChronoUnit.HOURS), 2);
        String taper = "evaluation.recommendations.find { it.ruleId == 'STD-01' }";
        Map<String, Object> proposal = controlled.getMap(taper + ".proposal");
        // 240 less 20 % is 192, rounded down to the 10 mg/d step of oral morphine.
        assertEquals(List.of("DOWN", "MORPHINE", "ORAL", 240, 190),
                List.of(proposal.get("direction"), proposal.get("drug"), proposal.get("route"),
                        ((Number) proposal.get("fromDailyDose")).intValue(),
                        ((Number) proposal.get("toDailyDose")).intValue()), proposal.toString());
        assertEquals("CELIAC_PLEXUS_NEUROLYSIS",
                controlled.getString(taper + ".evidence.facts.causeDirectedTreatment"));
        assertTrue(controlled.getString(taper + ".rationale").startsWith("Cause-directed treatment completed: celiac"
                + " plexus neurolysis"), controlled.getString(taper + ".rationale"));

        as("clinician").get("/api/v1/patients/" + patientId + "/ladder").then().statusCode(200)
                .body("step", equalTo(3)).body("procedures.type", equalTo(List.of("CELIAC_PLEXUS_NEUROLYSIS")));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-trend?days=7").then().statusCode(200)
                .body("count", equalTo(4)).body("procedures.outcome", hasItem(containsString("NRS 2/10")));
        as("ehr").get(procedures).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].type", equalTo("CELIAC_PLEXUS_NEUROLYSIS"));

        as("palliative").body("{ \"to\": \"CLOSED\", \"outcome\": \"INTERVENTION_DONE\","
                        + " \"note\": \"coeliac plexus neurolysis, pain 2/10\" }")
                .post("/api/v1/refractory-cases/" + caseId + "/transitions").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("INTERVENTION_DONE"));
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then()
                .body("closingSuggestion", equalTo(null));
        as("auditor").queryParam("patientId", patientId).queryParam("size", 100).get("/api/v1/audit-events").then()
                .statusCode(200).body("items.findAll { it.action == 'CREATE' }.resourceType", hasItem("procedures"))
                .body("items.findAll { it.resourceType == 'procedures' }.patientId", everyItem(equalTo(patientId)));
    }

    @Test
    void aProcedureWithAnUnknownTypeOrInTheFutureIsRefusedNamingTheFieldAndNothingIsStored() {
        String patientId = registeredPatient();
        String procedures = "/api/v1/patients/" + patientId + "/procedures";
        as("clinician").body("{ \"type\": \"ACUPUNCTURE\", \"performedAt\": \"" + NOW + "\" }").post(procedures)
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("type")))
                .body("violations[0].message", containsString("CELIAC_PLEXUS_NEUROLYSIS"));
        as("clinician").body(neurolysis(NOW.plus(1, ChronoUnit.HOURS))).post(procedures).then().statusCode(422)
                .body("violations.field", equalTo(List.of("performedAt")));
        as("clinician").body("{ \"type\": \"INTRATHECAL_PUMP\" }").post(procedures).then().statusCode(422)
                .body("violations.field", equalTo(List.of("performedAt")));
        as("clinician").get(procedures).then().statusCode(200).body("total", equalTo(0));
        as("clinician").body(neurolysis(NOW)).post("/api/v1/patients/" + java.util.UUID.randomUUID()
                + "/procedures").then().statusCode(404);
    }

    @Test
    void withoutAnOpenCaseAProcedureIsRecordedWithNoSuggestion() {
        String patientId = registeredPatient();
        as("clinician").body("""
                { "type": "PALLIATIVE_RADIOTHERAPY", "performedAt": "%s" }
                """.formatted(NOW.minus(2, ChronoUnit.DAYS))).post("/api/v1/patients/" + patientId + "/procedures")
                .then().statusCode(201).body("closingSuggestion", equalTo(null))
                .body("openRefractoryCaseId", equalTo(null)).body("outcome", equalTo(null));
    }
}

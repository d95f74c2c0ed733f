package org.painladder.interop.cdshooks;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;
import static org.painladder.interop.cdshooks.CdsCalls.call;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.painladder.api.RefractoryCaseFixtures;
import org.painladder.interop.fhir.R4Validation;

/** patient-view: what the EHR shows when the chart opens, card by card. */
@QuarkusTest
@TestProfile(CdsClientsProfile.class)
class PatientViewCardsTest {

    private static final String POLICY = CdsClientsProfile.PUBLIC_URL + "/api/v1/ladder/policy#";

    @Test
    void severePainOnStepZeroShowsTheEscalationAsAWarningCardWithAnOrderToCreate() {
        String patientId = registeredPatient();
        String recommendationId = as("ehr").body(nrsJson("obs-pv-1", minutesAgo(30), 8))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201).extract()
                .path("evaluation.recommendations.find { it.ruleId == 'LAD-04' }.id");
        JsonPath recommendation = as("ehr").get("/api/v1/patients/" + patientId + "/recommendations/"
                + recommendationId).then().statusCode(200).extract().jsonPath();

        JsonPath cards = call("painladder-patient-view", CdsCalls.patientView(patientId)).statusCode(200)
                .extract().jsonPath();
        Map<String, Object> card = cards.getMap("cards.find { it.uuid == '" + recommendationId + "' }");
        assertNotNull(card, "the LAD-04 recommendation has a card whose uuid is its id");
        assertEquals("warning", card.get("indicator"));
        String summary = (String) card.get("summary");
        assertTrue(summary.length() < 140 && summary.startsWith("LAD-04 Escalate to step 3"), summary);
        assertEquals("painladder rules " + recommendation.getString("rulesVersion"),
                cards.getString("cards.find { it.uuid == '" + recommendationId + "' }.source.label"));
        assertEquals(POLICY + "LAD-04", cards.getString("cards.find { it.uuid == '" + recommendationId
                + "' }.source.url"));
        String detail = (String) card.get("detail");
        assertTrue(detail.startsWith(recommendation.getString("rationale")), detail);
        assertTrue(detail.contains("**Evidence**") && detail.contains("scores read: 8"), detail);
        assertTrue(detail.contains("Rule **LAD-04**"), detail);
        assertEquals(List.of(Map.of("label", "Pain timeline and ladder in painladder", "url",
                        CdsClientsProfile.PUBLIC_URL + "/ui/patients/" + patientId, "type", "absolute")),
                card.get("links"));
        assertEquals("at-most-one", card.get("selectionBehavior"));
        String prefix = "cards.find { it.uuid == '" + recommendationId + "' }.suggestions[0].actions[0]";
        assertEquals("create", cards.getString(prefix + ".type"));
        assertEquals("MedicationRequest", cards.getString(prefix + ".resource.resourceType"));
        assertEquals("draft", cards.getString(prefix + ".resource.status"));
        assertEquals("Patient/" + patientId, cards.getString(prefix + ".resource.subject.reference"));
        assertEquals(recommendation.getString("proposal.drug"),
                cards.getString(prefix + ".resource.medicationCodeableConcept.coding.find { it.system == "
                        + "'http://painladder.org/fhir/CodeSystem/formulary' }.code"));
        assertEquals(List.of(), R4Validation.errors(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(cards.getMap(prefix + ".resource")).toString()));
        // No optional field is sent empty or null (CDS Hooks JSON rule).
        cards.getList("cards", Map.class).forEach(each -> each.values().forEach(value -> assertTrue(
                value != null && !(value instanceof List<?> list && list.isEmpty()), "empty field in " + each)));
    }

    @Test
    void aTitrationOfTheCurrentOpioidComesAsAnUpdateOfThatOrder() {
        String patientId = registeredPatient();
        as("clinician").body("""
                { "items": [ { "drug": "OXYCODONE", "route": "ORAL", "dose": 20, "unit": "mg", "timesPerDay": 2 },
                             { "drug": "OXYCODONE", "route": "ORAL", "dose": 5, "unit": "mg", "timesPerDay": 6,
                               "prn": true },
                             { "drug": "SENNA", "route": "ORAL", "dose": 15, "unit": "mg", "timesPerDay": 1 } ],
                  "effectiveAt": "%s", "reason": "titration" }""".formatted(Instant.now().minus(3, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.SECONDS)))
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
        String titration = as("ehr").body(nrsJson("obs-pv-2", minutesAgo(10), 8))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201).extract()
                .path("evaluation.recommendations.find { it.type == 'TITRATE_DOSE' }.id");
        assertNotNull(titration, "severe pain on step 3 three days after the last dose change calls for titration");
        JsonPath recommendation = as("ehr").get("/api/v1/patients/" + patientId + "/recommendations/" + titration)
                .then().extract().jsonPath();

        JsonPath cards = call("painladder-patient-view", CdsCalls.patientView(patientId)).statusCode(200)
                .extract().jsonPath();
        String card = "cards.find { it.uuid == '" + titration + "' }";
        assertEquals("warning", cards.getString(card + ".indicator"));
        // The EHR has never seen painladder's line ids: a new order, naming the one to stop, not an update of one.
        assertEquals(List.of("create"), cards.getList(card + ".suggestions[0].actions.type", String.class));
        assertEquals(null, cards.getString(card + ".suggestions[0].actions[0].resource.id"));
        assertTrue(cards.getString(card + ".suggestions[0].actions[0].description").contains("stop the current"
                + " order oxycodone 20 mg oral, every 12 h"), cards.getString(card + ".suggestions[0].actions[0]"
                + ".description"));
        float toDaily = recommendation.getFloat("proposal.toDailyDose");
        assertEquals(toDaily / 2, cards.getFloat(card
                + ".suggestions[0].actions[0].resource.dosageInstruction[0].doseAndRate[0].doseQuantity.value"));
    }

    @Test
    void aPatchStartedWithoutToleranceIsACriticalRotationNamingThePatchWithTheStopTheRescueAndEvery4h() {
        String patientId = registeredPatient();
        as("clinician").body("""
                { "items": [ { "drug": "FENTANYL", "route": "TRANSDERMAL", "dose": 25, "unit": "mcg/h",
                               "timesPerDay": 1 } ] }""").put("/api/v1/patients/" + patientId + "/regimen").then()
                .statusCode(200);
        as("ehr").body(nrsJson("obs-pv-3", minutesAgo(10), 5))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);

        JsonPath cards = call("painladder-patient-view", CdsCalls.patientView(patientId)).statusCode(200)
                .extract().jsonPath();
        String card = "cards.find { it.summary.startsWith('TOL-01') }";
        assertNotNull(cards.getString(card + ".uuid"), "a patch in a patient not opioid-tolerant calls for TOL-01: "
                + cards.getList("cards.summary"));
        assertEquals("critical", cards.getString(card + ".indicator"), "the proposal is marked critical");
        assertTrue(cards.getString(card + ".summary").startsWith("TOL-01 Rotate opioid: fentanyl 25 mcg/h →"
                + " morphine 30 mg/d"), cards.getString(card + ".summary"));
        List<Map<String, Object>> actions = cards.getList(card + ".suggestions[0].actions");
        assertEquals(2, actions.size(), actions.toString());
        assertTrue(actions.get(0).get("description").toString().contains("stop the current fentanyl 25 mcg/h order"
                + " and remove the patch"), actions.get(0).toString());
        String regular = card + ".suggestions[0].actions[0].resource.dosageInstruction[0].timing.repeat";
        assertEquals(Map.of("frequency", 1, "period", 4, "periodUnit", "h"), cards.getMap(regular));
        String rescue = card + ".suggestions[0].actions[1].resource";
        assertEquals(true, cards.getBoolean(rescue + ".dosageInstruction[0].asNeededBoolean"));
        assertEquals(5, cards.getInt(rescue + ".dosageInstruction[0].doseAndRate[0].doseQuantity.value"));
    }

    @Test
    void suggestedOrdersAreForThePatientAsTheEhrNamedThem() {
        String mrn = org.painladder.api.ApiFixtures.anyMrn();
        String patientId = as("ehr").body(org.painladder.api.ApiFixtures.patientJson(mrn)).post("/api/v1/patients")
                .then().statusCode(201).extract().path("id");
        String escalation = as("ehr").body(nrsJson("obs-pv-4", minutesAgo(30), 8))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201).extract()
                .path("evaluation.recommendations.find { it.ruleId == 'LAD-04' }.id");
        String request = """
                { "hook": "patient-view", "hookInstance": "%s",
                  "context": { "userId": "Practitioner/1", "patientId": "ehr-123" },
                  "prefetch": { "patient": { "resourceType": "Patient", "id": "ehr-123",
                    "identifier": [ { "system": "urn:painladder:mrn", "value": "%s" } ] } } }
                """.formatted(java.util.UUID.randomUUID(), mrn);
        JsonPath cards = call("painladder-patient-view", request).statusCode(200).extract().jsonPath();
        assertEquals("Patient/ehr-123", cards.getString("cards.find { it.uuid == '" + escalation + "' }"
                + ".suggestions[0].actions[0].resource.subject.reference"));
    }

    @Test
    void anOpenRefractoryCaseIsACriticalCard() {
        String[] flagged = RefractoryCaseFixtures.flaggedPatient(RefractoryCaseFixtures.pancreaticPain());
        JsonPath cards = call("painladder-patient-view", CdsCalls.patientView(flagged[0])).statusCode(200)
                .extract().jsonPath();
        String card = "cards.find { it.uuid == '" + flagged[1] + "' }";
        assertEquals("critical", cards.getString(card + ".indicator"));
        assertEquals(POLICY + "REF-01", cards.getString(card + ".source.url"));
        String summary = cards.getString(card + ".summary");
        assertTrue(summary.length() < 140 && summary.startsWith("REF-01 Refractory cancer pain"), summary);
        assertTrue(cards.getString(card + ".detail").contains("Celiac plexus neurolysis"),
                cards.getString(card + ".detail"));
        assertEquals("critical", cards.getString("cards[0].indicator"), "the most urgent card comes first");
        as("auditor").get("/api/v1/audit-events?patientId=" + flagged[0] + "&size=200").then().statusCode(200)
                .body("items.find { it.resourceType == 'cds-services' }.action", equalTo("READ"))
                .body("items.find { it.resourceType == 'cds-services' }.resourceId",
                        equalTo("painladder-patient-view"));
    }

    @Test
    void aPatientWithNothingPendingGetsNoCards() {
        call("painladder-patient-view", CdsCalls.patientView(registeredPatient())).statusCode(200)
                .body("cards", hasSize(0)).body("cards", equalTo(List.of()));
    }

    private static String minutesAgo(long minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

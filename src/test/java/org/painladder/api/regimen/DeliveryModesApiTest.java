package org.painladder.api.regimen;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Patients who leave the oral ladder stay in the service's picture (clinical-rules §8.10): a syringe driver, an
 * intrathecal pump with a systemic rescue, a postoperative IV PCA, each recorded, counted and advised on.
 */
@QuarkusTest
class DeliveryModesApiTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static String regimen(String items, Instant effectiveAt) {
        return "{ \"items\": [" + items + "], \"reason\": \"delivery mode\""
                + (effectiveAt == null ? "" : ", \"effectiveAt\": \"" + effectiveAt + "\"") + " }";
    }

    private static JsonPath put(String patientId, String body) {
        return as("clinician").body(body).put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String score(String externalId, Instant at, int value, String extra) {
        return """
                { "externalId": "%s", "recordedAt": "%s", "scale": "NRS", "value": %d, "kind": "BACKGROUND",
                  "site": "ABDOMEN_UPPER", "mechanism": "NOCICEPTIVE_VISCERAL", "course": "CHRONIC",
                  "breakthroughEpisodes24h": 1 %s }
                """.formatted(externalId, at, value, extra);
    }

    private static JsonPath post(String patientId, String body) {
        return as("ehr").body(body).post("/api/v1/patients/" + patientId + "/pain-assessments").then()
                .statusCode(201).extract().jsonPath();
    }

    @Test
    void aSyringeDriverIsStoredWithItsRateAndCountedAtRateTimesTwentyFourTimesTheParenteralFactor() {
        String patientId = registeredPatient();
        JsonPath answer = put(patientId, regimen("""
                { "drug": "MORPHINE", "route": "SC", "mode": "CONTINUOUS_INFUSION", "ratePerHour": 1, "unit": "mg" },
                { "drug": "MORPHINE", "route": "SC", "dose": 2.5, "unit": "mg", "timesPerDay": 6, "prn": true }
                """, null));
        assertEquals(3, answer.getInt("ladderStep"));
        assertEquals(48.0f, answer.getFloat("omeddMg"));
        assertEquals("CONTINUOUS_INFUSION", answer.getString("items[0].mode"));
        assertEquals(24.0f, answer.getFloat("items[0].dailyDose"));
        assertNull(answer.get("items[0].timesPerDay"));
        assertEquals("SCHEDULED", answer.getString("items[1].mode"));
        as("clinician").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200)
                .body("items[0].mode", equalTo("CONTINUOUS_INFUSION")).body("items[0].ratePerHour", equalTo(1))
                .body("omeddMg", equalTo(48.0f))
                .body("contributions[0].trace", containsString("1 mg/h × 24, continuous infusion"))
                .body("contributions[0].approximate", equalTo(false));
    }

    @Test
    void aPcaWithoutLockoutOrAnInfusionWithTimesPerDayIsRefusedNamingTheFieldAndStoresNothing() {
        String patientId = registeredPatient();
        as("clinician").body(regimen("""
                { "drug": "MORPHINE", "route": "IV", "mode": "PCA", "bolusDose": 1, "unit": "mg", "maxDosePer4h": 10 }
                """, null)).put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(422)
                .body("violations.field", hasItem("items[0].lockoutMinutes"));
        as("clinician").body(regimen("""
                { "drug": "MORPHINE", "route": "SC", "mode": "CONTINUOUS_INFUSION", "ratePerHour": 1, "unit": "mg",
                  "timesPerDay": 6 }
                """, null)).put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(422)
                .body("violations.field", hasItem("items[0].timesPerDay"));
        as("clinician").body(regimen("""
                { "drug": "MORPHINE", "route": "EPIDURAL", "dose": 2, "unit": "mg", "timesPerDay": 4 }
                """, null)).put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(422)
                .body("violations.field", hasItem("items[0].mode"));
        as("clinician").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(404);
    }

    @Test
    void conversionsStopAtTheSpinalRoutesAndOutOfThemAreApproximateAndForASpecialist() {
        as("clinician").body("""
                { "from": { "drug": "MORPHINE", "route": "ORAL", "dailyDose": 120, "unit": "mg" },
                  "to": { "drug": "MORPHINE", "route": "INTRATHECAL" } }
                """).post("/api/v1/opioid-conversions").then().statusCode(422)
                .body("violations.field", hasItem("to.route"))
                .body("violations.message", hasItem(containsString("specialist protocol that starts low")));
        as("clinician").body("""
                { "from": { "drug": "MORPHINE", "route": "EPIDURAL", "dailyDose": 4, "unit": "mg" },
                  "to": { "drug": "MORPHINE", "route": "ORAL" } }
                """).post("/api/v1/opioid-conversions").then().statusCode(200)
                .body("fromOmeddMg", equalTo(120.0f)).body("approximate", equalTo(true))
                .body("requiresSpecialist", equalTo(true))
                .body("cautions.code", hasItem("NEURAXIAL_APPROXIMATE"));
    }

    /**
     * A pancreatic patient moved to an intrathecal morphine pump (0.05 mg/h, about 360 mg/d oral morphine by the
     * approximate ratio) keeps a small oral oxycodone dose while it settles, with oral morphine as rescue.
     */
    @Test
    void aPatientOnAnIntrathecalPumpIsOnStepThreeTheLadderNeverTitratesThePumpAndSafetyCutsTheSystemicOpioid() {
        String patientId = registeredPatient();
        JsonPath answer = put(patientId, regimen("""
                { "drug": "MORPHINE", "route": "INTRATHECAL", "mode": "CONTINUOUS_INFUSION", "ratePerHour": 0.05,
                  "unit": "mg" },
                { "drug": "BUPIVACAINE", "route": "INTRATHECAL", "mode": "CONTINUOUS_INFUSION", "ratePerHour": 0.4,
                  "unit": "mg" },
                { "drug": "OXYCODONE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 2 },
                { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6, "prn": true }
                """, NOW.minus(5, ChronoUnit.DAYS)));
        assertEquals(3, answer.getInt("ladderStep"));
        assertEquals(390.0f, answer.getFloat("omeddMg"), "360 intrathecal (approximate) + 30 oral oxycodone");
        assertEquals(List.of(true, false, false, false), answer.getList("contributions.approximate"));
        assertTrue(answer.getString("contributions[1].trace").contains("not an opioid, no OMEDD"));

        post(patientId, score("it-1", NOW.minus(20, ChronoUnit.HOURS), 8, ""));
        JsonPath severe = post(patientId, score("it-2", NOW.minus(10, ChronoUnit.HOURS), 8, ""));
        List<Map<String, Object>> proposals = severe.getList("evaluation.recommendations.proposal");
        assertTrue(proposals.stream().noneMatch(p -> "INTRATHECAL".equals(p.get("route"))), proposals.toString());

        JsonPath toxic = post(patientId, score("it-3", NOW.minus(1, ChronoUnit.HOURS), 3,
                ", \"adverseEffects\": [ { \"type\": \"RESPIRATORY_DEPRESSION\", \"severity\": \"MODERATE\" } ]"));
        String saf01 = "evaluation.recommendations.find { it.ruleId == 'SAF-01' }";
        assertEquals("OXYCODONE", toxic.getString(saf01 + ".proposal.drug"));
        assertEquals("ORAL", toxic.getString(saf01 + ".proposal.route"));
        assertEquals("DOWN", toxic.getString(saf01 + ".proposal.direction"));
    }

    @Test
    void onAPumpAloneSafetyStillActsOnTheSpinalLineThroughThePainTeam() {
        String patientId = registeredPatient();
        put(patientId, regimen("""
                { "drug": "MORPHINE", "route": "INTRATHECAL", "mode": "CONTINUOUS_INFUSION", "ratePerHour": 0.05,
                  "unit": "mg" },
                { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6, "prn": true }
                """, NOW.minus(5, ChronoUnit.DAYS)));
        JsonPath toxic = post(patientId, score("pump-1", NOW.minus(1, ChronoUnit.HOURS), 2,
                ", \"adverseEffects\": [ { \"type\": \"RESPIRATORY_DEPRESSION\", \"severity\": \"SEVERE\" } ]"));
        String saf01 = "evaluation.recommendations.find { it.ruleId == 'SAF-01' }";
        assertEquals("INTRATHECAL", toxic.getString(saf01 + ".proposal.route"));
        assertTrue(toxic.getString(saf01 + ".rationale").contains("pain team halve the rate"),
                toxic.getString(saf01 + ".rationale"));
    }

    /**
     * An opioid-naive patient after a Whipple resection: CAU-04 proposes IV PCA morphine with the APS 2016 fields, PCEA
     * as the alternative for upper-abdominal surgery, and paracetamol with ibuprofen; the team records the PCA line
     * as proposed, and a basal infusion added later is warned about.
     */
    @Test
    void aPostoperativePatientGetsAStructuredPciaProposalThatRoundTripsAsARegimenLine() {
        String patientId = as("ehr").body("""
                { "mrn": "%s", "birthYear": 1962, "sex": "female",
                  "diagnosis": { "icd10": "C25.0", "primarySite": "PANCREAS", "metastatic": false },
                  "contraindications": [] }
                """.formatted(anyMrn())).post("/api/v1/patients").then().statusCode(201).extract().path("id");
        JsonPath answer = post(patientId, """
                { "externalId": "op-1", "recordedAt": "%s", "scale": "NRS", "value": 7, "kind": "BACKGROUND",
                  "site": "ABDOMEN_UPPER", "mechanism": "NOCICEPTIVE_SOMATIC", "course": "ACUTE",
                  "acuteCause": "POSTOPERATIVE", "breakthroughEpisodes24h": 0 }
                """.formatted(NOW.minus(1, ChronoUnit.HOURS)));
        String cau04 = "evaluation.recommendations.find { it.ruleId == 'CAU-04' }";
        Map<String, Object> pcia = answer.getMap(cau04 + ".proposal.pcia");
        assertEquals("MORPHINE", pcia.get("drug"));
        assertEquals(1, pcia.get("bolusDose"));
        assertEquals("5-10", pcia.get("lockoutMinutesRange"));
        assertTrue(((String) pcia.get("basalInfusion")).startsWith("none: opioid-naive"));
        assertEquals("per local protocol", pcia.get("maxDosePer4h"));
        assertEquals("EPIDURAL", answer.getString(cau04 + ".proposal.pcea.route"));
        assertTrue(answer.getString(cau04 + ".proposal.pcea.solution").contains("bupivacaine 0.1 %"));
        assertEquals(List.of("PARACETAMOL", "IBUPROFEN"), answer.getList(cau04 + ".proposal.multimodal.drug"));
        assertEquals(List.of(true, true), answer.getList(cau04 + ".proposal.multimodal.give"));

        Map<String, Object> line = answer.getMap(cau04 + ".proposal.pcia.regimenLine");
        String recorded = "{ \"drug\": \"%s\", \"route\": \"%s\", \"mode\": \"%s\", \"bolusDose\": %s, \"unit\": \"%s\","
                + " \"lockoutMinutes\": %s, \"maxDosePer4h\": 10 }";
        String pciaLine = recorded.formatted(line.get("drug"), line.get("route"), line.get("mode"),
                line.get("bolusDose"), line.get("unit"), line.get("lockoutMinutes"));
        JsonPath regimen = put(patientId, regimen(pciaLine + ", { \"drug\": \"PARACETAMOL\", \"route\": \"ORAL\","
                + " \"dose\": 1000, \"unit\": \"mg\", \"timesPerDay\": 4 }", null));
        assertEquals("PCA", regimen.getString("items[0].mode"));
        assertEquals(10, regimen.getInt("items[0].lockoutMinutes"));
        assertEquals(0.0f, regimen.getFloat("omeddMg"), "no basal: nothing by the clock");
        assertEquals(180.0f, regimen.getFloat("prnOmeddMg"), "10 mg per 4 h × 6 × IV factor 3, at most");
        assertEquals(List.of(), regimen.getList("warnings.code"));

        as("clinician").body(regimen(recorded.formatted("MORPHINE", "IV", "PCA", 1, "mg", 10)
                        .replace("}", ", \"ratePerHour\": 1 }"), null))
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200)
                .body("warnings.code", hasItem("BASAL_INFUSION_OPIOID_NAIVE_POSTOPERATIVE"));
    }

    @Test
    void anticoagulationWithholdsPceaAndNsaidFromThePostoperativeProposal() {
        // The fixture patient is anticoagulated.
        String patientId = registeredPatient();
        JsonPath answer = post(patientId, """
                { "externalId": "op-ac", "recordedAt": "%s", "scale": "NRS", "value": 6, "kind": "BACKGROUND",
                  "site": "ABDOMEN_LOWER", "mechanism": "NOCICEPTIVE_SOMATIC", "course": "ACUTE",
                  "acuteCause": "POSTOPERATIVE", "breakthroughEpisodes24h": 0 }
                """.formatted(NOW.minus(1, ChronoUnit.HOURS)));
        String cau04 = "evaluation.recommendations.find { it.ruleId == 'CAU-04' }";
        assertNull(answer.get(cau04 + ".proposal.pcea"));
        assertEquals("ANTICOAGULATED", answer.getString(cau04 + ".proposal.pceaNotOffered"));
        assertEquals(List.of(true, false), answer.getList(cau04 + ".proposal.multimodal.give"));
        as("clinician").get("/api/v1/patients/" + patientId + "/recommendations").then().statusCode(200)
                .body("items.find { it.ruleId == 'CAU-04' }.rationale", containsString("no PCEA: ANTICOAGULATED"))
                .body("items.find { it.ruleId == 'CAU-04' }.proposal.pcia", not(nullValue()));
    }
}

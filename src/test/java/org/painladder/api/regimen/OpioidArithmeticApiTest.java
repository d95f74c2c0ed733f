package org.painladder.api.regimen;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.asUser;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * A palliative physician's round-4 requests (2026-12-07), end to end: scheduled SC fentanyl counts like the infusion
 * of the same daily amount, methadone starts are capped, tramadol converts out at 0.1, the same drug by another
 * parenteral route or a patch to a driver is 1:1, and doses to start can be given.
 */
@QuarkusTest
class OpioidArithmeticApiTest {

    private static final String CONVERSIONS = "/api/v1/opioid-conversions";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private static String conversion(String drug, String route, int dose, String unit, String toDrug,
                                     String toRoute) {
        return "{ \"from\": { \"drug\": \"" + drug + "\", \"route\": \"" + route + "\", \"dailyDose\": " + dose
                + ", \"unit\": \"" + unit + "\" }, \"to\": { \"drug\": \"" + toDrug + "\", \"route\": \"" + toRoute
                + "\" } }";
    }

    private static String score(String externalId, Instant at, int value) {
        return """
                { "externalId": "%s", "recordedAt": "%s", "scale": "NRS", "value": %d, "kind": "BACKGROUND",
                  "site": "ABDOMEN_UPPER", "mechanism": "NOCICEPTIVE_VISCERAL", "course": "CHRONIC", "source": "EHR" }
                """.formatted(externalId, at, value);
    }

    @Test
    void scheduledSubcutaneousFentanylIs120OmeddLikeItsInfusionAndTheRescueFollows() {
        String patientId = registeredPatient();
        JsonPath regimen = asUser("clinician", "dr.lee").body("""
                { "items": [
                    { "drug": "FENTANYL", "route": "SC", "dose": 50, "unit": "mcg", "timesPerDay": 24, "prn": false },
                    { "drug": "SENNA", "route": "ORAL", "dose": 15, "unit": "mg", "timesPerDay": 1, "prn": false } ],
                  "changedBy": "dr.lee", "reason": "syringe doses", "effectiveAt": "%s" }
                """.formatted(NOW.minus(10, ChronoUnit.DAYS))).put("/api/v1/patients/" + patientId + "/regimen")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(120.0f, regimen.getFloat("omeddMg"));
        as("ehr").body(score("r4-fen-1-" + patientId, NOW.minus(6, ChronoUnit.HOURS), 5))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
        JsonPath answer = as("ehr").body(score("r4-fen-2-" + patientId, NOW.minus(1, ChronoUnit.HOURS), 6))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201).extract()
                .jsonPath();
        String lad07 = "evaluation.recommendations.find { it.ruleId == 'LAD-07' }.proposal";
        // 1200 → 1560 mcg/day (65 mcg/h), 156 mg/day OMEDD (it was 465 at 0.3 per mcg).
        assertEquals(156.0f, answer.getFloat(lad07 + ".newOmeddMg"), answer.prettify());
        assertEquals("MORPHINE", answer.getString(lad07 + ".rescueDrug"));
        // The driver's new total is also a rate a nurse can set, in 2.5 mcg/h steps.
        assertEquals(50.0f, answer.getFloat(lad07 + ".fromRatePerHour"), answer.prettify());
        assertEquals(answer.getFloat(lad07 + ".toDailyDose") / 24, answer.getFloat(lad07 + ".toRatePerHour"), 0.001);
        assertEquals(0.0f, answer.getFloat(lad07 + ".toRatePerHour") % 2.5f, 0.001);
        assertEquals(22.5f, answer.getFloat(lad07 + ".rescueDose"), answer.prettify());
        assertEquals(65.0f, answer.getFloat(lad07 + ".toRatePerHour"), answer.prettify());
    }

    @Test
    void theTestersConversionRequestsGiveDosesThatCanBeGiven() {
        as("clinician").body(conversion("FENTANYL", "SC", 1200, "mcg", "MORPHINE", "ORAL")).post(CONVERSIONS)
                .then().statusCode(200).body("fromOmeddMg", equalTo(120.0f))
                .body("equianalgesicDailyDose", equalTo(120.0f)).body("recommendedDailyDose", equalTo(90.0f));
        as("clinician").body(conversion("MORPHINE", "ORAL", 1500, "mg", "METHADONE", "ORAL")).post(CONVERSIONS)
                .then().statusCode(200).body("recommendedDailyDose", equalTo(30.0f))
                .body("requiresSpecialist", equalTo(true))
                .body("cautions.find { it.code == 'METHADONE_START_CAP' }.message", containsString("125 mg/d"));
        as("clinician").body(conversion("TRAMADOL", "ORAL", 300, "mg", "MORPHINE", "ORAL")).post(CONVERSIONS)
                .then().statusCode(200).body("recommendedDailyDose", equalTo(20.0f))
                .body("factorsUsed", containsString("tramadol ORAL 0.1 (range 0.1-0.2)"));
        as("clinician").body(conversion("HYDROMORPHONE", "SC", 6, "mg", "HYDROMORPHONE", "IV")).post(CONVERSIONS)
                .then().statusCode(200).body("recommendedDailyDose", equalTo(6.0f))
                .body("cautions.code", hasItem("SAME_OPIOID_ROUTE_CHANGE"));
        as("clinician").body(conversion("MORPHINE", "IV", 40, "mg", "MORPHINE", "SC")).post(CONVERSIONS)
                .then().statusCode(200).body("recommendedDailyDose", equalTo(40.0f));
        as("clinician").body(conversion("FENTANYL", "TRANSDERMAL", 50, "mcg/h", "FENTANYL", "SC")).post(CONVERSIONS)
                .then().statusCode(200).body("recommendedDailyDose", equalTo(1200.0f));
        as("clinician").body(conversion("MORPHINE", "ORAL", 120, "mg", "FENTANYL", "SC")).post(CONVERSIONS)
                .then().statusCode(200).body("recommendedDailyDose", equalTo(900.0f))
                .body("trace[-1]", containsString("37.5 mcg/h"));
        as("clinician").body(conversion("MORPHINE", "ORAL", 90, "mg", "TAPENTADOL", "ORAL")).post(CONVERSIONS)
                .then().statusCode(200).body("recommendedDailyDose", equalTo(150.0f))
                .body("trace", hasItem(containsString("168.75 rounded down to a dose that can be given")));
    }
}

package org.painladder.api.regimen;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The pharmacist's black-box requests (2026-12-07): ceilings hold, and a fentanyl driver converts as an infusion. */
@QuarkusTest
class ConversionCeilingApiTest {

    private static final String PATH = "/api/v1/opioid-conversions";

    private static String conversion(String drug, String route, int dose, String unit, String toDrug,
                                     String toRoute) {
        return "{ \"from\": { \"drug\": \"" + drug + "\", \"route\": \"" + route + "\", \"dailyDose\": " + dose
                + ", \"unit\": \"" + unit + "\" }, \"to\": { \"drug\": \"" + toDrug + "\", \"route\": \"" + toRoute
                + "\" } }";
    }

    @Test
    void morphine200ToTramadolIsCappedAt400WithACeilingCaution() {
        as("clinician").body(conversion("MORPHINE", "ORAL", 200, "mg", "TRAMADOL", "ORAL")).post(PATH)
                .then().statusCode(200)
                .body("recommendedDailyDose", equalTo(400.0f))
                .body("cautions.code", hasItem("CEILING"))
                .body("cautions.find { it.code == 'RESCUE_DOSE' }.message", containsString("40-80 mg tramadol"));
    }

    @Test
    void aSubcutaneousFentanyl600McgADayIsA25McgPatchAnd45MgMorphine() {
        as("clinician").body(conversion("FENTANYL", "SC", 600, "mcg", "FENTANYL", "TRANSDERMAL")).post(PATH)
                .then().statusCode(200).body("recommendedDailyDose", equalTo(25.0f));
        as("clinician").body(conversion("FENTANYL", "SC", 600, "mcg", "MORPHINE", "ORAL")).post(PATH)
                .then().statusCode(200).body("recommendedDailyDose", equalTo(45.0f));
    }
}

package org.painladder.api.regimen;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PUT /regimen warns about the patient's organ function and weight (§8.2) and a missing laxative (§8.7). */
@QuarkusTest
class RegimenPatientWarningsApiTest {

    private static String patient(String factors) {
        return as("ehr").body("""
                        { "mrn": "%s", "birthYear": 1956, "sex": "female",
                          "diagnosis": { "icd10": "C90.0", "primarySite": "MYELOMA", "boneMetastases": true }, %s }
                        """.formatted(anyMrn(), factors))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
    }

    private static final String ORGAN = "warnings.findAll { it.code == 'ORGAN_FUNCTION' }";

    @Test
    void myelomaWithEgfr12OnCodeineMorphineNsaidAndZoledronateIsWarnedOnEachLine() {
        String id = patient("\"renalFunction\": { \"egfr\": 12 }");
        as("clinician").body("""
                        { "items": [
                            { "drug": "CODEINE", "route": "ORAL", "dose": 60, "unit": "mg", "timesPerDay": 4 },
                            { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6 },
                            { "drug": "NAPROXEN", "route": "ORAL", "dose": 500, "unit": "mg", "timesPerDay": 2 },
                            { "drug": "ZOLEDRONIC_ACID", "route": "IV", "dose": 4, "unit": "mg", "timesPerDay": 1 } ],
                          "reason": "bone pain" }""")
                .put(RegimenApiTest.regimenOf(id)).then().statusCode(200)
                .body(ORGAN + ".items", equalTo(List.of(List.of(0), List.of(1), List.of(2), List.of(3))))
                .body(ORGAN + ".message", everyItem(startsWith("eGFR 12: ")))
                .body(ORGAN + ".message", everyItem(containsString("— avoid (renal failure")))
                .body(ORGAN + "[1].message", containsString("prefer hydromorphone or fentanyl"))
                .body(ORGAN + "[2].message", containsString("prefer paracetamol"))
                .body(ORGAN + "[3].message", containsString("prefer denosumab"))
                .body(ORGAN + "[0].figures.egfr", equalTo(12.0f))
                .body("warnings.code", hasItem("NO_LAXATIVE"))
                .body("warnings.code", hasItem("WEAK_AND_STRONG_OPIOIDS"));

        as("clinician").get(RegimenApiTest.regimenOf(id)).then().statusCode(200)
                .body(ORGAN + ".size()", equalTo(4));
    }

    @Test
    void aLightPatientIsWarnedAboutParacetamolPerKgAndALaxativeSilencesNoLaxative() {
        String id = patient("\"weightKg\": 42");
        as("clinician").body("""
                        { "items": [
                            { "drug": "PARACETAMOL", "route": "ORAL", "dose": 1000, "unit": "mg", "timesPerDay": 4 },
                            { "drug": "OXYCODONE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 2 },
                            { "drug": "SENNA", "route": "ORAL", "dose": 15, "unit": "mg", "timesPerDay": 1 } ] }""")
                .put(RegimenApiTest.regimenOf(id)).then().statusCode(200)
                .body("warnings.code", equalTo(List.of("PARACETAMOL_ABOVE_WEIGHT_DOSE")))
                .body("warnings[0].figures.maxDailyDoseMg", equalTo(2520.0f))
                .body("warnings.code", not(hasItem("NO_LAXATIVE")));
    }
}

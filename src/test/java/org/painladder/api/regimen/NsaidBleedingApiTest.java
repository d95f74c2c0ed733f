package org.painladder.api.regimen;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PUT /regimen warns about an NSAID for an anticoagulated patient, as the ladder's proposals leave it out (§8.12). */
@QuarkusTest
class NsaidBleedingApiTest {

    @Test
    void naproxenForAnAnticoagulatedPatientIsWarnedOnItsLine() {
        String id = as("ehr").body("""
                        { "mrn": "%s", "birthYear": 1960, "sex": "female",
                          "diagnosis": { "icd10": "C50.9", "primarySite": "BREAST", "boneMetastases": true },
                          "lifeExpectancyMonths": 6, "contraindications": ["ANTICOAGULATED"] }
                        """.formatted(anyMrn()))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        String bleeding = "warnings.findAll { it.code == 'NSAID_BLEEDING_RISK' }";
        as("clinician").body("""
                        { "items": [
                            { "drug": "NAPROXEN", "route": "ORAL", "dose": 500, "unit": "mg", "timesPerDay": 2 },
                            { "drug": "OXYCODONE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 2 },
                            { "drug": "SENNA", "route": "ORAL", "dose": 15, "unit": "mg", "timesPerDay": 1 } ] }""")
                .put(RegimenApiTest.regimenOf(id)).then().statusCode(200)
                .body(bleeding + ".items", equalTo(List.of(List.of(0))))
                .body(bleeding + "[0].message", containsString("anticoagulated"));
    }
}

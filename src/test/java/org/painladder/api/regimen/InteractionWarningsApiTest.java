package org.painladder.api.regimen;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PUT /regimen warns about drugs whose labels warn against each other (fourth outside review, finding 4), and about one
 * drug ordered twice (the integration tester's finding 5).
 */
@QuarkusTest
class InteractionWarningsApiTest {

    private static String line(String drug, int dose, int timesPerDay) {
        return """
                { "drug": "%s", "route": "ORAL", "dose": %d, "unit": "mg", "timesPerDay": %d }"""
                .formatted(drug, dose, timesPerDay);
    }

    @Test
    void tramadolWithDuloxetineIsWarnedOnBothLines() {
        String id = registeredPatient();
        String serotonergic = "warnings.findAll { it.code == 'SEROTONERGIC_COMBINATION' }";
        as("clinician").body("{ \"items\": [ " + line("TRAMADOL", 100, 4) + ", " + line("DULOXETINE", 60, 1) + ", "
                        + line("SENNA", 15, 1) + " ] }")
                .put(RegimenApiTest.regimenOf(id)).then().statusCode(200)
                .body(serotonergic + ".items", equalTo(List.of(List.of(0, 1))))
                .body(serotonergic + "[0].message", containsString("serotonin syndrome"))
                .body("warnings.findAll { it.code == 'TRAMADOL_SEIZURE_THRESHOLD' }.items",
                        equalTo(List.of(List.of(0, 1))));
    }

    @Test
    void methadoneCarriesItsQtcCautionOnTheRegimen() {
        String id = registeredPatient();
        as("clinician").body("{ \"items\": [ " + line("METHADONE", 10, 3) + ", " + line("SENNA", 15, 1) + " ] }")
                .put(RegimenApiTest.regimenOf(id)).then().statusCode(200)
                .body("warnings.findAll { it.code == 'METHADONE_QTC' }.items", equalTo(List.of(List.of(0))));
    }

    @Test
    void theSameOpioidOrderedTwiceIsAskedAboutAsADuplicateOrder() {
        String id = registeredPatient();
        as("clinician").body("{ \"items\": [ " + line("OXYCODONE", 10, 2) + ", " + line("OXYCODONE", 10, 2) + ", "
                        + line("SENNA", 15, 1) + " ] }")
                .put(RegimenApiTest.regimenOf(id)).then().statusCode(200)
                .body("warnings.findAll { it.code == 'SAME_DRUG_SCHEDULED_TWICE' }.items",
                        equalTo(List.of(List.of(0, 1))))
                .body("warnings.find { it.code == 'SAME_DRUG_SCHEDULED_TWICE' }.message",
                        containsString("oxycodone on 2 scheduled lines (items 0, 1, 40 mg/d together)"));
    }
}

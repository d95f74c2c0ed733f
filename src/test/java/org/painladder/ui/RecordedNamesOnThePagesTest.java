package org.painladder.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.asUser;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A prescriber's name is the EHR's text: the dashboard shows it as text, never as markup of its own page. */
@QuarkusTest
class RecordedNamesOnThePagesTest {

    @Test
    void aPrescriberNamedInMarkupIsShownEscaped() {
        String patientId = registeredPatient();
        asUser("ehr", "ehr.interface").body("""
                { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6 } ],
                  "changedBy": "<img src=x onerror=alert(1)>" }""")
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);

        String page = DashboardSession.signedInAs("clinician").page("/ui/patients/" + patientId).then()
                .statusCode(200).extract().asString();

        assertFalse(page.contains("<img src=x"), "the name reached the page as markup");
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), "the ladder history names the prescriber");
    }
}

package org.painladder.ui;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** scripts/demo loads its patients through the public API, and a second run skips them instead of failing. */
@QuarkusTest
class DemoCohortTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void loadsThroughTheApiAndIsRerunnable() {
        String first = DemoCohort.load(base, 3);
        assertTrue(first.contains("3 loaded, 0 already loaded"), first);
        String patientId = as("clinician").get("/api/v1/patients?mrn=DEMO-0001").then().statusCode(200)
                .body("items.size()", equalTo(1)).extract().path("items[0].id");
        // DEMO-0001 is one of the 90-day patients: a score a day, and the regimens its course reached.
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-trend?days=90").then().statusCode(200)
                .body("count", greaterThan(80));
        as("clinician").get("/api/v1/patients/" + patientId + "/regimen/history").then().statusCode(200)
                .body("items.size()", greaterThan(1));

        String second = DemoCohort.load(base, 3);
        assertTrue(second.contains("0 loaded, 3 already loaded"), second);
        as("clinician").get("/api/v1/patients?mrn=DEMO-0001").then().body("items.size()", equalTo(1));
    }
}

package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** A clinician and the EHR may change one patient's regimen at once: every change becomes its own version. */
@QuarkusTest
class ConcurrentRegimensTest {

    @Test
    void parallelRegimenChangesAreAllKeptInOrder() throws Exception {
        String patientId = registeredPatient();
        List<Callable<Integer>> puts = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String body = "{ \"items\": [ { \"drug\": \"MORPHINE\", \"route\": \"ORAL\", \"dose\": " + (5 * i)
                    + ", \"unit\": \"mg\", \"timesPerDay\": 6 } ] }";
            puts.add(() -> as("clinician").body(body).put("/api/v1/patients/" + patientId + "/regimen")
                    .then().extract().statusCode());
        }
        assertEquals(List.of(200), ConcurrentAssessmentsTest.statuses(puts).stream().distinct().toList());

        List<Integer> versions = as("clinician").get("/api/v1/patients/" + patientId + "/regimen/history")
                .then().body("total", equalTo(8)).extract().path("items.version");
        assertEquals(List.of(8, 7, 6, 5, 4, 3, 2, 1), versions);
        float currentOmedd = as("clinician").get("/api/v1/patients/" + patientId + "/regimen").then()
                .extract().path("omeddMg");
        as("clinician").get("/api/v1/patients/" + patientId).then().body("omeddMg", equalTo(currentOmedd));
    }
}

package org.painladder.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * api.md Conventions: lists take page ≥ 0 and size 1–200. A page so far out that page × size leaves the range of a
 * row offset is a 400 naming page and its maximum, on every list alike, never a 500.
 */
@QuarkusTest
class PagingBoundsTest {

    @Test
    void aPageBeyondTheMaximumIsA400NamingPage() {
        String patientId = registeredPatient();
        String caseList = "/api/v1/refractory-cases";
        String[][] lists = {
                {"clinician", "/api/v1/patients/" + patientId + "/pain-assessments"},
                {"clinician", "/api/v1/patients"},
                {"clinician", "/api/v1/patients/" + patientId + "/recommendations"},
                {"clinician", "/api/v1/patients/" + patientId + "/regimen/history"},
                {"clinician", "/api/v1/patients/" + patientId + "/procedures"},
                {"palliative", caseList},
                {"auditor", "/api/v1/audit-events"}};
        for (String[] list : lists) {
            for (String page : new String[] {"10737419", "2147483647", "10000001"}) {
                as(list[0]).queryParam("page", page).queryParam("size", "200").get(list[1]).then()
                        .statusCode(400).contentType("application/problem+json")
                        .body("violations.field", hasItem("page"))
                        .body("detail", containsString("10000000"));
            }
            as(list[0]).queryParam("page", "10000000").queryParam("size", "200").get(list[1]).then()
                    .statusCode(200).body("items.size()", equalTo(0));
        }
    }
}

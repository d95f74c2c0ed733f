package org.painladder.api;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Strict input for the query string: a misspelt filter is refused, never dropped to answer the whole list. */
@QuarkusTest
class UnknownQueryParameterTest {

    @Test
    void aMisspeltPatientFilterIs400NamingItInsteadOfListingEveryPatient() {
        registeredPatient();

        as("clinician").queryParam("mrm", "MRN-1").get("/api/v1/patients").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains("mrm"))
                .body("detail", containsString("mrn"));
        as("clinician").queryParam("mrn", "MRN-NOBODY").get("/api/v1/patients").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anOperationWithoutQueryParametersRefusesAnyWhileAListTakesItsOwn() {
        String patientId = registeredPatient();

        as("clinician").queryParam("verbose", "true").get("/api/v1/patients/" + patientId).then().statusCode(400)
                .body("violations.field", contains("verbose"))
                .body("detail", containsString("takes no query parameters"));
        as("clinician").queryParam("status", "PENDING").queryParam("page", "0")
                .get("/api/v1/patients/" + patientId + "/recommendations").then().statusCode(200);
    }
}

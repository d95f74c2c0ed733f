package org.painladder.ui;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A dashboard session is not a ticket to the CDS Hooks services: they take the EHR's bearer tokens only, so a session
 * cookie (which carries no CSRF token to a JSON endpoint) can neither read cards nor decide a recommendation.
 */
@QuarkusTest
class DashboardSessionOutsideThePagesTest {

    @Test
    void theSessionCookieIsHiddenFromThePagesScripts() {
        var answer = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "palliative").formParam("j_password", "development")
                .post("/ui/j_security_check").then().statusCode(302).extract();
        assertTrue(answer.detailedCookie("quarkus-credential").isHttpOnly(), "the session cookie is HttpOnly");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "admin", "palliative", "clinician"})
    void aSessionCookieAloneIsRefusedOnEveryCdsServicesPathAndDecidesNothing(String role) {
        String patientId = registeredPatient();
        String recommendationId = as("ehr").body(nrsJson("obs-session", Instant.now().minus(5, ChronoUnit.MINUTES)
                        .truncatedTo(ChronoUnit.SECONDS).toString(), 8))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201).extract()
                .path("evaluation.recommendations.find { it.ruleId == 'LAD-04' }.id");
        DashboardSession session = DashboardSession.signedInAs(role);

        session.request().get("/cds-services").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        session.request().contentType("application/json").body("""
                { "hook": "patient-view", "hookInstance": "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
                  "context": { "userId": "Practitioner/1", "patientId": "%s" } }""".formatted(patientId))
                .post("/cds-services/painladder-patient-view").then().statusCode(401);
        session.request().contentType("application/json").body("""
                { "feedback": [ { "card": "%s", "outcome": "accepted" } ] }""".formatted(recommendationId))
                .post("/cds-services/painladder-patient-view/feedback").then().statusCode(401);
        session.request().contentType("application/json").body("""
                { "feedback": [ { "card": "%s", "outcome": "overridden" } ] }""".formatted(recommendationId))
                .post("/cds-services/painladder-order-sign/feedback").then().statusCode(401);

        as("clinician").get("/api/v1/patients/" + patientId + "/recommendations/" + recommendationId).then()
                .statusCode(200).body("status", equalTo("PENDING")).body("decidedBy", equalTo(null));
    }
}

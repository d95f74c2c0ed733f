package org.painladder.ui;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.painladder.api.RefractoryCaseFixtures;
import org.painladder.app.SealingAuditTrail;

@QuarkusTest
class DashboardPagesTest {

    private static final Pattern PAIN_CHART_DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"pain-chart-data\">(.*?)</script>", Pattern.DOTALL);

    @Inject
    SealingAuditTrail sealing;

    @Test
    void theRootOpensTheWorklistAndASignedOutVisitorIsSentToSignIn() {
        RestAssured.given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", endsWith("/ui/worklist"));
        RestAssured.given().redirects().follow(false).get("/ui").then().statusCode(303)
                .header("Location", endsWith("/ui/worklist"));
        RestAssured.given().redirects().follow(false).get("/ui/worklist").then().statusCode(302)
                .header("Location", endsWith("/ui/sign-in"));
        RestAssured.given().get("/ui/sign-in").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Development only"), containsString("id=\"user-palliative\""));
    }

    @Test
    void anUnknownDevelopmentUserIsNotSignedIn() {
        var answer = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "mallory").formParam("j_password", "development").post("/ui/j_security_check")
                .then().statusCode(302).header("Location", containsString("/ui/sign-in?failed=true")).extract();
        assertNull(answer.detailedCookie("quarkus-credential"), "no session for an unknown user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "clinician", "palliative", "admin"})
    void everyClinicalRoleSeesThePages(String role) {
        DashboardSession session = DashboardSession.signedInAs(role);
        session.page("/ui/worklist").then().statusCode(200).contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .body(containsString("<html lang=\"en\">"), containsString("id=\"worklist-table\""),
                        containsString("Skip to main content"));
        session.page("/ui/cohort").then().statusCode(200).body(containsString("id=\"cohort-chart-data\""));
        session.page("/ui/patients/" + registeredPatient()).then().statusCode(200)
                .body(containsString("id=\"pain-chart\""));
    }

    @Test
    void aPatientWithoutADiagnosisOrAPainSiteHasItsPageAndItsPlaceOnTheWorklist() {
        String bare = as("ehr").body("{ \"mrn\": \"" + org.painladder.api.ApiFixtures.anyMrn() + "\" }")
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        String[] flagged = RefractoryCaseFixtures.flaggedPatient(new RefractoryCaseFixtures.Flagged(null,
                org.painladder.domain.pain.PainSite.ABDOMEN_UPPER,
                org.painladder.domain.pain.PainMechanism.NOCICEPTIVE_VISCERAL, 7, 240, 15, 6, ""));
        DashboardSession session = DashboardSession.signedInAs("palliative");

        session.page("/ui/patients/" + bare).then().statusCode(200);
        session.page("/ui/patients/" + flagged[0]).then().statusCode(200);
        session.page("/ui/worklist").then().statusCode(200).body(containsString(flagged[1]));
        session.page("/ui/worklist?status=OPEN").then().statusCode(200);
    }

    @Test
    void aWorklistPageFarBeyondTheEndIsRefusedNotAFailure() {
        DashboardSession.signedInAs("palliative").page("/ui/worklist?page=2147483647&size=200").then()
                .statusCode(400);
    }

    @Test
    void aLinkToAPatientThatDoesNotExistAnswersAPageNotTheApisProblem() {
        DashboardSession session = DashboardSession.signedInAs("palliative");
        String unknown = "/ui/patients/" + java.util.UUID.randomUUID();

        session.page(unknown).then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("Not found"), containsString("href=\"/ui/worklist\""));
        session.page("/ui/worklist");
        session.form().formParam("note", "ok").formParam("version", "0")
                .post(unknown + "/recommendations/" + java.util.UUID.randomUUID() + "/accept").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("Not found"));
    }

    @Test
    void theAuditorSeesTheAccessLogButNoPatient() {
        DashboardSession session = DashboardSession.signedInAs("auditor");
        session.page("/ui/worklist").then().statusCode(403);
        session.page("/ui/patients/" + registeredPatient()).then().statusCode(403);
        session.page("/ui/cohort").then().statusCode(403);
    }

    @Test
    void theChartingLibraryAndThePagesScriptAreServedFromThisOrigin() {
        RestAssured.given().get("/_static/echarts/dist/echarts.min.js").then().statusCode(200)
                .contentType(containsString("javascript"));
        RestAssured.given().get("/dashboard/charts.js").then().statusCode(200).body(containsString("pain-chart-data"));
        RestAssured.given().get("/dashboard/dashboard.css").then().statusCode(200);
    }

    @Test
    void theApiSetsNoDashboardCookie() {
        as("clinician").get("/api/v1/refractory-cases").then().statusCode(200)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aDashboardSessionIsNoTicketToTheApi() {
        DashboardSession.signedInAs("admin").request().get("/api/v1/refractory-cases").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void thePalliativeTeamMovesACaseFromTheWorklist() {
        String[] flagged = RefractoryCaseFixtures.flaggedPatient(RefractoryCaseFixtures.pancreaticPain());
        String caseId = flagged[1];
        DashboardSession session = DashboardSession.signedInAs("palliative");
        session.page("/ui/worklist?status=OPEN&primarySite=PANCREAS&sort=-omeddMg").then().statusCode(200)
                .body(containsString("id=\"case-" + caseId + "\""), containsString("id=\"move-" + caseId + "\""),
                        containsString("<option value=\"PANCREAS\" selected>Pancreas</option>"),
                        containsString("<option value=\"-omeddMg\" selected>OMEDD, highest first</option>"));
        session.page("/ui/worklist?status=CLOSED").then().statusCode(200)
                .body(not(containsString("id=\"case-" + caseId + "\"")));
        session.form().formParam("to", "UNDER_REVIEW").formParam("note", "Discuss coeliac block on Monday")
                .formParam("assignee", "dr.lee").formParam("version", "0")
                .post("/ui/refractory-cases/" + caseId + "/transitions")
                .then().statusCode(303).header("Location", endsWith("/ui/worklist?moved=under_review"));
        JsonPath moved = as("palliative").get("/api/v1/refractory-cases/" + caseId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("UNDER_REVIEW", moved.getString("status"));
        assertEquals("dr.lee", moved.getString("assignee"));
        assertEquals("palliative", moved.getString("history[-1].by"));
        session.page("/ui/worklist?moved=under_review").then().statusCode(200)
                .body(containsString("The case was moved to under review."));
    }

    @Test
    void aMoveFromAStalePageChangesNothingAndSaysWhy() {
        String caseId = RefractoryCaseFixtures.flaggedPatient(RefractoryCaseFixtures.pancreaticPain())[1];
        DashboardSession session = DashboardSession.signedInAs("palliative");
        session.page("/ui/worklist");
        as("palliative").body("{\"to\": \"UNDER_REVIEW\"}").post("/api/v1/refractory-cases/" + caseId + "/transitions")
                .then().statusCode(200);
        session.form().formParam("to", "CLOSED").formParam("outcome", "NOT_A_CANDIDATE").formParam("version", "0")
                .post("/ui/refractory-cases/" + caseId + "/transitions")
                .then().statusCode(409).contentType(containsString("text/html"))
                .body(containsString(FormActions.STALE_TITLE), containsString("id=\"action-refused\""));
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().body("status", equalTo("UNDER_REVIEW"));
    }

    @Test
    void aMoveWithoutTheVersionItsPageShowedChangesNothing() {
        String caseId = RefractoryCaseFixtures.flaggedPatient(RefractoryCaseFixtures.pancreaticPain())[1];
        DashboardSession session = DashboardSession.signedInAs("palliative");
        session.page("/ui/worklist").then().statusCode(200);

        session.form().formParam("to", "CLOSED").formParam("outcome", "NOT_A_CANDIDATE")
                .post("/ui/refractory-cases/" + caseId + "/transitions")
                .then().statusCode(422).contentType(containsString("text/html"));
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        String caseId = RefractoryCaseFixtures.flaggedPatient(RefractoryCaseFixtures.pancreaticPain())[1];
        DashboardSession session = DashboardSession.signedInAs("palliative");
        session.page("/ui/worklist");
        session.formWithoutToken().formParam("to", "UNDER_REVIEW").formParam("version", "0")
                .post("/ui/refractory-cases/" + caseId + "/transitions").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body("detail", containsString("Reload the page"));
        // A browser asks for a page: it gets one that says what to do, not an empty screen.
        session.formWithoutToken().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .formParam("to", "UNDER_REVIEW").formParam("version", "0")
                .post("/ui/refractory-cases/" + caseId + "/transitions").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("Reload the page"));
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aClinicianCannotMoveACase() {
        String caseId = RefractoryCaseFixtures.flaggedPatient(RefractoryCaseFixtures.pancreaticPain())[1];
        DashboardSession session = DashboardSession.signedInAs("clinician");
        session.page("/ui/worklist").then().body(not(containsString("id=\"move-" + caseId + "\"")));
        session.page("/ui/patients/" + severePainOnStepZero());
        session.form().formParam("to", "UNDER_REVIEW").post("/ui/refractory-cases/" + caseId + "/transitions")
                .then().statusCode(403);
        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().body("status", equalTo("OPEN"));
    }

    @Test
    void aClinicianAcceptsAdviceAndTheLadderMoves() {
        String patientId = severePainOnStepZero();
        String recommendationId = as("clinician").get("/api/v1/patients/" + patientId + "/recommendations")
                .then().extract().path("items.find { it.ruleId == 'LAD-04' }.id");
        DashboardSession session = DashboardSession.signedInAs("clinician");
        session.page("/ui/patients/" + patientId).then().statusCode(200)
                .body(containsString("id=\"recommendation-" + recommendationId + "\""), containsString("LAD-04"),
                        containsString("id=\"ladder-step\" data-step=\"0\""));
        session.form().formParam("note", "Start morphine").formParam("version", "0")
                .post("/ui/patients/" + patientId + "/recommendations/" + recommendationId + "/accept")
                .then().statusCode(303).header("Location", endsWith("/ui/patients/" + patientId + "?decided=accepted"));
        as("clinician").get("/api/v1/patients/" + patientId + "/recommendations/" + recommendationId)
                .then().body("status", equalTo("ACCEPTED"), "decidedBy", equalTo("clinician"));
        session.page("/ui/patients/" + patientId + "?decided=accepted").then()
                .body(containsString("The advice was accepted."), containsString("id=\"ladder-step\" data-step=\"3\""),
                        containsString("Recommendation accepted"));
    }

    @Test
    void adviceIsNeverRejectedWithoutAReason() {
        String patientId = severePainOnStepZero();
        String recommendationId = as("clinician").get("/api/v1/patients/" + patientId + "/recommendations")
                .then().extract().path("items.find { it.ruleId == 'LAD-04' }.id");
        DashboardSession session = DashboardSession.signedInAs("clinician");
        session.page("/ui/patients/" + patientId);
        session.form().formParam("reason", "  ").formParam("version", "0")
                .post("/ui/patients/" + patientId + "/recommendations/" + recommendationId + "/reject")
                .then().statusCode(422).body(containsString("say why the advice is rejected"));
        session.form().formParam("reason", "Patient declines opioids today").formParam("version", "0")
                .post("/ui/patients/" + patientId + "/recommendations/" + recommendationId + "/reject")
                .then().statusCode(303);
        as("clinician").get("/api/v1/patients/" + patientId + "/recommendations/" + recommendationId)
                .then().body("status", equalTo("REJECTED"), "decisionNote", equalTo("Patient declines opioids today"));
    }

    @Test
    void acceptingFromAStalePageChangesNothing() {
        String patientId = severePainOnStepZero();
        String recommendationId = as("clinician").get("/api/v1/patients/" + patientId + "/recommendations")
                .then().extract().path("items.find { it.ruleId == 'LAD-04' }.id");
        DashboardSession session = DashboardSession.signedInAs("clinician");
        session.page("/ui/patients/" + patientId);
        session.form().formParam("version", "7")
                .post("/ui/patients/" + patientId + "/recommendations/" + recommendationId + "/accept")
                .then().statusCode(409).body(containsString(FormActions.STALE_TITLE),
                        containsString("href=\"/ui/patients/" + patientId + "\""));
        as("clinician").get("/api/v1/patients/" + patientId + "/recommendations/" + recommendationId)
                .then().body("status", equalTo("PENDING"));
    }

    @Test
    void thePatientPageCarriesTheChartsDataPoints() throws Exception {
        String patientId = severePainOnStepZero();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        as("ehr").body(nrsJson("dash-older", now.minus(3, ChronoUnit.DAYS).toString(), 6))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
        String page = DashboardSession.signedInAs("palliative").page("/ui/patients/" + patientId).then()
                .statusCode(200).extract().asString();
        Matcher block = PAIN_CHART_DATA.matcher(page);
        assertTrue(block.find(), "the page carries the chart's data");
        JsonNode chart = new ObjectMapper().readTree(block.group(1));
        assertEquals(2, chart.get("scores").size());
        assertEquals(List.of(6, 8), List.of(chart.get("scores").get(0).get("score").asInt(),
                chart.get("scores").get(1).get("score").asInt()));
        assertEquals(2, chart.get("daily").size());
        assertEquals(0, chart.get("steps").get(0).get("step").asInt());
        assertEquals(chart.get("to").asLong(), chart.get("steps").get(chart.get("steps").size() - 1).get("to").asLong());
    }

    @Test
    void aPageViewIsAuditedLikeAnApiRead() {
        String patientId = registeredPatient();
        DashboardSession.signedInAs("palliative").page("/ui/patients/" + patientId).then().statusCode(200);
        sealing.sealPending();
        List<Map<String, Object>> events = as("auditor").queryParam("patientId", patientId)
                .get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(events.stream().anyMatch(event -> "palliative".equals(event.get("actor"))
                && "READ".equals(event.get("action")) && "patients".equals(event.get("resourceType"))
                && patientId.equals(event.get("resourceId"))), "the page view is in the trail: " + events);
        DashboardSession.signedInAs("palliative").page("/ui/worklist");
        sealing.sealPending();
        as("auditor").queryParam("actor", "palliative").get("/api/v1/audit-events").then().statusCode(200)
                .body("items.resourceType", hasItem("worklist"));
    }

    /** A patient with no analgesic who reports NRS 8: the rules advise going straight to step 3 (LAD-04). */
    private static String severePainOnStepZero() {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("dash-severe", Instant.now().minus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS).toString(), 8))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
        return patientId;
    }
}

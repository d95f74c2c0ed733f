package org.painladder.ui;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The palliative team's morning round in headless Chromium: sign in as a development user, filter the worklist, open a
 * patient from it and read the pain chart's points back from the chart itself, accept an escalation and see the
 * ladder move, take a case under review. Every page is screenshotted under target/screenshots and checked with
 * axe-core: no serious or critical violation.
 */
@QuarkusTest
class DashboardInBrowserTest {

    @TestHTTPResource("/")
    URL base;

    private static Chromium chromium;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void morningRound() {
        String[] refractory = refractoryPancreaticPatient();
        String escalating = patientInSeverePainOnNoAnalgesic();
        var browser = chromium.driver;

        browser.get(url("ui/worklist"));
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-in-form")));
        chromium.screenshot("01-sign-in");
        chromium.assertAccessible("the sign-in page");
        browser.findElement(By.cssSelector("label[for='user-palliative']")).click();
        browser.findElement(By.id("sign-in")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("worklist-table")));

        new Select(browser.findElement(By.id("filter-primary-site"))).selectByValue("PANCREAS");
        new Select(browser.findElement(By.id("filter-status"))).selectByValue("OPEN");
        browser.findElement(By.id("apply-filters")).click();
        chromium.waiting().until(ExpectedConditions.urlContains("primarySite=PANCREAS"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#worklist-table tbody tr[data-case-id]"));
        assertTrue(rows.stream().anyMatch(row -> row.getAttribute("data-case-id").equals(refractory[1])),
                "the pancreatic patient's open case is on the filtered worklist");
        assertTrue(rows.stream().allMatch(row -> row.getAttribute("data-status").equals("OPEN")),
                "only open cases after filtering on OPEN");
        chromium.screenshot("02-worklist-filtered");
        chromium.assertAccessible("the filtered worklist");

        WebElement caseRow = browser.findElement(By.id("case-" + refractory[1]));
        caseRow.findElement(By.cssSelector("a[href*='/ui/patients/" + refractory[0] + "']")).click();
        chromium.waiting().until(ExpectedConditions.attributeToBe(By.id("pain-chart"), "data-rendered", "true"));
        assertEquals(List.of(7L, 8L, 7L), chartScores(), "the chart plots the three background scores, oldest first");
        chromium.screenshot("03-patient-refractory");
        chromium.assertAccessible("the refractory patient's page");

        browser.get(url("ui/patients/" + escalating));
        chromium.waiting().until(ExpectedConditions.attributeToBe(By.id("pain-chart"), "data-rendered", "true"));
        assertEquals(List.of(8L, 8L, 9L), chartScores(), "the chart plots the three background scores, oldest first");
        assertEquals("0", browser.findElement(By.id("ladder-step")).getAttribute("data-step"));
        chromium.screenshot("04-patient-pending-advice");
        chromium.assertAccessible("the patient page with pending advice");
        WebElement escalation = browser.findElements(By.cssSelector("article.recommendation")).stream()
                .filter(advice -> advice.getAttribute("data-type").startsWith("ESCALATE_TO_STEP_")).findFirst()
                .orElseThrow(() -> new AssertionError("no pending escalation on the patient page"));
        String recommendationId = escalation.getAttribute("data-recommendation-id");
        escalation.findElement(By.tagName("textarea")).sendKeys("agreed at the morning round");
        escalation.findElement(By.cssSelector("button.accept")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("patient-notice")));
        String step = browser.findElement(By.id("ladder-step")).getAttribute("data-step");
        assertTrue(Integer.parseInt(step) > 0, "the accepted escalation moved the ladder off step 0 (now " + step + ")");
        List<WebElement> moves = browser.findElements(By.cssSelector("#ladder-table tbody tr"));
        assertEquals(step, moves.get(moves.size() - 1).findElements(By.tagName("td")).get(1).getText(),
                "the ladder history's latest move goes to the new step");
        chromium.screenshot("05-patient-after-accepting");
        as("clinician").get("/api/v1/patients/" + escalating + "/ladder").then().statusCode(200)
                .body("step", equalTo(Integer.parseInt(step)))
                .body("transitions.cause", hasItem("RECOMMENDATION_ACCEPTED"))
                .body("transitions.recommendationId", hasItem(recommendationId));

        browser.get(url("ui/worklist?status=OPEN&primarySite=PANCREAS"));
        WebElement move = browser.findElement(By.id("move-" + refractory[1]));
        new Select(move.findElement(By.name("to"))).selectByValue("UNDER_REVIEW");
        move.findElement(By.name("assignee")).sendKeys("dr.ortiz");
        move.findElement(By.name("note")).sendKeys("Thursday MDT");
        move.findElement(By.cssSelector("button[type='submit']")).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("worklist-notice")));
        chromium.screenshot("06-worklist-after-move");
        as("palliative").get("/api/v1/refractory-cases/" + refractory[1]).then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW")).body("assignee", equalTo("dr.ortiz"));

        browser.get(url("ui/cohort"));
        chromium.waiting().until(ExpectedConditions.attributeToBe(By.id("cohort-chart"), "data-rendered", "true"));
        chromium.screenshot("07-cohort");
        chromium.assertAccessible("the cohort page");
    }

    /** The y values of the chart's background-score series, read from the ECharts instance that drew it. */
    @SuppressWarnings("unchecked")
    private List<Long> chartScores() {
        List<List<Object>> points = (List<List<Object>>) chromium.driver.executeScript(
                "return echarts.getInstanceByDom(document.getElementById('pain-chart')).getOption().series"
                        + ".find(function (s) { return s.name === 'Background score'; }).data;");
        return points.stream().map(point -> ((Number) point.get(1)).longValue()).toList();
    }

    private String url(String path) {
        return base.toString() + path;
    }

    /** As the walkthrough's second patient: three weeks on step 3 at 240 mg/d OMEDD, pain persisting over 72 h. */
    private static String[] refractoryPancreaticPatient() {
        String patientId = register("PANCREAS", "C25.0");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        as("clinician").body("""
                { "effectiveAt": "%s", "reason": "titration",
                  "items": [ { "drug": "OXYCODONE", "route": "ORAL", "dose": 80, "unit": "mg", "timesPerDay": 2, "prn": false },
                             { "drug": "OXYCODONE", "route": "ORAL", "dose": 20, "unit": "mg", "timesPerDay": 6, "prn": true } ] }
                """.formatted(now.minus(Duration.ofDays(21))))
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
        Map<Integer, Integer> scoresByHoursAgo = Map.of(60, 7, 30, 8, 2, 7);
        String caseId = null;
        for (int hoursAgo : List.of(60, 30, 2)) {
            caseId = postScore(patientId, now.minus(Duration.ofHours(hoursAgo)), scoresByHoursAgo.get(hoursAgo));
        }
        assertTrue(caseId != null, "REF-01 opened a case");
        return new String[] {patientId, caseId};
    }

    /** Severe pain on no analgesic for three days: the ladder advises escalation, which waits for a clinician. */
    private static String patientInSeverePainOnNoAnalgesic() {
        String patientId = register("LUNG", "C34.1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        postScore(patientId, now.minus(Duration.ofDays(3)), 8);
        postScore(patientId, now.minus(Duration.ofDays(2)), 8);
        postScore(patientId, now.minus(Duration.ofHours(1)), 9);
        as("clinician").get("/api/v1/patients/" + patientId + "/recommendations?status=PENDING").then()
                .statusCode(200).body("items.type", hasItem(startsWith("ESCALATE_TO_STEP_")));
        return patientId;
    }

    private static String register(String primarySite, String icd10) {
        return as("ehr").body("""
                        { "mrn": "%s", "birthYear": 1952, "sex": "male",
                          "diagnosis": { "icd10": "%s", "primarySite": "%s", "metastatic": true },
                          "lifeExpectancyMonths": 6 }
                        """.formatted(anyMrn(), icd10, primarySite))
                .post("/api/v1/patients").then().statusCode(201).body("id", notNullValue()).extract().path("id");
    }

    /** Posts a background score as the EHR; answers the patient's open refractory case after it (null when none). */
    private static String postScore(String patientId, Instant at, int score) {
        return as("ehr").body("""
                        { "recordedAt": "%s", "scale": "NRS", "value": %d, "kind": "BACKGROUND", "site": "ABDOMEN_UPPER",
                          "mechanism": "NOCICEPTIVE_VISCERAL", "course": "CHRONIC", "breakthroughEpisodes24h": 1,
                          "source": "EHR" }
                        """.formatted(at, score))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201)
                .extract().path("evaluation.refractoryCaseId");
    }
}

package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PainTrendTest {

    @Test
    void improvingPainShowsANegativeSlopeAndDailyBuckets() {
        String patientId = registeredPatient();
        int[] scores = {8, 6, 3};
        for (int day = 0; day < scores.length; day++) {
            String recordedAt = Instant.now().minus(2 - day, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS)
                    .truncatedTo(ChronoUnit.SECONDS).toString();
            as("ehr").body(nrsJson("obs-" + day, recordedAt, scores[day]))
                    .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
        }

        as("clinician").queryParam("days", 7).get("/api/v1/patients/" + patientId + "/pain-trend")
                .then().statusCode(200)
                .body("days", equalTo(7))
                .body("count", equalTo(3))
                .body("mean", equalTo(5.67f))
                .body("max", equalTo(8))
                .body("latest", equalTo(3))
                .body("controlledFraction", equalTo(0.33f))
                .body("slopePerDay", lessThan(-2.0f))
                .body("daily.size()", equalTo(3))
                .body("daily[0].max", equalTo(8))
                .body("daily[0].breakthroughEpisodes", equalTo(1));
    }

    @Test
    void chartedBreakthroughFlaresAreCountedOnTheirDayWithoutAddingTheReportedCount() {
        String patientId = registeredPatient();
        Instant yesterday = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS);
        Instant dayBefore = yesterday.minus(1, ChronoUnit.DAYS);
        // Day before: five flares charted, a background score reporting 3 in 24 h. Yesterday: two flares, a report of 4.
        postBackground(patientId, dayBefore.plus(8, ChronoUnit.HOURS), 3);
        for (int i = 0; i < 5; i++) {
            postBreakthrough(patientId, dayBefore.plus(10 + i, ChronoUnit.HOURS));
        }
        postBreakthrough(patientId, yesterday.plus(9, ChronoUnit.HOURS));
        postBreakthrough(patientId, yesterday.plus(12, ChronoUnit.HOURS));
        postBackground(patientId, yesterday.plus(20, ChronoUnit.HOURS), 4);

        as("clinician").queryParam("days", 3).get("/api/v1/patients/" + patientId + "/pain-trend")
                .then().statusCode(200)
                .body("daily.date", equalTo(java.util.List.of(dayBefore.toString().substring(0, 10),
                        yesterday.toString().substring(0, 10))))
                .body("daily.breakthroughEpisodes", equalTo(java.util.List.of(5, 4)))
                .body("count", equalTo(2));
    }

    private static void postBackground(String patientId, Instant at, int episodes24h) {
        as("ehr").body("""
                { "externalId": "bg-%s", "recordedAt": "%s", "scale": "NRS", "value": 4, "kind": "BACKGROUND",
                  "site": "PELVIS", "course": "CHRONIC", "breakthroughEpisodes24h": %d, "source": "EHR" }
                """.formatted(at.toEpochMilli(), at, episodes24h))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
    }

    private static void postBreakthrough(String patientId, Instant at) {
        as("ehr").body("""
                { "externalId": "btp-%s", "recordedAt": "%s", "scale": "NRS", "value": 8, "kind": "BREAKTHROUGH",
                  "site": "PELVIS", "course": "CHRONIC", "breakthroughType": "SPONTANEOUS", "source": "EHR" }
                """.formatted(at.toEpochMilli(), at))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
    }

    @Test
    void emptyTrendHasZeroCountAndNoFigures() {
        String patientId = registeredPatient();
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-trend").then().statusCode(200)
                .body("days", equalTo(30)).body("count", equalTo(0)).body("mean", nullValue())
                .body("slopePerDay", nullValue()).body("daily", hasSize(0));
    }

    @Test
    void daysOutsideOneToThreeHundredSixtyFiveIs400() {
        String patientId = registeredPatient();
        as("clinician").queryParam("days", 0).get("/api/v1/patients/" + patientId + "/pain-trend").then().statusCode(400);
        as("clinician").queryParam("days", 366).get("/api/v1/patients/" + patientId + "/pain-trend").then().statusCode(400);
        as("clinician").get("/api/v1/patients/00000000-0000-0000-0000-000000000000/pain-trend").then().statusCode(404);
    }
}

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

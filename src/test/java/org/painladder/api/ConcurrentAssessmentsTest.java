package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** EHR interfaces send in parallel and retry; no acknowledged score may be lost or stored twice. */
@QuarkusTest
class ConcurrentAssessmentsTest {

    private static final Instant BASE = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void parallelScoresForOnePatientAreAllStoredAndTheNewestIsTheLatest() throws Exception {
        String patientId = registeredPatient();
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String body = nrsJson("obs-par-" + i, BASE.plus(i, ChronoUnit.HOURS).toString(), i % 11);
            posts.add(() -> as("ehr").body(body).post("/api/v1/patients/" + patientId + "/pain-assessments")
                    .then().extract().statusCode());
        }
        assertEquals(List.of(201), statuses(posts).stream().distinct().toList());

        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(24));
        as("clinician").get("/api/v1/patients/" + patientId).then()
                .body("latestScore", equalTo(23 % 11))
                .body("latestAssessedAt", equalTo(BASE.plus(23, ChronoUnit.HOURS).toString()));
    }

    @Test
    void parallelRetriesOfOneScoreStoreItOnce() throws Exception {
        String patientId = registeredPatient();
        String body = nrsJson("obs-retry-storm", BASE.toString(), 5);
        List<Callable<Integer>> posts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            posts.add(() -> as("ehr").body(body).post("/api/v1/patients/" + patientId + "/pain-assessments")
                    .then().extract().statusCode());
        }
        List<Integer> statuses = statuses(posts);
        assertEquals(1, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
        assertEquals(11, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(1));
    }

    static List<Integer> statuses(List<Callable<Integer>> posts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(posts)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}

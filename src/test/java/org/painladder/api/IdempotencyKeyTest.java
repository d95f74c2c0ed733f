package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.patientJson;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.painladder.persistence.IdempotencyKeys;

@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    IdempotencyKeys keys;

    @Test
    void retryWithTheSameKeyReplaysTheFirstAnswerWithoutRunningAgain() {
        String key = UUID.randomUUID().toString();
        String mrn = anyMrn();
        Response registered = as("ehr").header("Idempotency-Key", key).body(patientJson(mrn))
                .post("/api/v1/patients");
        registered.then().statusCode(201).header("Idempotent-Replayed", nullValue()).header("ETag", startsWith("\"0-"));
        String first = registered.path("id");

        String location = as("ehr").header("Idempotency-Key", key).body(patientJson(mrn)).post("/api/v1/patients")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .contentType("application/json").header("ETag", equalTo(registered.header("ETag")))
                .body("id", equalTo(first)).body("mrn", equalTo(mrn))
                .extract().header("Location");
        as("ehr").get(location).then().statusCode(200).body("id", equalTo(first));
        as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().body("total", equalTo(1));
    }

    @Test
    void theSameKeyForADifferentRequestIs422() {
        String key = UUID.randomUUID().toString();
        as("ehr").header("Idempotency-Key", key).body(patientJson(anyMrn())).post("/api/v1/patients")
                .then().statusCode(201);
        as("ehr").header("Idempotency-Key", key).body(patientJson(anyMrn())).post("/api/v1/patients")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        as("ehr").header("Idempotency-Key", key).body(patientJson(anyMrn())).post("/api/v1/patients")
                .then().statusCode(201);
        as("admin").header("Idempotency-Key", key).body(patientJson(anyMrn())).post("/api/v1/patients")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue());
    }

    @Test
    void aFailedRequestReleasesItsKeySoTheCorrectedRetryRuns() {
        String key = UUID.randomUUID().toString();
        String mrn = anyMrn();
        as("ehr").header("Idempotency-Key", key).body(patientJson(mrn).replace("1958", "1700"))
                .post("/api/v1/patients").then().statusCode(422);
        as("ehr").header("Idempotency-Key", key).body(patientJson(mrn).replace("1958", "1700"))
                .post("/api/v1/patients").then().statusCode(422);
    }

    /**
     * An EHR whose own timeout fired hangs up and retries with the same key. The registration it abandoned was rolled
     * back, so the retry registers the patient, once, instead of being told for minutes that the first is in progress.
     */
    @Test
    void aRetryAfterTheClientHungUpRegistersThePatientOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String mrn = anyMrn();
        HungUpClient.send("POST", "/api/v1/test-only/abandoned/patients?answer=after-hang-up", "ehr",
                "Idempotency-Key: " + key + "\r\n", patientJson(mrn), 300);

        Response retry = null;
        for (int attempt = 0; attempt < 50 && (retry == null || retry.statusCode() == 409); attempt++) {
            // The first request may still be finishing: that is a 409, "retry shortly".
            Thread.sleep(100);
            retry = as("ehr").header("Idempotency-Key", key).body(patientJson(mrn))
                    .post("/api/v1/test-only/abandoned/patients");
        }
        assertEquals(201, retry.statusCode(), "the retry was still refused");
        assertNull(retry.header("Idempotent-Replayed"), "the abandoned registration was kept, not rolled back");
        as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().body("total", equalTo(1));
        as("ehr").header("Idempotency-Key", key).body(patientJson(mrn)).post("/api/v1/test-only/abandoned/patients")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
    }

    @Test
    void aMalformedKeyIs400() {
        as("ehr").header("Idempotency-Key", "has spaces in it").body(patientJson(anyMrn())).post("/api/v1/patients")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aKeyLeftInProgressByAKilledProcessIsTakenOverByTheRetry() {
        String key = UUID.randomUUID().toString();
        String mrn = anyMrn();
        // What a process killed between claiming the key and answering leaves: a claim without an answer, 2 min old.
        keys.claim("test.ehr", key, "the request the killed process was running", Instant.now().minus(Duration.ofMinutes(2)),
                Duration.ofHours(24));

        as("ehr").header("Idempotency-Key", key).body(patientJson(mrn)).post("/api/v1/patients")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue());
        as("ehr").header("Idempotency-Key", key).body(patientJson(mrn)).post("/api/v1/patients")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().body("total", equalTo(1));
    }

    @Test
    void aKeyClaimedMomentsAgoIsStillHeld() {
        String key = UUID.randomUUID().toString();
        keys.claim("test.ehr", key, "a request still running", Instant.now(), Duration.ofHours(24));

        as("ehr").header("Idempotency-Key", key).body(patientJson(anyMrn())).post("/api/v1/patients")
                .then().statusCode(422).contentType("application/problem+json");
    }
}

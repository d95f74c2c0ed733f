package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.patientJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The database keeps timestamps to the microsecond. An answer that echoes a finer time than was stored would make a
 * retry's 200 (read back from the database) differ from the 201, against the contract's "200 with the same body", and
 * an EHR comparing the two would see a changed fact. Every time, sent or stamped by the service, is answered as stored.
 */
@QuarkusTest
class StoredTimePrecisionTest {

    /** A full microsecond and more: six digits are kept and the rest dropped, so the time never moves later. */
    private static final String NANOS = ".123456789Z";
    private static final String AS_STORED = ".123456Z";
    /** What every time the service answers looks like: whole seconds, or at most six fraction digits. */
    private static final String MICROSECONDS_AT_MOST = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?Z";

    private static String anHourAgoWithNanos() {
        return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()
                .replace("Z", NANOS);
    }

    @Test
    void anAssessmentAnswersTheSameTimesOnCreationOnRetryAndOnReading() {
        String patientId = registeredPatient();
        String recordedAt = anHourAgoWithNanos();
        String body = nrsJson("obs-nanos", recordedAt, 5);
        String assessments = "/api/v1/patients/" + patientId + "/pain-assessments";

        String created = as("ehr").body(body).post(assessments).then().statusCode(201)
                .body("recordedAt", equalTo(recordedAt.replace(NANOS, AS_STORED)))
                .body("receivedAt", matchesPattern(MICROSECONDS_AT_MOST))
                .extract().asString();
        String retried = as("ehr").body(body).post(assessments).then().statusCode(200).extract().asString();
        assertEquals(created, retried);

        JsonPath first = JsonPath.from(created);
        String location = assessments + "/" + first.getString("id");
        as("clinician").get(location).then().statusCode(200)
                .body("recordedAt", equalTo(first.getString("recordedAt")))
                .body("receivedAt", equalTo(first.getString("receivedAt")));
    }

    @Test
    void aProcedureAnswersTheTimesItsListingShows() {
        String patientId = registeredPatient();
        String performedAt = anHourAgoWithNanos();
        JsonPath created = as("clinician").body("""
                        { "type": "CELIAC_PLEXUS_NEUROLYSIS", "performedAt": "%s", "performedBy": "dr.ortiz" }"""
                        .formatted(performedAt))
                .post("/api/v1/patients/" + patientId + "/procedures").then().statusCode(201)
                .body("performedAt", equalTo(performedAt.replace(NANOS, AS_STORED)))
                .body("recordedAt", matchesPattern(MICROSECONDS_AT_MOST))
                .extract().jsonPath();
        as("clinician").get("/api/v1/patients/" + patientId + "/procedures/" + created.getString("id"))
                .then().statusCode(200)
                .body("performedAt", equalTo(created.getString("performedAt")))
                .body("recordedAt", equalTo(created.getString("recordedAt")));
    }

    @Test
    void aRegimenAnswersTheTimesItsCurrentVersionShows() {
        String patientId = registeredPatient();
        String effectiveAt = anHourAgoWithNanos();
        JsonPath stored = as("clinician").body("""
                        { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": 10, "unit": "mg", "timesPerDay": 6,
                                       "prn": false } ], "effectiveAt": "%s" }""".formatted(effectiveAt))
                .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200)
                .body("effectiveAt", equalTo(effectiveAt.replace(NANOS, AS_STORED)))
                .body("recordedAt", matchesPattern(MICROSECONDS_AT_MOST))
                .extract().jsonPath();
        as("clinician").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200)
                .body("effectiveAt", equalTo(stored.getString("effectiveAt")))
                .body("recordedAt", equalTo(stored.getString("recordedAt")));
    }

    @Test
    void aPatientAnswersTheTimesItsRecordShows() {
        String measuredAt = anHourAgoWithNanos();
        JsonPath created = as("ehr").body(patientJson(anyMrn()).replace("\"sex\"",
                        "\"renalFunction\": {\"egfr\": 50, \"measuredAt\": \"" + measuredAt + "\"}, \"sex\""))
                .post("/api/v1/patients").then().statusCode(201)
                .body("renalFunction.measuredAt", equalTo(measuredAt.replace(NANOS, AS_STORED)))
                .body("createdAt", matchesPattern(MICROSECONDS_AT_MOST))
                .extract().jsonPath();
        as("ehr").get("/api/v1/patients/" + created.getString("id")).then().statusCode(200)
                .body("renalFunction.measuredAt", equalTo(created.getString("renalFunction.measuredAt")))
                .body("createdAt", equalTo(created.getString("createdAt")))
                .body("updatedAt", equalTo(created.getString("updatedAt")));
    }
}

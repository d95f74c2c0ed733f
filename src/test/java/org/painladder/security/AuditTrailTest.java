package org.painladder.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.anyMrn;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.patientJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.painladder.api.ApiFixtures;
import org.painladder.api.HungUpClient;
import org.painladder.api.RefractoryCaseFixtures;
import org.painladder.app.SealingAuditTrail;

/** Every access to patient data, allowed or not, leaves one event in a chain that shows any later edit. */
@QuarkusTest
class AuditTrailTest {

    private static final String RECENT = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    SealingAuditTrail sealing;

    @Test
    void registeringAndReadingAPatientLeaveOneEventEachWithWhoWhatAndCorrelationId() {
        String patientId = as("ehr").header("X-Correlation-Id", "reg-77").body(patientJson(anyMrn()))
                .post("/api/v1/patients").then().statusCode(201).extract().path("id");
        as("clinician").header("X-Correlation-Id", "read-78").get("/api/v1/patients/" + patientId)
                .then().statusCode(200);

        List<Map<String, Object>> events = eventsOf(patientId);
        assertEquals(2, events.size(), events.toString());
        Map<String, Object> read = events.get(0);
        assertEquals(List.of("test.clinician", "clinician", "READ", "patients", patientId, "SUCCESS", 200, "read-78"),
                List.of(read.get("actor"), read.get("role"), read.get("action"), read.get("resourceType"),
                        read.get("resourceId"), read.get("outcome"), read.get("status"), read.get("correlationId")));
        Map<String, Object> created = events.get(1);
        assertEquals(List.of("test.ehr", "ehr", "CREATE", "patients", patientId, "SUCCESS", 201, "reg-77"),
                List.of(created.get("actor"), created.get("role"), created.get("action"), created.get("resourceType"),
                        created.get("resourceId"), created.get("outcome"), created.get("status"),
                        created.get("correlationId")));
        assertEquals(created.get("hash"), read.get("prevHash"), "the read is chained to the registration");
    }

    @Test
    void aLookUpByMrnIsAuditedAsAReadOfThatPatient() {
        String mrn = anyMrn();
        String patientId = as("ehr").body(patientJson(mrn)).post("/api/v1/patients").then().statusCode(201)
                .extract().path("id");
        as("ehr").queryParam("mrn", mrn).get("/api/v1/patients").then().statusCode(200);

        Map<String, Object> lookUp = eventsOf(patientId).get(0);
        assertEquals(List.of("READ", "patients", "SUCCESS"), List.of(lookUp.get("action"), lookUp.get("resourceType"),
                lookUp.get("outcome")));
    }

    @Test
    void aDeniedAttemptIsAuditedWithTheRoleThatWasRefused() {
        String patientId = registeredPatient();
        as("clinician").body(nrsJson("obs-denied", RECENT, 6))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(403);
        given().get("/api/v1/patients/" + patientId).then().statusCode(401);

        List<Map<String, Object>> events = eventsOf(patientId);
        Map<String, Object> anonymous = events.get(0);
        assertEquals(List.of("anonymous", "READ", "DENIED", 401), List.of(anonymous.get("actor"),
                anonymous.get("action"), anonymous.get("outcome"), anonymous.get("status")));
        Map<String, Object> refused = events.get(1);
        assertEquals(List.of("test.clinician", "clinician", "CREATE", "pain-assessments", "DENIED", 403),
                List.of(refused.get("actor"), refused.get("role"), refused.get("action"), refused.get("resourceType"),
                        refused.get("outcome"), refused.get("status")));
    }

    /** A redirect to sign in is a refusal: the page was not read and the case was not moved. */
    @Test
    void aDashboardRequestSentToSignInIsAuditedAsDeniedNeverAsSuccess() {
        String[] flagged = RefractoryCaseFixtures.flaggedPatient(RefractoryCaseFixtures.pancreaticPain());
        String patientId = flagged[0];
        String caseId = flagged[1];

        given().redirects().follow(false).get("/ui/patients/" + patientId).then().statusCode(302)
                .header("Location", endsWith("/ui/sign-in"));
        given().redirects().follow(false).get("/ui/worklist").then().statusCode(302);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("to", "CLOSED")
                .post("/ui/refractory-cases/" + caseId + "/transitions").then().statusCode(302)
                .header("Location", endsWith("/ui/sign-in"));

        as("palliative").get("/api/v1/refractory-cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("OPEN"));
        List<Map<String, Object>> anonymous = as("auditor").queryParam("actor", "anonymous").queryParam("size", 200)
                .get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath().getList("items");
        List<List<Object>> refusals = anonymous.stream()
                .filter(e -> patientId.equals(e.get("resourceId")) || caseId.equals(e.get("resourceId")))
                .map(e -> List.of(e.get("action"), e.get("resourceType"), e.get("outcome"), e.get("status")))
                .toList();
        assertEquals(List.of(List.of("DECIDE", "refractory-cases", "DENIED", 302),
                List.of("READ", "patients", "DENIED", 302)), refusals);
        // The CapabilityStatement is the one read open to anonymous callers (it holds no patient data).
        assertEquals(List.of(), anonymous.stream().filter(e -> "SUCCESS".equals(e.get("outcome"))
                        && !"metadata".equals(e.get("resourceType"))).toList(),
                "nothing an anonymous caller asked for succeeded");
    }

    /** The path of a refractory case names the case only: a refused or failed request on it names its patient too. */
    @Test
    void aDeniedOrRefusedRequestOnARefractoryCaseIsAuditedAgainstItsPatient() {
        String[] flagged = RefractoryCaseFixtures.flaggedPatient(RefractoryCaseFixtures.pancreaticPain());
        String patientId = flagged[0];
        String caseId = flagged[1];

        as("auditor").get("/api/v1/refractory-cases/" + caseId).then().statusCode(403);
        as("clinician").body("{\"to\": \"UNDER_REVIEW\"}").post("/api/v1/refractory-cases/" + caseId + "/transitions")
                .then().statusCode(403);
        as("palliative").body("{\"to\": \"REFERRED\"}").post("/api/v1/refractory-cases/" + caseId + "/transitions")
                .then().statusCode(409);
        as("palliative").body("{\"to\": \"UNDER_REVIEW\"}").post("/api/v1/refractory-cases/" + caseId + "/transitions")
                .then().statusCode(200);

        List<List<Object>> onTheCase = eventsOf(patientId).stream()
                .filter(e -> caseId.equals(e.get("resourceId")))
                .map(e -> List.of(e.get("actor"), e.get("action"), e.get("outcome"), e.get("status"))).toList();
        assertEquals(List.of(List.of("test.palliative", "DECIDE", "SUCCESS", 200),
                List.of("test.palliative", "DECIDE", "FAILED", 409),
                List.of("test.clinician", "DECIDE", "DENIED", 403),
                List.of("test.auditor", "READ", "DENIED", 403)), onTheCase);
    }

    @Test
    void aRefusedWriteChangesNothingAndIsAuditedAsFailed() {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("obs-11", RECENT, 11)).post("/api/v1/patients/" + patientId + "/pain-assessments")
                .then().statusCode(422);

        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().body("total", equalTo(0));
        Map<String, Object> failed = eventsOf(patientId).get(1);
        assertEquals(List.of("CREATE", "pain-assessments", "FAILED", 422), List.of(failed.get("action"),
                failed.get("resourceType"), failed.get("outcome"), failed.get("status")));
    }

    @Test
    void aRecordedAssessmentIsAuditedWithItsIdAndPatient() {
        String patientId = registeredPatient();
        String assessmentId = as("ehr").body(nrsJson("obs-audited", RECENT, 7))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201)
                .extract().path("id");

        Map<String, Object> recorded = eventsOf(patientId).get(0);
        assertEquals(List.of("CREATE", "pain-assessments", assessmentId, "SUCCESS"), List.of(recorded.get("action"),
                recorded.get("resourceType"), recorded.get("resourceId"), recorded.get("outcome")));
    }

    @Test
    void aFhirObservationIsAuditedAgainstThePatientItsSubjectNames() {
        String patientId = registeredPatient();
        String observationId = as("ehr").contentType(ApiFixtures.FHIR_JSON_UTF8).body("""
                { "resourceType": "Observation", "status": "final", "identifier": [ { "value": "fhir-audit-1" } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                  "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "%s", "valueInteger": 6 }"""
                .formatted(patientId, RECENT)).post("/fhir/r4/Observation").then().statusCode(201)
                .extract().path("id");
        as("clinician").get("/fhir/r4/Observation/" + observationId).then().statusCode(200);

        List<Map<String, Object>> events = eventsOf(patientId);
        assertEquals(List.of("READ", "Observation", observationId), List.of(events.get(0).get("action"),
                events.get(0).get("resourceType"), events.get(0).get("resourceId")));
        assertEquals(List.of("CREATE", "Observation", observationId), List.of(events.get(1).get("action"),
                events.get(1).get("resourceType"), events.get(1).get("resourceId")));
    }

    @Test
    void eventsAreFilteredByActorAndTimeAndPaged() {
        String patientId = registeredPatient();
        String subject = "dr.filter." + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", "Bearer " + org.painladder.api.TestTokens.forRole("clinician", subject))
                    .get("/api/v1/patients/" + patientId).then().statusCode(200);
        }
        sealing.sealPending();
        as("auditor").queryParam("actor", subject).queryParam("size", 2).get("/api/v1/audit-events")
                .then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(2))
                .body("items[0].patientId", equalTo(patientId))
                .body("items[0].hash", matchesPattern("[0-9a-f]{64}"));
        as("auditor").queryParam("actor", subject).queryParam("from", Instant.now().plus(1, ChronoUnit.HOURS).toString())
                .get("/api/v1/audit-events").then().statusCode(200).body("total", equalTo(0));
        as("auditor").queryParam("actor", subject).queryParam("to", Instant.now().plus(1, ChronoUnit.HOURS).toString())
                .get("/api/v1/audit-events").then().statusCode(200).body("total", equalTo(3));
        as("auditor").queryParam("patientId", "not-an-id").get("/api/v1/audit-events").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("patientId"));
    }

    @Test
    void anEventEditedInTheDatabaseIsNamedByTheVerifier() throws SQLException {
        String patientId = registeredPatient();
        as("clinician").get("/api/v1/patients/" + patientId).then().statusCode(200);
        as("auditor").get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("brokenEventId", nullValue());
        String readEventId = (String) eventsOf(patientId).get(0).get("id");

        String originalActor = actorOf(readEventId);
        execute("UPDATE audit_event SET actor = ? WHERE id = ?", "someone.else", readEventId);
        try {
            as("auditor").get("/api/v1/audit-events/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("brokenEventId", equalTo(readEventId))
                    .body("reason", equalTo("its content no longer matches its hash: it was changed"));
        } finally {
            execute("UPDATE audit_event SET actor = ? WHERE id = ?", originalActor, readEventId);
        }
        as("auditor").get("/api/v1/audit-events/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void parallelReadsAndWritesForManyPatientsKeepAnUnbrokenDenseChain() throws Exception {
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            patients.add(registeredPatient());
        }
        List<Callable<Integer>> requests = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String patientId = patients.get(i % patients.size());
            String body = nrsJson("obs-chain-" + i, RECENT, i % 11);
            requests.add(() -> as("ehr").body(body).post("/api/v1/patients/" + patientId + "/pain-assessments")
                    .then().extract().statusCode());
            requests.add(() -> as("clinician").get("/api/v1/patients/" + patientId).then().extract().statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(requests)) {
                statuses.add(status.get());
            }
            assertEquals(24, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertEquals(24, statuses.stream().filter(status -> status == 200).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        for (String patientId : patients) {
            assertEquals(9, eventsOf(patientId).size(), "registration, four assessments and four reads of " + patientId);
        }
        JsonPath verdict = as("auditor").get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("pending", equalTo(0)).extract().jsonPath();
        Map<String, Object> main = verdict.getMap("chains.find { it.chainId == 'main' }");
        assertEquals(((Number) main.get("headSeq")).longValue(), ((Number) main.get("count")).longValue(),
                "every seq from 1 to the head is there: " + main);
    }

    @Test
    void aReadAndAWriteAnswerWhileTheChainHeadIsLockedAndTheirEventsAreSealedAfter() throws Exception {
        String patientId = registeredPatient();
        sealing.sealPending();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection sealer = dataSource.getConnection()) {
            sealer.setAutoCommit(false);
            try (PreparedStatement lock = sealer.prepareStatement(
                    "SELECT last_seq FROM audit_chain WHERE chain_id = 'main' FOR UPDATE")) {
                lock.executeQuery().close();
            }
            Future<Integer> read = pool.submit(() -> as("clinician").get("/api/v1/patients/" + patientId)
                    .then().extract().statusCode());
            Future<Integer> write = pool.submit(() -> as("ehr").body(nrsJson("obs-unlocked", RECENT, 5))
                    .post("/api/v1/patients/" + patientId + "/pain-assessments").then().extract().statusCode());
            // Far below the database's 10 s lock timeout: a request that waited for the head row would not be back.
            assertEquals(200, read.get(5, TimeUnit.SECONDS));
            assertEquals(201, write.get(5, TimeUnit.SECONDS));
            sealer.rollback();
        } finally {
            pool.shutdown();
        }
        List<Map<String, Object>> events = eventsOf(patientId);
        assertEquals(List.of("CREATE", "CREATE", "READ"), events.stream().map(event -> (String) event.get("action"))
                .sorted().toList(), "the registration, the read and the assessment");
        events.forEach(event -> assertEquals("main", event.get("chainId")));
        events.forEach(event -> assertEquals(true, event.get("seq") != null, "sealed once the lock was gone: " + event));
    }

    @Test
    void twoReadsOfOnePatientAnswerTogetherWhileAWriterHoldsThePatientsRows() throws Exception {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("obs-before-lock", RECENT, 4)).post("/api/v1/patients/" + patientId
                + "/pain-assessments").then().statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            for (String table : List.of("patient_state WHERE patient_id", "patient WHERE id")) {
                try (PreparedStatement lock = writer.prepareStatement("SELECT * FROM " + table + " = ? FOR UPDATE")) {
                    lock.setObject(1, UUID.fromString(patientId));
                    lock.executeQuery().close();
                }
            }
            Future<Integer> patient = pool.submit(() -> as("clinician").get("/api/v1/patients/" + patientId)
                    .then().extract().statusCode());
            Future<Integer> timeline = pool.submit(() -> as("clinician").get("/api/v1/patients/" + patientId
                    + "/pain-assessments?size=20").then().extract().statusCode());
            // Far below the database's 10 s lock timeout: a read that waited for a row lock would not be back.
            assertEquals(200, patient.get(5, TimeUnit.SECONDS));
            assertEquals(200, timeline.get(5, TimeUnit.SECONDS));
            writer.rollback();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void healthAndReadinessChecksWriteNoAuditEvent() throws SQLException {
        long before = auditRows();
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health").then().statusCode(200);
        assertEquals(before, auditRows());
    }

    /**
     * A read whose client hung up before the answer (an EHR's timeout, a closed tab) reached the patient's data: it
     * leaves its event like any other, as a failure with status 499 (client closed the request), since nothing was
     * sent.
     */
    @Test
    void aReadWhoseClientHungUpBeforeTheAnswerIsStillAudited() throws Exception {
        String patientId = UUID.randomUUID().toString();
        HungUpClient.send("GET", "/api/v1/test-only/abandoned?patientId=" + patientId, "clinician",
                "X-Correlation-Id: hung-up-1\r\n", null, 300);
        List<Map<String, Object>> events = List.of();
        for (int wait = 0; wait < 100 && events.isEmpty(); wait++) {
            Thread.sleep(50);
            // The auditor's own look-ups of this patient's events are audited too.
            events = eventsOf(patientId).stream().filter(event -> "test-only".equals(event.get("resourceType")))
                    .toList();
        }
        assertEquals(1, events.size(), "the abandoned read left no event");
        Map<String, Object> read = events.get(0);
        assertEquals(List.of("test.clinician", "READ", "test-only", "FAILED", 499, "hung-up-1"),
                List.of(read.get("actor"), read.get("action"), read.get("resourceType"), read.get("outcome"),
                        read.get("status"), read.get("correlationId")));
    }

    private long auditRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM audit_event");
             ResultSet row = count.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private List<Map<String, Object>> eventsOf(String patientId) {
        sealing.sealPending();
        JsonPath page = as("auditor").queryParam("patientId", patientId).get("/api/v1/audit-events")
                .then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

    private String actorOf(String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT actor FROM audit_event WHERE id = ?")) {
            select.setObject(1, UUID.fromString(eventId));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private void execute(String sql, String value, String eventId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            update.setString(1, value);
            update.setObject(2, UUID.fromString(eventId));
            assertEquals(1, update.executeUpdate());
        }
    }
}

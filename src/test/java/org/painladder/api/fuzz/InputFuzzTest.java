package org.painladder.api.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.painladder.api.ApiFixtures.as;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.painladder.api.RefractoryCaseFixtures;
import org.painladder.api.TestTokens;
import org.painladder.api.fuzz.RequestSchemas.Endpoint;
import org.painladder.api.fuzz.RequestSchemas.Fixture;
import org.painladder.api.fuzz.RequestSchemas.Query;
import org.painladder.security.CapturedLogs;
import org.quicktheories.core.Gen;

/**
 * api.md "Strict input" under fire: ten thousand bodies across every request schema, each a valid body broken one
 * to three ways (and some left whole), plus hostile query parameters on every list, as an admin (who may call all
 * of them). Every answer is below 500, every error is problem+json (an OperationOutcome under /fhir) without
 * internals or the MRN, and a refused request leaves the row count of every clinical table (the audit trail
 * records the refusal, as it must) and the touched patients' rows as they were. The log of the whole run holds no
 * stack trace, no SQL and none of the rejected values, and one line per client error. The outside probe's findings
 * run first, by name.
 */
@QuarkusTest
class InputFuzzTest {

    private static final long SEED = 20261205L;
    /** At least this many bodies are sent; QuickTheories skips the odd example it already generated. */
    private static final int BODIES = 10_000;
    private static final int QUERIES = 2_000;
    private static final List<String> TABLES = List.of("patient", "patient_state", "pain_assessment", "regimen",
            "regimen_item", "recommendation", "ladder_transition", "refractory_case", "refractory_case_option",
            "refractory_case_transition", "idempotency_key", "procedure_done");
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|\\tat |\\b(java|javax|jakarta|org|io|com|ca)\\.[a-z]+\\.|SELECT |INSERT INTO|UPDATE [a-z_]+ SET"
                    + "|\\bSQL\\b|<html", Pattern.CASE_INSENSITIVE);
    private static final Pattern SQL_IN_LOG = Pattern.compile("SELECT |INSERT INTO|UPDATE [a-z_]+ SET|\\bSQL\\b",
            Pattern.CASE_INSENSITIVE);

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URI base;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String token = TestTokens.bearer("admin");
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int clientErrors;
    private int bodiesSent;
    private int queriesSent;

    /** One request as sent, with what it must leave alone. */
    record Sent(String description, String method, String pathAndQuery, String contentType, byte[] body,
                List<String> touches) {
    }

    @Test
    void hostileBodiesAndQueriesNeverBreakTheServiceNorChangeWhatIsStored() throws Exception {
        Fixture fixture = fixture();
        List<Endpoint> endpoints = RequestSchemas.endpoints(fixture);
        List<Query> queries = RequestSchemas.queries(fixture);
        Instant started = Instant.now();
        try (CapturedLogs logs = CapturedLogs.start()) {
            probeFindings(fixture);

            qt().withFixedSeed(SEED).withExamples(BODIES + BODIES / 20).withShrinkCycles(0)
                    .forAll(bodies(fixture, endpoints)).checkAssert(sent -> {
                        sendAndCheck(sent);
                        bodiesSent++;
                    });
            qt().withFixedSeed(SEED).withExamples(QUERIES).withShrinkCycles(0)
                    .forAll(queries(queries)).checkAssert(sent -> {
                        sendAndCheck(sent);
                        queriesSent++;
                    });

            Duration took = Duration.between(started, Instant.now());
            int sent = statuses.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("InputFuzzTest: %d requests (%d bodies, %d queries and the probe's cases) in %d s;"
                    + " statuses %s; 5xx: %d%n", sent, bodiesSent, queriesSent, took.toSeconds(), statuses,
                    statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum());

            assertTrue(bodiesSent >= BODIES, "QuickTheories ran " + bodiesSent + " bodies, not " + BODIES);

            List<String> lines = logs.lines();
            assertEquals(List.of(), lines.stream().filter(CapturedLogs::hasStackTrace).limit(3).toList(),
                    "no log record of the run carries a stack trace");
            for (String secret : List.of(Breakage.SENTINEL, RequestSchemas.MRN_PREFIX)) {
                assertEquals(List.of(), lines.stream().filter(line -> line.contains(secret)).limit(3).toList(),
                        "a rejected value or an MRN was logged");
            }
            assertEquals(List.of(), lines.stream().filter(line -> SQL_IN_LOG.matcher(line).find()).limit(3).toList(),
                    "SQL was logged");
            long refusedLines = lines.stream().filter(line -> line.contains("Refused ")).count();
            assertEquals(clientErrors, refusedLines, "each client error logs one line");
        }
    }

    /** What the outside probe sent, each with the answer it must now get. */
    private void probeFindings(Fixture fixture) throws Exception {
        String patient = "/api/v1/patients/" + fixture.patientId();
        String recordedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        String observation = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://loinc.org\",\"code\":\"72514-3\"}]},\"subject\":{\"reference\":\"Patient/"
                + fixture.patientId() + "\"},\"effectiveDateTime\":\"" + recordedAt + "\",\"valueInteger\":%s}";
        String assessment = "{\"externalId\":\"probe-%s\",\"recordedAt\":%s,\"scale\":\"NRS\",\"value\":5,"
                + "\"kind\":%s,\"breakthroughEpisodes24h\":%s}";
        String regimen = "{\"items\":[{\"drug\":\"MORPHINE\",\"route\":\"ORAL\",\"dose\":10,\"unit\":\"mg\","
                + "\"timesPerDay\":%s}]}";
        String patientBody = "{\"mrn\":\"" + RequestSchemas.MRN_PREFIX + "PROBE\",\"birthYear\":1958%s}";
        List<Object[]> probe = List.of(
                new Object[] {"POST", "/fhir/r4/Observation", "application/fhir+json",
                        observation.formatted("1e1000000000"), 400},
                new Object[] {"POST", "/fhir/r4/Observation", "application/fhir+json",
                        observation.formatted("7").replace("\"status\":\"final\",", ""), 422},
                new Object[] {"POST", "/fhir/r4/Observation", "application/fhir+json",
                        observation.formatted("7").replace("\"resourceType\":\"Observation\",",
                                "\"resourceType\":\"Observation\",\"identifier\":[{\"value\":\"" + "i".repeat(129)
                                        + "\"}],"), 422},
                new Object[] {"POST", patient + "/pain-assessments", "application/json",
                        assessment.formatted(1, "\"" + recordedAt + "\"", "\"BACKGROUND\"", "1e400"), 400},
                new Object[] {"POST", patient + "/pain-assessments", "application/json",
                        assessment.formatted(2, "0", "\"BACKGROUND\"", "1"), 400},
                new Object[] {"POST", patient + "/pain-assessments", "application/json",
                        assessment.formatted(3, "\"" + recordedAt + "\"", "1", "1"), 400},
                new Object[] {"POST", patient + "/pain-assessments", "application/json",
                        assessment.formatted(4, "\"" + recordedAt + "\"", "\"BACKGROUND\"", "1") + " {}", 400},
                new Object[] {"POST", patient + "/pain-assessments", null,
                        assessment.formatted(5, "\"" + recordedAt + "\"", "\"BACKGROUND\"", "1"), 415},
                new Object[] {"PUT", patient + "/regimen", "application/json", regimen.formatted("2.9"), 400},
                new Object[] {"POST", "/api/v1/patients", "application/json",
                        patientBody.formatted(",\"birthYear\":1960"), 400},
                new Object[] {"POST", "/api/v1/patients", "application/json",
                        patientBody.formatted(",\"renalFunctio\":{\"egfr\":20}"), 400});
        for (Object[] finding : probe) {
            String body = (String) finding[3];
            int status = sendAndCheck(new Sent("probe: " + Breakage.abbreviated(body), (String) finding[0],
                    (String) finding[1], (String) finding[2], body.getBytes(StandardCharsets.UTF_8),
                    List.of(fixture.patientId())));
            assertEquals((int) finding[4], status, "probe: " + Breakage.abbreviated(body));
        }
    }

    private static Gen<Sent> bodies(Fixture fixture, List<Endpoint> endpoints) {
        Gen<Sent> bodies = random -> {
            Endpoint endpoint = endpoints.get(Shapes.pick(random, endpoints.size()));
            JsonTree valid = endpoint.body().valid(random);
            Breakage.Damage damage = Shapes.pick(random, 20) == 0
                    ? new Breakage.Damage(valid.write(), endpoint.contentType(), List.of("left whole"))
                    : Breakage.apply(valid, endpoint.contentType(), random);
            return new Sent(endpoint.name() + " " + damage.steps(), endpoint.method(), endpoint.path().apply(fixture),
                    damage.contentType(), damage.bytes(), endpoint.touches().apply(fixture));
        };
        return bodies.describedAs(sent -> sent.description() + " " + shown(new String(sent.body(),
                StandardCharsets.UTF_8)));
    }

    private static final List<String> HOSTILE_PARAMETERS = List.of("-1", "0", "99999999999", "1e3", "2.5", "abc", "",
            " ", "%00", "\u0000", Breakage.SENTINEL + "é\uD83D\uDE42", "';--" + Breakage.SENTINEL, "NaN",
            "2026-13-01T00:00:00Z", "0", "Patient/../../x", "PENDING,ACCEPTED", Breakage.SENTINEL.repeat(200),
            "\u202e" + Breakage.SENTINEL, "null", "[]", "{}");

    private static Gen<Sent> queries(List<Query> queries) {
        Gen<Sent> sent = random -> {
            Query query = queries.get(Shapes.pick(random, queries.size()));
            StringBuilder target = new StringBuilder(query.path().apply(null));
            List<String> steps = new ArrayList<>();
            char separator = '?';
            for (Map.Entry<String, Shapes.Shape> parameter : new TreeMap<>(query.parameters()).entrySet()) {
                int choice = Shapes.pick(random, 4);
                if (choice == 0) {
                    continue;
                }
                String value = choice == 1
                        ? HOSTILE_PARAMETERS.get(Shapes.pick(random, HOSTILE_PARAMETERS.size()))
                        : parameter.getValue().valid(random).write();
                int copies = Shapes.pick(random, 10) == 0 ? 2 : 1;
                for (int copy = 0; copy < copies; copy++) {
                    target.append(separator).append(parameter.getKey()).append('=')
                            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                    separator = '&';
                }
                steps.add(parameter.getKey() + "=" + Breakage.abbreviated(value));
            }
            return new Sent(query.name() + " " + steps, "GET", target.toString(), null, new byte[0], List.of());
        };
        return sent.describedAs(Sent::description);
    }

    private int sendAndCheck(Sent sent) {
        try {
            // Requests run one at a time, so what was stored after the last one is what is stored before this one.
            boolean writes = !"GET".equals(sent.method());
            Snapshot before = writes ? lastSnapshot(sent.touches()) : null;
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(sent.pathAndQuery()))
                    .timeout(Duration.ofSeconds(60)).header("Authorization", token)
                    .method(sent.method(), sent.body().length == 0 && "GET".equals(sent.method())
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(sent.body()));
            if (sent.contentType() != null) {
                request.header("Content-Type", sent.contentType());
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = answer.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String body = answer.body();
            if (status >= 500) {
                fail(sent.description() + " answered " + status + ": " + shown(body));
            }
            if (status >= 400) {
                clientErrors++;
                checkErrorBody(sent, status, answer.headers().firstValue("Content-Type").orElse(""), body);
            }
            if (writes) {
                Snapshot after = snapshot(sent.touches());
                lastSnapshot = after;
                if (status >= 400) {
                    assertEquals(before, after, sent.description() + " was refused with " + status
                            + " but changed what is stored");
                }
            }
            return status;
        } catch (IOException | InterruptedException | SQLException failure) {
            throw new AssertionError(sent.description() + " could not be sent: " + failure, failure);
        }
    }

    /** Enough of a body to reproduce a failure from the report. */
    private static String shown(String text) {
        return text.length() > 2_000 ? text.substring(0, 2_000) + "…(" + text.length() + " chars)" : text;
    }

    private void checkErrorBody(Sent sent, int status, String contentType, String body) throws IOException {
        assertFalse(INTERNALS.matcher(body).find(), sent.description() + " leaks internals: "
                + Breakage.abbreviated(body));
        assertFalse(body.contains(RequestSchemas.MRN_PREFIX), sent.description() + " echoes an MRN: " + body);
        JsonNode error = json.readTree(body);
        if (sent.pathAndQuery().startsWith("/fhir/")) {
            assertTrue(contentType.startsWith("application/fhir+json"), sent.description() + " answered " + contentType);
            assertEquals("OperationOutcome", error.path("resourceType").asText(), sent.description());
        } else {
            assertTrue(contentType.startsWith("application/problem+json"),
                    sent.description() + " answered " + status + " as " + contentType);
            assertEquals(status, error.path("status").asInt(), sent.description());
        }
    }

    private Snapshot lastSnapshot;

    private Snapshot lastSnapshot(List<String> patientIds) throws SQLException {
        if (lastSnapshot == null || !lastSnapshot.patientIds().equals(patientIds)) {
            lastSnapshot = snapshot(patientIds);
        }
        return lastSnapshot;
    }

    /** Row counts of every table that holds clinical data, and the touched patients' own rows. */
    /**
     * A column's value as text that does not depend on the wire format: PostgreSQL's driver switches a statement to
     * binary transfer after a few runs, and then renders a double precision 148 as "148.0" instead of "148".
     */
    private static String comparable(ResultSet result, int column) throws SQLException {
        Object value = result.getObject(column);
        return value instanceof Double || value instanceof Float
                ? BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString()
                : result.getString(column);
    }

    record Snapshot(List<String> patientIds, Map<String, Long> rowCounts, List<String> patientRows) {
    }

    private Snapshot snapshot(List<String> patientIds) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            StringBuilder union = new StringBuilder();
            for (String table : TABLES) {
                union.append(union.isEmpty() ? "" : " UNION ALL ").append("SELECT '").append(table)
                        .append("', COUNT(*) FROM ").append(table);
            }
            try (ResultSet result = statement.executeQuery(union.toString())) {
                while (result.next()) {
                    counts.put(result.getString(1), result.getLong(2));
                }
            }
            for (String patientId : patientIds) {
                for (String query : List.of("SELECT * FROM patient WHERE id = ?",
                        "SELECT * FROM patient_state WHERE patient_id = ?",
                        "SELECT * FROM refractory_case WHERE patient_id = ?",
                        "SELECT * FROM recommendation WHERE patient_id = ?")) {
                    try (PreparedStatement select = connection.prepareStatement(query)) {
                        select.setObject(1, java.util.UUID.fromString(patientId));
                        try (ResultSet result = select.executeQuery()) {
                            int columns = result.getMetaData().getColumnCount();
                            while (result.next()) {
                                StringBuilder row = new StringBuilder(query.substring(14, 30));
                                for (int column = 1; column <= columns; column++) {
                                    row.append('|').append(comparable(result, column));
                                }
                                rows.add(row.toString());
                            }
                        }
                    }
                }
            }
        }
        return new Snapshot(List.copyOf(patientIds), counts, rows);
    }

    /** A patient with a pending recommendation, and another one on the refractory worklist. */
    private static Fixture fixture() {
        String patientId = as("admin").body("""
                { "mrn": "%sFIXTURE-1", "birthYear": 1958, "sex": "female",
                  "diagnosis": { "icd10": "C25.0", "primarySite": "PANCREAS", "metastatic": true } }
                """.formatted(RequestSchemas.MRN_PREFIX)).post("/api/v1/patients").then().statusCode(201)
                .extract().path("id");
        String recordedAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        as("admin").body("""
                { "externalId": "fixture-1", "recordedAt": "%s", "scale": "NRS", "value": 8, "kind": "BACKGROUND" }
                """.formatted(recordedAt)).post("/api/v1/patients/" + patientId + "/pain-assessments")
                .then().statusCode(201);
        String recommendationId = as("admin").queryParam("status", "PENDING")
                .get("/api/v1/patients/" + patientId + "/recommendations").then().statusCode(200)
                .extract().path("items[0].id");
        String[] flagged = RefractoryCaseFixtures.flaggedPatient(RefractoryCaseFixtures.pancreaticPain());
        return new Fixture(patientId, recommendationId, flagged[1], flagged[0]);
    }
}

package org.painladder.api.budget;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On PostgreSQL, a page of the timeline is read from an index in the page's order and stops at the page's end. The
 * plan that matters is the generic one: the driver prepares the query on the server after five uses and PostgreSQL
 * then keeps one plan for every patient. That plan did not know how many scores a patient has and sorted all of them
 * on every call (issue 14: at 100 scores a timeline cost 0.9 ms of PostgreSQL CPU, twice a GET patient, and more as
 * a stay grows). The query is the one the service sends, captured from a real request.
 */
@QuarkusTest
class TimelinePlanTest {

    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"page=0&size=20", "page=2&size=20",
            "from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z&size=20"})
    void aPageIsReadInIndexOrderUnderTheGenericPlan(String query) throws SQLException {
        assumeTrue(dbKind.equals("postgresql"), "plans are PostgreSQL's");
        String patientId = registeredPatient();
        Instant recordedAt = Instant.now().minus(1, ChronoUnit.DAYS);
        for (int score = 1; score <= 3; score++) {
            as("ehr").contentType("application/json")
                    .body(nrsJson("plan-" + UUID.randomUUID(), recordedAt.plusSeconds(score * 60L).toString(), score))
                    .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
        }
        String correlationId = "plan-" + UUID.randomUUID();
        as("clinician").header("X-Correlation-Id", correlationId)
                .get("/api/v1/patients/" + patientId + "/pain-assessments?" + query).then().statusCode(200);
        String page = StatementsPerRequest.pageQuery(correlationId, "pain_assessment");

        PreparedPlans.assertReadInIndexOrder(genericPlan(page, patientId), "Index Scan Backward", page, query);
    }

    /** The plan PostgreSQL keeps for every patient once the statement is prepared, with this patient's values bound. */
    private String genericPlan(String sql, String patientId) throws SQLException {
        return PreparedPlans.explain(dataSource, sql, List.of("plan_cache_mode = force_generic_plan"),
                types -> types.stream().map(type -> type.equals("uuid") ? "'" + patientId + "'"
                        : type.startsWith("timestamp") ? "'" + Instant.now() + "'" : "20").toList());
    }
}

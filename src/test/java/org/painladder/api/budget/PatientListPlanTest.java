package org.painladder.api.budget;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * On PostgreSQL, a page of the patient register (all patients, newest first) is read from an index in that order and
 * stops at the page's end, instead of sorting every patient on every page (issue 14; migration V18). The page query is
 * the one the service sends, captured from a real request, and planned with sorts and sequential scans priced out, so
 * a Sort node remains only where no index gives the order.
 */
@QuarkusTest
class PatientListPlanTest {

    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"page=0&size=20", "page=3&size=20"})
    void aPageOfThePatientRegisterComesInIndexOrder(String query) throws SQLException {
        assumeTrue(dbKind.equals("postgresql"), "plans are PostgreSQL's");
        registeredPatient();
        String correlationId = "plan-" + UUID.randomUUID();
        as("ehr").header("X-Correlation-Id", correlationId).get("/api/v1/patients?" + query).then().statusCode(200);
        String page = StatementsPerRequest.pageQuery(correlationId, "patient");

        String plan = PreparedPlans.explain(dataSource, page, PreparedPlans.SORTS_AND_SEQUENTIAL_SCANS_PRICED_OUT,
                types -> types.stream().map(type -> "20").toList());

        PreparedPlans.assertReadInIndexOrder(plan, "Index Scan", page, query);
    }
}

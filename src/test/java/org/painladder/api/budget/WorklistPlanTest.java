package org.painladder.api.budget;

import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On PostgreSQL, the worklist's first page in each order it offers by default is read from an index in that order,
 * never sorted: at 100,000 patients a sort of the open cases cost 2–5 ms per call (issue 14; migration V14). The page
 * query is the one the service sends, captured from a real request, and planned with sorts and sequential scans
 * priced out, so a Sort node remains only where no index gives the order.
 */
@QuarkusTest
class WorklistPlanTest {

    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            status=OPEN                                      | OPEN
            status=OPEN&sort=-omeddMg                        | OPEN
            status=OPEN&sort=-latestScore                    | OPEN
            status=UNDER_REVIEW&sort=-daysOnStep3            | UNDER_REVIEW
            status=OPEN&primarySite=PANCREAS&sort=-omeddMg   | OPEN PANCREAS
            status=OPEN&primarySite=LUNG&sort=-latestScore   | OPEN LUNG
            status=OPEN&primarySite=BREAST                   | OPEN BREAST
            status=OPEN&site=BONE_DIFFUSE                    | OPEN BONE_DIFFUSE""")
    void theFirstPageComesInIndexOrder(String filters, String filterValues) throws SQLException {
        assumeTrue(dbKind.equals("postgresql"), "plans are PostgreSQL's");
        String correlationId = "plan-" + UUID.randomUUID();
        as("palliative").header("X-Correlation-Id", correlationId)
                .get("/api/v1/refractory-cases?" + filters + "&size=20").then().statusCode(200);
        String page = StatementsPerRequest.pageQuery(correlationId, "refractory_case");
        PreparedPlans.assertReadInIndexOrder(explain(page, filterValues), "Index Scan", page, filters);
    }

    /**
     * Plans the page query for these filter values, the first page of 20. The values are bound twice, as the query
     * sends them: once for the count of every selected case, once for the page.
     */
    private String explain(String sql, String filterValues) throws SQLException {
        String values = Arrays.stream(filterValues.split(" ")).map(value -> "'" + value + "'")
                .collect(Collectors.joining(", "));
        return PreparedPlans.explain(dataSource, sql, PreparedPlans.SORTS_AND_SEQUENTIAL_SCANS_PRICED_OUT,
                types -> List.of(values, values, "0", "20"));
    }
}

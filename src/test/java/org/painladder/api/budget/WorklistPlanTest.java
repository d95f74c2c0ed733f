package org.painladder.api.budget;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
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
        String page = StatementsPerRequest.of(correlationId).stream()
                .filter(sql -> sql.contains("from refractory_case") && sql.contains("order by")).findFirst()
                .orElseThrow(() -> new AssertionError("no page query was sent for " + filters));
        String plan = explain(page, filterValues);
        assertTrue(plan.contains("Index Scan"), filters + " is not read from an index:\n" + plan);
        assertFalse(plan.contains("Sort"), filters + " is sorted, not read in index order:\n" + page + "\n" + plan);
    }

    /**
     * Plans the page query for these filter values, the first page of 20. The values are bound twice, as the query
     * sends them: once for the count of every selected case, once for the page.
     */
    private String explain(String sql, String filterValues) throws SQLException {
        String values = Arrays.stream(filterValues.split(" ")).map(value -> "'" + value + "'")
                .collect(Collectors.joining(", "));
        String parameters = values + ", " + values + ", 0, 20";
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET enable_sort = off");
            statement.execute("SET enable_incremental_sort = off");
            statement.execute("SET enable_seqscan = off");
            statement.execute("PREPARE worklist_page AS " + numbered);
            try (ResultSet rows = statement.executeQuery("EXPLAIN EXECUTE worklist_page(" + parameters + ")")) {
                StringBuilder plan = new StringBuilder();
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
                return plan.toString();
            } finally {
                statement.execute("DEALLOCATE worklist_page");
                statement.execute("RESET ALL");
            }
        }
    }
}

package org.painladder.api.budget;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * PostgreSQL's plan for a statement the service sent, prepared on the server as the driver prepares it, and what a
 * page query's plan must show: a read in an index's order that sorts nothing.
 */
final class PreparedPlans {

    /** Settings under which a Sort node remains only where no index gives the order. */
    static final List<String> SORTS_AND_SEQUENTIAL_SCANS_PRICED_OUT =
            List.of("enable_sort = off", "enable_incremental_sort = off", "enable_seqscan = off");

    private PreparedPlans() {
    }

    /** Fails unless {@code plan} reads through {@code scan} (an index scan node) and sorts nothing. */
    static void assertReadInIndexOrder(String plan, String scan, String sql, String what) {
        assertTrue(plan.contains(scan), what + " is not read by an " + scan + ":\n" + plan);
        assertFalse(plan.contains("Sort"), what + " is sorted, not read in index order:\n" + sql + "\n" + plan);
    }

    /**
     * Prepares {@code sql} (its JDBC {@code ?} numbered as server parameters) under the given settings and explains its
     * execution with the values {@code values} gives for the parameters' types, as PostgreSQL inferred them.
     */
    static String explain(DataSource dataSource, String sql, List<String> settings,
                          Function<List<String>, List<String>> values) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String setting : settings) {
                statement.execute("SET " + setting);
            }
            statement.execute("PREPARE planned AS " + numbered);
            try {
                List<String> types = new ArrayList<>();
                try (ResultSet row = statement.executeQuery(
                        "SELECT parameter_types FROM pg_prepared_statements WHERE name = 'planned'")) {
                    row.next();
                    Array array = row.getArray(1);
                    for (Object type : (Object[]) array.getArray()) {
                        types.add(type.toString());
                    }
                }
                try (ResultSet rows = statement.executeQuery(
                        "EXPLAIN EXECUTE planned(" + String.join(", ", values.apply(types)) + ")")) {
                    StringBuilder plan = new StringBuilder();
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                    return plan.toString();
                }
            } finally {
                statement.execute("DEALLOCATE planned");
                statement.execute("RESET ALL");
            }
        }
    }
}

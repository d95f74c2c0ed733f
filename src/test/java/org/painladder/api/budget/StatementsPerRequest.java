package org.painladder.api.budget;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.painladder.api.problem.CorrelationId;

/**
 * Records the SQL statements Hibernate prepares for each request, keyed by the request's correlation id, so a test can
 * hold an operation to its budget while background work (the audit sealer) runs beside it, and name the statements
 * when it fails.
 */
@PersistenceUnitExtension
public class StatementsPerRequest implements StatementInspector {

    private static final Map<String, List<String>> STATEMENTS = new ConcurrentHashMap<>();

    @Override
    public String inspect(String sql) {
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            STATEMENTS.computeIfAbsent(correlationId, id -> new CopyOnWriteArrayList<>()).add(sql);
        }
        return sql;
    }

    static List<String> of(String correlationId) {
        return STATEMENTS.getOrDefault(correlationId, List.of());
    }

    /** The request's first statement that reads {@code table} in an order: its page query. */
    static String pageQuery(String correlationId, String table) {
        return of(correlationId).stream().filter(sql -> sql.contains("from " + table) && sql.contains("order by"))
                .findFirst().orElseThrow(() -> new AssertionError("no page query of " + table
                        + " was sent for request " + correlationId));
    }
}

package org.painladder.api.budget;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.painladder.api.problem.CorrelationId;

/**
 * Counts the SQL statements Hibernate prepares for each request, keyed by the request's correlation id, so a test can
 * hold an operation to its budget while background work (the audit sealer) runs beside it.
 */
@PersistenceUnitExtension
public class StatementsPerRequest implements StatementInspector {

    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    @Override
    public String inspect(String sql) {
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            COUNTS.computeIfAbsent(correlationId, id -> new AtomicInteger()).incrementAndGet();
        }
        return sql;
    }

    static int of(String correlationId) {
        AtomicInteger count = COUNTS.get(correlationId);
        return count == null ? 0 : count.get();
    }
}

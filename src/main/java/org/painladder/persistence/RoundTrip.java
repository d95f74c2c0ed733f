package org.painladder.persistence;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.jdbc.spi.JdbcCoordinator;
import org.hibernate.engine.spi.SharedSessionContractImplementor;

/**
 * Statements that go to the database together, in the caller's transaction. On PostgreSQL they are joined into one
 * prepared statement, which the driver sends in one round trip and the server runs one after the other, each on a
 * snapshot of its own (READ COMMITTED): a read behind a row lock sees everything committed before the lock was
 * granted. The embedded H2, which has no round trip to save, runs them one by one to the same effect. They are
 * prepared through Hibernate, so the statement inspector sees them as they are sent.
 */
final class RoundTrip {

    /** Reads the rows of one query; a read that wants them as values takes {@link #values}. */
    @FunctionalInterface
    interface Rows {
        void read(ResultSet rows) throws SQLException;
    }

    /** One statement of a round trip: a query and what reads its rows, or a change that must touch exactly one row. */
    record Statement(String sql, List<Object> parameters, Rows rows) {

        static Statement query(String sql, Rows rows, Object... parameters) {
            return new Statement(sql, Arrays.asList(parameters), rows);
        }

        static Statement changeOfOneRow(String sql, Object... parameters) {
            return new Statement(sql, Arrays.asList(parameters), null);
        }
    }

    private RoundTrip() {
    }

    static void run(EntityManager entityManager, Statement... statements) {
        SharedSessionContractImplementor session = entityManager.unwrap(SharedSessionContractImplementor.class);
        if (session.getJdbcServices().getDialect() instanceof PostgreSQLDialect) {
            send(session, List.of(statements));
        } else {
            for (Statement statement : statements) {
                send(session, List.of(statement));
            }
        }
    }

    /**
     * The rows as values, column by column of the class the entities give the column: {@link Instant} for a timestamp
     * with time zone, a number widened or narrowed as the column's Java type is (drivers differ in the integer and
     * decimal types they answer with), else what the driver gives. Null stays null.
     */
    static List<Object[]> values(ResultSet rows, Class<?>... types) throws SQLException {
        List<Object[]> values = new ArrayList<>();
        while (rows.next()) {
            Object[] row = new Object[types.length];
            for (int column = 0; column < types.length; column++) {
                row[column] = types[column] == Instant.class ? instant(rows.getObject(column + 1,
                        OffsetDateTime.class)) : as(types[column], rows.getObject(column + 1));
            }
            values.add(row);
        }
        return values;
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static Object as(Class<?> type, Object value) {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            if (type == Integer.class) {
                return number.intValue();
            }
            if (type == Long.class) {
                return number.longValue();
            }
            if (type == Double.class) {
                return number.doubleValue();
            }
            if (type == BigDecimal.class) {
                return new BigDecimal(number.toString());
            }
        }
        throw new IllegalStateException("a column of " + value.getClass().getName() + " where " + type.getName()
                + " was expected");
    }

    private static void send(SharedSessionContractImplementor session, List<Statement> statements) {
        String sql = statements.stream().map(Statement::sql).collect(Collectors.joining(";\n"));
        JdbcCoordinator jdbc = session.getJdbcCoordinator();
        PreparedStatement prepared = jdbc.getStatementPreparer().prepareStatement(sql);
        try {
            int index = 1;
            for (Statement statement : statements) {
                for (Object parameter : statement.parameters()) {
                    prepared.setObject(index++, parameter instanceof Instant at ? at.atOffset(ZoneOffset.UTC)
                            : parameter);
                }
            }
            boolean hasRows = prepared.execute();
            for (Statement statement : statements) {
                if (statement.rows() != null) {
                    try (ResultSet rows = prepared.getResultSet()) {
                        statement.rows().read(rows);
                    }
                } else if (hasRows || prepared.getUpdateCount() != 1) {
                    throw new IllegalStateException("expected to change one row: " + statement.sql());
                }
                hasRows = prepared.getMoreResults();
            }
        } catch (SQLException failure) {
            throw session.getJdbcServices().getSqlExceptionHelper().convert(failure, "statements sent together", sql);
        } finally {
            jdbc.getLogicalConnection().getResourceRegistry().release(prepared);
            jdbc.afterStatementExecution();
        }
    }
}

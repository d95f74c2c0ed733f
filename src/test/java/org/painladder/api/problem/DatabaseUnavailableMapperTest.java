package org.painladder.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures PostgreSQL and the pool raise when the database is out of reach, as the driver reports them. */
class DatabaseUnavailableMapperTest {

    @Test
    void postgresqlRefusingOrDroppingTheConnectionIsUnavailable() {
        assertTrue(DatabaseUnavailableMapper.isConnectionFailure(new PersistenceException(
                new JDBCConnectionException("could not prepare statement", new SQLException("Connection refused", "08001")))));
        assertTrue(DatabaseUnavailableMapper.isConnectionFailure(new PersistenceException(
                new SQLException("An I/O error occurred while sending to the backend", "08006"))));
    }

    @Test
    void postgresqlShuttingDownOrStartingIsUnavailable() {
        assertTrue(DatabaseUnavailableMapper.isConnectionFailure(
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailableMapper.isConnectionFailure(
                new SQLException("terminating connection because of crash of another server process", "57P02")));
        assertTrue(DatabaseUnavailableMapper.isConnectionFailure(
                new SQLException("the database system is starting up", "57P03")));
    }

    @Test
    void thePoolGivingUpOnAConnectionIsUnavailable() {
        assertTrue(DatabaseUnavailableMapper.isConnectionFailure(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
    }

    @Test
    void aRefusedStatementIsAnUnexpectedFailureNotAnOutage() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertFalse(DatabaseUnavailableMapper.isConnectionFailure(new PersistenceException(
                new ConstraintViolationException("could not execute statement", duplicate, "uk_patient_mrn"))));
        assertEquals(500, DatabaseUnavailableMapper.answer(new PersistenceException(duplicate)).getStatus());
    }

    @Test
    void anOutageAnswers503WithRetryAfter() {
        var answer = DatabaseUnavailableMapper.answer(new SQLException("Connection refused", "08001"));
        assertEquals(503, answer.getStatus());
        assertEquals("5", String.valueOf(answer.getHeaders().getFirst("Retry-After")));
        assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
    }
}

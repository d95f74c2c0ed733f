package org.painladder.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
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

    @Test
    void aWriteThatLostARaceForTheSameRowIsA409ProblemNotA500() {
        assertConflict(new OptimisticLockException(new StaleObjectStateException("RecommendationEntity", "id")));
        assertConflict(new PessimisticLockException("could not obtain lock"));
        assertConflict(new LockTimeoutException("lock wait timed out"));
        // H2's lock timeout, PostgreSQL's lock_not_available and deadlock, as the dialects report them.
        assertConflict(new PersistenceException(new SQLException("Timeout trying to lock table", "HYT00", 50200)));
        assertConflict(new PersistenceException(new SQLException("could not obtain lock on row", "55P03")));
        assertConflict(new PersistenceException(new LockAcquisitionException("could not execute statement",
                new SQLException("deadlock detected", "40P01"))));
        // Found only at commit, behind the transaction manager's rollback.
        RollbackException rolledBack = new RollbackException("rolled back");
        rolledBack.initCause(new OptimisticLockException("Row was updated or deleted by another transaction"));
        assertConflict(new ArcUndeclaredThrowableException(rolledBack));
    }

    private static void assertConflict(Throwable failure) {
        var answer = DatabaseUnavailableMapper.answer(failure);
        assertEquals(409, answer.getStatus(), failure.toString());
        assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
    }
}

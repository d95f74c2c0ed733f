package org.painladder.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remembers, per caller and Idempotency-Key, the fingerprint of the first request and the answer it got. A key is
 * claimed before the request runs, so two concurrent requests with one key cannot both run.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** What an earlier request with the same key left: its fingerprint, and its answer once it has one. */
    public record Remembered(String requestFingerprint, Answer answer) {
        public boolean inProgress() {
            return answer == null;
        }
    }

    /** The first answer as the client got it, so that a replay is the same status, headers and bytes. */
    public record Answer(int status, String body, String contentType, String location, String entityTag) {
    }

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry synchronizations;
    private final Duration abandonedAfter;

    /**
     * A claim still without an answer twice the transaction timeout after it was made belongs to a request that can no
     * longer commit: the process died (kill -9, power cut) between the claim and the answer. Its retry runs afresh
     * instead of being told for the rest of the retention that the request is still being processed.
     */
    IdempotencyKeys(EntityManager entityManager, TransactionSynchronizationRegistry synchronizations,
                    @ConfigProperty(name = "quarkus.transaction-manager.default-transaction-timeout", defaultValue = "60S")
                    Duration transactionTimeout) {
        this.entityManager = entityManager;
        this.synchronizations = synchronizations;
        this.abandonedAfter = transactionTimeout.multipliedBy(2);
    }

    /**
     * Claims the key for this request, or answers what an earlier request with the same key left. A key older than
     * {@code retention}, or abandoned in progress, is forgotten and claimed afresh.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Remembered> claim(String principal, String key, String fingerprint, Instant now, Duration retention) {
        IdempotencyKeyEntity.Id id = new IdempotencyKeyEntity.Id(principal, key);
        IdempotencyKeyEntity existing = entityManager.find(IdempotencyKeyEntity.class, id);
        if (existing != null && existing.createdAt.isAfter(now.minus(retention))
                && !(existing.responseStatus == null && existing.createdAt.isBefore(now.minus(abandonedAfter)))) {
            return Optional.of(remembered(existing));
        }
        if (existing != null) {
            entityManager.remove(existing);
            entityManager.flush();
        }
        IdempotencyKeyEntity claim = new IdempotencyKeyEntity();
        claim.id = id;
        claim.requestFingerprint = fingerprint;
        claim.createdAt = now;
        try {
            entityManager.persist(claim);
            entityManager.flush();
        } catch (PersistenceException raced) {
            if (ConstraintViolations.isViolationOf(raced, "pk_idempotency_key")) {
                return Optional.of(new Remembered(fingerprint, null));
            }
            throw raced;
        }
        return Optional.empty();
    }

    /**
     * Joins the request's transaction, so the answer is kept exactly when the change it reports is committed. When
     * that transaction rolls back after all (its commit failed, its client hung up before the answer), the claim is
     * released a moment later, so that the retry runs afresh instead of waiting out {@code abandonedAfter}.
     */
    @Transactional
    public void complete(String principal, String key, Answer answer) {
        IdempotencyKeyEntity claim = entityManager.find(IdempotencyKeyEntity.class,
                new IdempotencyKeyEntity.Id(principal, key));
        if (claim != null) {
            claim.responseStatus = answer.status();
            claim.responseBody = answer.body();
            claim.responseContentType = answer.contentType();
            claim.responseLocation = answer.location();
            claim.responseEntityTag = answer.entityTag();
            synchronizations.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int outcome) {
                    // The finished transaction is still on this thread: release from another, in a transaction of its own.
                    if (outcome == Status.STATUS_ROLLEDBACK) {
                        Infrastructure.getDefaultWorkerPool().execute(() -> QuarkusTransaction.requiringNew()
                                .run(() -> remove(principal, key)));
                    }
                }
            });
        }
    }

    /** Forgets a claim whose request failed, so that a retry runs it again. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String principal, String key) {
        remove(principal, key);
    }

    private void remove(String principal, String key) {
        IdempotencyKeyEntity claim = entityManager.find(IdempotencyKeyEntity.class,
                new IdempotencyKeyEntity.Id(principal, key));
        if (claim != null) {
            entityManager.remove(claim);
        }
    }

    private static Remembered remembered(IdempotencyKeyEntity entity) {
        // Answers kept before V19 have no content type: they were all written as JSON.
        return new Remembered(entity.requestFingerprint, entity.responseStatus == null ? null
                : new Answer(entity.responseStatus, entity.responseBody, Objects.requireNonNullElse(
                entity.responseContentType, "application/json"), entity.responseLocation, entity.responseEntityTag));
    }
}

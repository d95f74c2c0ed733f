package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.painladder.domain.audit.Access;
import org.painladder.domain.audit.AuditAction;
import org.painladder.domain.audit.AuditChain;
import org.painladder.domain.audit.AuditEvent;
import org.painladder.domain.audit.AuditOutcome;

/** The append-only, hash-chained access log. Rows are only ever inserted; nothing here updates or deletes one. */
@ApplicationScoped
public class AuditEvents {

    /** Where the chain ends, as its head row remembers it. */
    public record ChainHead(long lastSeq, String lastHash) {
    }

    /** The filters of {@code GET /api/v1/audit-events}; null means "any". */
    public record Filter(UUID patientId, String actor, Instant from, Instant to) {
    }

    private static final int VERIFY_BATCH = 500;

    private final EntityManager entityManager;

    AuditEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Appends the event in the caller's transaction. Pending writes are flushed first so that the chain head is
     * locked as late as possible: only from here to the commit are appends of other transactions held up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent append(Access access, UUID id, Instant at) {
        entityManager.flush();
        AuditChainHeadEntity head = entityManager.find(AuditChainHeadEntity.class, AuditChainHeadEntity.THE_CHAIN,
                LockModeType.PESSIMISTIC_WRITE);
        AuditEvent event = AuditChain.link(access, id, head.lastSeq + 1, at, head.lastHash);
        entityManager.persist(toEntity(event));
        head.lastSeq = event.seq();
        head.lastHash = event.hash();
        entityManager.flush();
        return event;
    }

    /** Newest first. */
    public Page<AuditEvent> list(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (filter.patientId() != null) {
            where.append(" and e.patientId = :patientId");
        }
        if (filter.actor() != null) {
            where.append(" and e.actor = :actor");
        }
        if (filter.from() != null) {
            where.append(" and e.at >= :from");
        }
        if (filter.to() != null) {
            where.append(" and e.at < :to");
        }
        TypedQuery<Long> count = entityManager.createQuery("select count(e) from AuditEventEntity e" + where, Long.class);
        TypedQuery<AuditEventEntity> query = entityManager.createQuery(
                "select e from AuditEventEntity e" + where + " order by e.seq desc", AuditEventEntity.class);
        for (TypedQuery<?> each : List.of(count, query)) {
            if (filter.patientId() != null) {
                each.setParameter("patientId", filter.patientId());
            }
            if (filter.actor() != null) {
                each.setParameter("actor", filter.actor());
            }
            if (filter.from() != null) {
                each.setParameter("from", filter.from());
            }
            if (filter.to() != null) {
                each.setParameter("to", filter.to());
            }
        }
        List<AuditEvent> items = query.setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(AuditEvents::toEvent).toList();
        return new Page<>(items, page, size, count.getSingleResult());
    }

    /**
     * Offers every event in chain order, a batch at a time, until a visitor answers false. A row whose action or
     * outcome is no longer a known value (it was edited) goes to {@code unreadable} with its id and seq.
     */
    public void walkInOrder(Predicate<AuditEvent> visitor, BiPredicate<UUID, Long> unreadable) {
        long after = 0;
        while (true) {
            List<AuditEventEntity> batch = entityManager.createQuery(
                            "select e from AuditEventEntity e where e.seq > :after order by e.seq", AuditEventEntity.class)
                    .setParameter("after", after).setMaxResults(VERIFY_BATCH).getResultList();
            batch.forEach(entityManager::detach);
            for (AuditEventEntity entity : batch) {
                AuditEvent event;
                try {
                    event = toEvent(entity);
                } catch (IllegalArgumentException notAKnownValue) {
                    if (!unreadable.test(entity.id, entity.seq)) {
                        return;
                    }
                    after = entity.seq;
                    continue;
                }
                if (!visitor.test(event)) {
                    return;
                }
                after = event.seq();
            }
            if (batch.size() < VERIFY_BATCH) {
                return;
            }
        }
    }

    public ChainHead head() {
        AuditChainHeadEntity head = entityManager.find(AuditChainHeadEntity.class, AuditChainHeadEntity.THE_CHAIN);
        return new ChainHead(head.lastSeq, head.lastHash);
    }

    private static AuditEventEntity toEntity(AuditEvent event) {
        Access access = event.access();
        AuditEventEntity entity = new AuditEventEntity();
        entity.id = event.id();
        entity.seq = event.seq();
        entity.at = event.at();
        entity.actor = access.actor();
        entity.role = access.role();
        entity.client = access.client();
        entity.action = access.action().name();
        entity.resourceType = access.resourceType();
        entity.resourceId = access.resourceId();
        entity.patientId = access.patientId();
        entity.outcome = access.outcome().name();
        entity.status = access.status();
        entity.correlationId = access.correlationId();
        entity.prevHash = event.prevHash();
        entity.hash = event.hash();
        return entity;
    }

    private static AuditEvent toEvent(AuditEventEntity entity) {
        Access access = new Access(entity.actor, entity.role, entity.client, AuditAction.valueOf(entity.action),
                entity.resourceType, entity.resourceId, entity.patientId, AuditOutcome.valueOf(entity.outcome),
                entity.status, entity.correlationId);
        return new AuditEvent(entity.id, entity.seq, entity.at, access, entity.prevHash, entity.hash);
    }
}

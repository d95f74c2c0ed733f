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
import org.jboss.logging.Logger;
import org.painladder.domain.audit.Access;
import org.painladder.domain.audit.AuditAction;
import org.painladder.domain.audit.AuditChain;
import org.painladder.domain.audit.AuditEvent;
import org.painladder.domain.audit.AuditKeys;
import org.painladder.domain.audit.AuditOutcome;

/**
 * The append-only, keyed and chained access log. A request only inserts its event; sealing gives a pending event its
 * place in its chain and its hash, once. Nothing here deletes a row or changes what an event says.
 */
@ApplicationScoped
public class AuditEvents {

    private static final Logger LOG = Logger.getLogger(AuditEvents.class);

    /** Where a chain ends, as its head row remembers it. */
    public record ChainHead(String chainId, long lastSeq, String lastHash) {
    }

    /** The filters of {@code GET /api/v1/audit-events}; null means "any". */
    public record Filter(UUID patientId, String actor, Instant from, Instant to) {
    }

    private static final int VERIFY_BATCH = 500;
    /** Every column of an event; a pending one has no seq and no prev_hash yet, and its MAC in hash. */
    private static final String INSERT = "insert into audit_event (id, chain_id, at, actor, role, client, action,"
            + " resource_type, resource_id, patient_id, outcome, status, correlation_id, request_count, key_id, seq,"
            + " prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager entityManager;

    AuditEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Writes an unsealed event in the caller's transaction: one insert, no lock on anything shared. The insert is
     * sent as a {@link RoundTrip}, prepared through Hibernate (so it is logged and inspected like its own statements),
     * but not through the persistence context: no request reads its own event back, and keeping it managed,
     * flushing it and binding it by entity metadata cost a GET patient about 5 % of its throughput (issue 14).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditEvent pending) {
        Access access = pending.access();
        RoundTrip.run(entityManager, RoundTrip.Statement.changeOfOneRow(INSERT, pending.id(), pending.chainId(),
                pending.at(), access.actor(), access.role(), access.client(), access.action().name(),
                access.resourceType(), access.resourceId(), access.patientId(), access.outcome().name(),
                access.status(), access.correlationId(), access.requests(), pending.keyId(), pending.seq(),
                pending.prevHash(), pending.hash()));
    }

    /**
     * Seals up to {@code max} pending events of the chain, oldest first, in a transaction of its own that locks that
     * chain's head row: two sealers of one chain take turns, sealers of different chains never meet.
     *
     * @return how many events were sealed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sealPending(String chainId, AuditKeys keys, int max) {
        AuditChainEntity head = entityManager.find(AuditChainEntity.class, chainId, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("Audit chain " + chainId + " has no head row; open it first");
        }
        List<AuditEventEntity> pending = entityManager.createQuery("select e from AuditEventEntity e"
                        + " where e.chainId = :chainId and e.seq is null order by e.at, e.id", AuditEventEntity.class)
                .setParameter("chainId", chainId).setMaxResults(max).getResultList();
        int sealed = 0;
        for (AuditEventEntity entity : pending) {
            AuditEvent event;
            try {
                event = toEvent(entity);
            } catch (IllegalArgumentException notAKnownValue) {
                LOG.errorf("Audit event %s holds values the service never writes and stays unsealed", entity.id);
                continue;
            }
            if (!AuditChain.writtenWithKey(event, keys)) {
                LOG.errorf("Audit event %s was not written by the service (its MAC does not match) and stays unsealed",
                        entity.id);
                continue;
            }
            AuditEvent seal = AuditChain.seal(event, head.lastSeq + 1, head.lastHash, keys);
            entity.seq = seal.seq();
            entity.keyId = seal.keyId();
            entity.prevHash = seal.prevHash();
            entity.hash = seal.hash();
            head.lastSeq = seal.seq();
            head.lastHash = seal.hash();
            sealed++;
        }
        return sealed;
    }

    /**
     * Gives the chain its head row if it has none. Two sealers opening one chain at once may both try: the loser's
     * insert fails on the primary key, which the caller may ignore, since the row is there either way.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void openChain(String chainId) {
        if (entityManager.find(AuditChainEntity.class, chainId) == null) {
            AuditChainEntity head = new AuditChainEntity();
            head.chainId = chainId;
            head.lastSeq = 0;
            head.lastHash = AuditChain.GENESIS;
            entityManager.persist(head);
        }
    }

    /** Newest first, sealed or not. */
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
                "select e from AuditEventEntity e" + where + " order by e.at desc, e.id desc", AuditEventEntity.class);
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
        return Page.of(items, page, size, count::getSingleResult);
    }

    /**
     * Offers every sealed event of the chain in seq order, a batch at a time, until a visitor answers false. A row
     * whose action or outcome is no longer a known value (it was edited) goes to {@code unreadable}.
     */
    public void walkChain(String chainId, Predicate<AuditEvent> visitor, BiPredicate<UUID, Long> unreadable) {
        long after = 0;
        while (true) {
            List<AuditEventEntity> batch = entityManager.createQuery("select e from AuditEventEntity e"
                            + " where e.chainId = :chainId and e.seq > :after order by e.seq", AuditEventEntity.class)
                    .setParameter("chainId", chainId).setParameter("after", after).setMaxResults(VERIFY_BATCH)
                    .getResultList();
            batch.forEach(entityManager::detach);
            for (AuditEventEntity entity : batch) {
                after = entity.seq;
                AuditEvent event;
                try {
                    event = toEvent(entity);
                } catch (IllegalArgumentException notAKnownValue) {
                    if (!unreadable.test(entity.id, entity.seq)) {
                        return;
                    }
                    continue;
                }
                if (!visitor.test(event)) {
                    return;
                }
            }
            if (batch.size() < VERIFY_BATCH) {
                return;
            }
        }
    }

    /** Offers the events not sealed yet, in every chain, until a visitor answers false. */
    public void walkPending(Predicate<AuditEvent> visitor, BiPredicate<UUID, Long> unreadable) {
        try (var pending = entityManager.createQuery("select e from AuditEventEntity e where e.seq is null"
                + " order by e.at, e.id", AuditEventEntity.class).getResultStream()) {
            for (AuditEventEntity entity : (Iterable<AuditEventEntity>) pending::iterator) {
                entityManager.detach(entity);
                try {
                    if (!visitor.test(toEvent(entity))) {
                        return;
                    }
                } catch (IllegalArgumentException notAKnownValue) {
                    if (!unreadable.test(entity.id, 0L)) {
                        return;
                    }
                }
            }
        }
    }

    /** Its own read transaction when none is open: the sealer calls it from its thread, outside any request. */
    @Transactional
    public List<ChainHead> chains() {
        return entityManager.createQuery("select c from AuditChainEntity c order by c.chainId", AuditChainEntity.class)
                .getResultStream().map(head -> new ChainHead(head.chainId, head.lastSeq, head.lastHash)).toList();
    }

    /** Events written but not sealed yet, in every chain. */
    public long pending() {
        return entityManager.createQuery("select count(e) from AuditEventEntity e where e.seq is null", Long.class)
                .getSingleResult();
    }

    private static AuditEvent toEvent(AuditEventEntity entity) {
        Access access = new Access(entity.actor, entity.role, entity.client, AuditAction.valueOf(entity.action),
                entity.resourceType, entity.resourceId, entity.patientId, AuditOutcome.valueOf(entity.outcome),
                entity.status, entity.correlationId, entity.requestCount);
        return new AuditEvent(entity.id, entity.chainId, entity.seq, entity.at, access, entity.keyId, entity.prevHash,
                entity.hash);
    }
}

package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.painladder.domain.procedure.Procedure;
import org.painladder.domain.refractory.InterventionType;

/** Each patient's recorded procedures; every query is keyed by patient. */
@ApplicationScoped
public class Procedures {

    private final EntityManager entityManager;

    Procedures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Procedure insert(Procedure procedure) {
        ProcedureEntity row = new ProcedureEntity();
        row.id = procedure.id();
        row.patientId = procedure.patientId();
        row.type = procedure.type().name();
        row.performedAt = procedure.performedAt();
        row.recordedAt = procedure.recordedAt();
        row.outcome = procedure.outcome();
        row.performedBy = procedure.performedBy();
        row.recordedBy = procedure.recordedBy();
        entityManager.persist(row);
        entityManager.flush();
        // The caller holds the live-state row locked, so the latest procedure moves on with the state.
        PatientStateEntity state = entityManager.find(PatientStateEntity.class, procedure.patientId());
        if (state.latestProcedureAt == null || procedure.performedAt().isAfter(state.latestProcedureAt)) {
            state.latestProcedureAt = procedure.performedAt();
        }
        return procedure;
    }

    public Optional<Procedure> find(UUID patientId, UUID procedureId) {
        return entityManager.createQuery("from ProcedureEntity where patientId = :patientId and id = :id",
                        ProcedureEntity.class)
                .setParameter("patientId", patientId).setParameter("id", procedureId).getResultStream()
                .map(Procedures::toProcedure).findFirst();
    }

    /** Newest performed first. */
    public Page<Procedure> list(UUID patientId, int page, int size) {
        long total = entityManager.createQuery("select count(p) from ProcedureEntity p where p.patientId = :patientId",
                Long.class).setParameter("patientId", patientId).getSingleResult();
        List<Procedure> items = entityManager.createQuery("from ProcedureEntity where patientId = :patientId"
                        + " order by performedAt desc, recordedAt desc", ProcedureEntity.class)
                .setParameter("patientId", patientId).setFirstResult(page * size).setMaxResults(size)
                .getResultStream().map(Procedures::toProcedure).toList();
        return new Page<>(items, page, size, total);
    }

    /** Every one, oldest performed first: a patient has a handful at most. */
    public List<Procedure> history(UUID patientId) {
        return entityManager.createQuery("from ProcedureEntity where patientId = :patientId order by performedAt",
                        ProcedureEntity.class)
                .setParameter("patientId", patientId).getResultStream().map(Procedures::toProcedure).toList();
    }

    /** Those recorded at or after {@code from}, oldest performed first. */
    public List<Procedure> recordedSince(UUID patientId, Instant from) {
        return entityManager.createQuery("from ProcedureEntity where patientId = :patientId and recordedAt >= :from"
                        + " order by performedAt", ProcedureEntity.class)
                .setParameter("patientId", patientId).setParameter("from", from)
                .getResultStream().map(Procedures::toProcedure).toList();
    }

    /**
     * The procedures of these patients recorded since the earliest of the given times, grouped by patient, oldest
     * performed first: one query for a whole worklist page.
     */
    public Map<UUID, List<Procedure>> recordedSince(Collection<UUID> patientIds, Instant earliest) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        return entityManager.createQuery("from ProcedureEntity where patientId in :patientIds"
                        + " and recordedAt >= :from order by performedAt", ProcedureEntity.class)
                .setParameter("patientIds", patientIds).setParameter("from", earliest)
                .getResultStream().map(Procedures::toProcedure)
                .collect(Collectors.groupingBy(Procedure::patientId));
    }

    /**
     * Those performed in [from, to], oldest first. A patient whose latest procedure is older than {@code from} has
     * none to read: most have never had one, and the live state, usually loaded already, says so without a query.
     */
    public List<Procedure> performedBetween(UUID patientId, Instant from, Instant to) {
        PatientStateEntity state = entityManager.find(PatientStateEntity.class, patientId);
        return state == null ? queryPerformedBetween(patientId, from, to)
                : performedBetween(patientId, state.latestProcedureAt, from, to);
    }

    /** As {@link #performedBetween(UUID, Instant, Instant)}, with the live state's latest procedure time read already. */
    public List<Procedure> performedBetween(UUID patientId, Instant latestProcedureAt, Instant from, Instant to) {
        if (latestProcedureAt == null || latestProcedureAt.isBefore(from)) {
            return List.of();
        }
        return queryPerformedBetween(patientId, from, to);
    }

    private List<Procedure> queryPerformedBetween(UUID patientId, Instant from, Instant to) {
        return entityManager.createQuery("from ProcedureEntity where patientId = :patientId and performedAt >= :from"
                        + " and performedAt <= :to order by performedAt", ProcedureEntity.class)
                .setParameter("patientId", patientId).setParameter("from", from).setParameter("to", to)
                .getResultStream().map(Procedures::toProcedure).toList();
    }

    private static Procedure toProcedure(ProcedureEntity row) {
        return new Procedure(row.id, row.patientId, InterventionType.valueOf(row.type), row.performedAt, row.outcome,
                row.performedBy, row.recordedAt, row.recordedBy);
    }
}

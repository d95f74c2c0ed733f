package org.painladder.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.PrimarySite;
import org.painladder.domain.refractory.CandidateIntervention;
import org.painladder.domain.refractory.CaseOutcome;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.domain.refractory.CaseTransition;
import org.painladder.domain.refractory.Criterion;
import org.painladder.domain.refractory.CriterionCode;
import org.painladder.domain.refractory.InterventionType;
import org.painladder.domain.refractory.RefractoryCase;

/**
 * Refractory cases, their history and the worklist. The worklist is served from the case rows' own columns and
 * indexes; the criteria and candidates are stored as JSON as they were when the case was flagged.
 */
@ApplicationScoped
public class RefractoryCases {

    /** The stored JSON shapes: kept here so the domain records can change without breaking stored rows. */
    private record StoredCriterion(String code, String detail) {
    }

    private record StoredCandidate(String type, String rationale, List<String> contraindicatedBy, List<String> cautions) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;

    RefractoryCases(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
    }

    /** @throws DuplicateOpenCaseException when the patient already has a case that is not CLOSED */
    public RefractoryCase insert(RefractoryCase refractoryCase, CaseTransition opening, Instant now) {
        RefractoryCaseEntity entity = new RefractoryCaseEntity();
        entity.id = refractoryCase.id();
        entity.patientId = refractoryCase.patientId();
        entity.flaggedAt = refractoryCase.flaggedAt();
        entity.mrn = refractoryCase.mrn();
        entity.site = refractoryCase.site() == null ? null : refractoryCase.site().name();
        entity.primarySite = refractoryCase.primarySite() == null ? null : refractoryCase.primarySite().name();
        entity.step3Since = refractoryCase.step3Since();
        entity.criteria = json(refractoryCase.criteria().stream()
                .map(c -> new StoredCriterion(c.code().name(), c.detail())).toList());
        entity.candidateInterventions = json(refractoryCase.candidateInterventions().stream()
                .map(c -> new StoredCandidate(c.type().name(), c.rationale(),
                        c.contraindicatedBy().stream().map(Enum::name).toList(), c.cautions())).toList());
        copyMutable(refractoryCase, entity, now);
        try {
            entityManager.persist(entity);
            entityManager.flush();
        } catch (PersistenceException failure) {
            if (ConstraintViolations.isViolationOf(failure, "uq_refractory_case_open_slot")) {
                throw new DuplicateOpenCaseException(failure);
            }
            throw failure;
        }
        refractoryCase.candidateInterventions().stream().filter(c -> !c.isContraindicated())
                .map(c -> c.type().name()).distinct().forEach(type -> {
                    RefractoryCaseOptionEntity option = new RefractoryCaseOptionEntity();
                    option.id = new RefractoryCaseOptionEntity.Id(entity.id, type);
                    entityManager.persist(option);
                });
        record(entity.id, opening);
        return toCase(entity);
    }

    public Optional<RefractoryCase> find(UUID id) {
        return Optional.ofNullable(entityManager.find(RefractoryCaseEntity.class, id)).map(this::toCase);
    }

    /**
     * Whose case it is, read as a column: the case itself stays unread, so that {@link #findForUpdate} reads it from
     * the row it locks.
     */
    public Optional<UUID> patientOf(UUID id) {
        return entityManager.createQuery("select c.patientId from RefractoryCaseEntity c where c.id = :id", UUID.class)
                .setParameter("id", id)
                .getResultStream().findFirst();
    }

    /**
     * Loads the case and locks its row until the transaction ends. Call it before anything else in the transaction
     * reads the case: Hibernate answers a case it already holds as it was first read, and only locks the row.
     */
    public Optional<RefractoryCase> findForUpdate(UUID id) {
        return Optional.ofNullable(entityManager.find(RefractoryCaseEntity.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(this::toCase);
    }

    /** The patient's case that is not CLOSED, found through the unique open slot. */
    public Optional<RefractoryCase> findOpen(UUID patientId) {
        return entityManager.createQuery("from RefractoryCaseEntity where openSlot = :patientId",
                        RefractoryCaseEntity.class)
                .setParameter("patientId", patientId)
                .getResultStream().findFirst().map(this::toCase);
    }

    /** Stores a status change and its history entry. */
    public RefractoryCase moved(RefractoryCase after, CaseTransition entry, Instant now) {
        RefractoryCaseEntity entity = entityManager.find(RefractoryCaseEntity.class, after.id());
        copyMutable(after, entity, now);
        entityManager.flush();
        record(after.id(), entry);
        return toCase(entity);
    }

    /** Stores the refreshed worklist figures; the version stays, as no status changed. */
    public void saveFigures(RefractoryCase refreshed, Instant now) {
        copyMutable(refreshed, entityManager.find(RefractoryCaseEntity.class, refreshed.id()), now);
    }

    /** Every status change of the case, oldest first. */
    public List<CaseTransition> history(UUID caseId) {
        return entityManager.createQuery("from RefractoryCaseTransitionEntity where caseId = :caseId"
                        + " order by changedAt, id", RefractoryCaseTransitionEntity.class)
                .setParameter("caseId", caseId)
                .getResultStream()
                .map(t -> new CaseTransition(t.fromStatus == null ? null : CaseStatus.valueOf(t.fromStatus),
                        CaseStatus.valueOf(t.toStatus), t.changedAt, t.changedBy, t.assignee, t.note,
                        t.outcome == null ? null : CaseOutcome.valueOf(t.outcome)))
                .toList();
    }

    /**
     * A worklist page, and the patients among its cases with a procedure recorded since their case was flagged: only
     * theirs need reading for REF-03's closing suggestion.
     */
    public record WorklistPage(Page<RefractoryCase> page, Set<UUID> procedureSinceFlagged) {
    }

    /**
     * A page of the worklist with the count of every case the filters select, in one statement: the count is a
     * subquery PostgreSQL evaluates once, beside a page still read from the order's index (V14), and whether each
     * case's patient had a procedure recorded since the flagging is a subquery per listed row. Only a page past the
     * end, which brings no row to carry the count, needs a second statement for it.
     */
    public WorklistPage worklist(WorklistQuery query) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String selected = filters("c", query, parameters);
        List<Object[]> rows = bound(entityManager.createQuery("select c, (select count(k) from RefractoryCaseEntity k"
                + filters("k", query, parameters) + "), (select count(d) from ProcedureEntity d"
                + " where d.patientId = c.patientId and d.recordedAt >= c.flaggedAt) from RefractoryCaseEntity c"
                + selected + " order by " + query.sort().orderBy(query.descending()) + ", c.flaggedAt desc, c.id",
                Object[].class), parameters)
                .setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                .getResultList();
        List<RefractoryCase> page = rows.stream().map(row -> toCase((RefractoryCaseEntity) row[0])).toList();
        Set<UUID> procedureSinceFlagged = rows.stream().filter(row -> (Long) row[2] > 0)
                .map(row -> ((RefractoryCaseEntity) row[0]).patientId).collect(Collectors.toSet());
        return new WorklistPage(Page.of(page, query.page(), query.size(), () -> rows.isEmpty()
                ? bound(entityManager.createQuery("select count(c) from RefractoryCaseEntity c" + selected,
                        Long.class), parameters).getSingleResult()
                : (Long) rows.get(0)[1]), procedureSinceFlagged);
    }

    /** The worklist's filters on the cases named {@code alias}; their values go into {@code parameters}. */
    private static String filters(String alias, WorklistQuery query, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        filter(where, parameters, alias + ".status", "status", query.status());
        filter(where, parameters, alias + ".site", "site", query.site());
        filter(where, parameters, alias + ".primarySite", "primarySite", query.primarySite());
        if (query.intervention() != null) {
            where.append(" and exists (select 1 from RefractoryCaseOptionEntity o").append(alias)
                    .append(" where o").append(alias).append(".id.caseId = ").append(alias).append(".id and o")
                    .append(alias).append(".id.intervention = :intervention)");
            parameters.put("intervention", query.intervention().name());
        }
        return where.toString();
    }

    private static <T> TypedQuery<T> bound(TypedQuery<T> query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }

    private static void filter(StringBuilder where, Map<String, Object> parameters, String column, String name,
                               Enum<?> value) {
        if (value != null) {
            where.append(" and ").append(column).append(" = :").append(name);
            parameters.put(name, value.name());
        }
    }

    private void record(UUID caseId, CaseTransition transition) {
        RefractoryCaseTransitionEntity entity = new RefractoryCaseTransitionEntity();
        entity.id = UUID.randomUUID();
        entity.caseId = caseId;
        entity.changedAt = transition.at();
        entity.fromStatus = transition.from() == null ? null : transition.from().name();
        entity.toStatus = transition.to().name();
        entity.changedBy = transition.by();
        entity.assignee = transition.assignee();
        entity.note = transition.note();
        entity.outcome = transition.outcome() == null ? null : transition.outcome().name();
        entityManager.persist(entity);
    }

    private static void copyMutable(RefractoryCase refractoryCase, RefractoryCaseEntity entity, Instant now) {
        entity.status = refractoryCase.status().name();
        entity.openSlot = refractoryCase.status().isOpen() ? refractoryCase.patientId() : null;
        entity.outcome = refractoryCase.outcome() == null ? null : refractoryCase.outcome().name();
        entity.latestScore = refractoryCase.latestScore();
        entity.omeddMg = refractoryCase.omeddMg();
        entity.assignee = refractoryCase.assignee();
        entity.controlledSince = refractoryCase.controlledSince();
        entity.version = refractoryCase.version();
        entity.updatedAt = now;
    }

    private RefractoryCase toCase(RefractoryCaseEntity entity) {
        List<Criterion> criteria = read(entity.criteria, new TypeReference<List<StoredCriterion>>() { }).stream()
                .map(c -> new Criterion(CriterionCode.valueOf(c.code()), c.detail())).toList();
        List<CandidateIntervention> candidates = new ArrayList<>();
        for (StoredCandidate stored : read(entity.candidateInterventions, new TypeReference<List<StoredCandidate>>() { })) {
            candidates.add(new CandidateIntervention(InterventionType.valueOf(stored.type()), stored.rationale(),
                    stored.contraindicatedBy().stream().map(Contraindication::valueOf).toList(), stored.cautions()));
        }
        return new RefractoryCase(entity.id, entity.patientId, entity.mrn,
                entity.site == null ? null : PainSite.valueOf(entity.site),
                entity.primarySite == null ? null : PrimarySite.valueOf(entity.primarySite), entity.flaggedAt,
                CaseStatus.valueOf(entity.status), entity.outcome == null ? null : CaseOutcome.valueOf(entity.outcome),
                criteria, candidates, entity.latestScore, entity.omeddMg, entity.step3Since, entity.assignee,
                entity.controlledSince, entity.version);
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("criteria and candidates are plain records", impossible);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("stored refractory case JSON is unreadable", corrupt);
        }
    }
}

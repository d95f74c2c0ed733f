package org.painladder.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.painladder.domain.ladder.Evidence;
import org.painladder.domain.ladder.PendingRecommendation;
import org.painladder.domain.ladder.ProposedRecommendation;
import org.painladder.domain.ladder.RecommendationStatus;
import org.painladder.domain.ladder.RecommendationType;
import org.painladder.domain.ladder.RuleId;
import org.painladder.domain.ladder.SafetyCheck;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.recommendation.OverrideReason;
import org.painladder.domain.recommendation.Recommendation;

/**
 * Each patient's recommendations. Evidence and proposal are kept as the JSON the engine's values give, with decimals
 * read back as exact decimals, so a dose shows as it was proposed. The pending ladder move holds the patient's
 * "ladder slot", which the database keeps unique.
 */
@ApplicationScoped
public class Recommendations {

    private static final TypeReference<List<SafetyCheck>> SAFETY_CHECKS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final ObjectReader exactReader;

    Recommendations(EntityManager entityManager, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.exactReader = objectMapper.readerFor(JSON_OBJECT).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    public Recommendation insert(Recommendation recommendation) {
        RecommendationEntity entity = new RecommendationEntity();
        ProposedRecommendation advice = recommendation.advice();
        entity.id = recommendation.id();
        entity.patientId = recommendation.patientId();
        entity.createdAt = recommendation.createdAt();
        entity.type = advice.type().name();
        entity.ruleId = advice.ruleId().code();
        entity.rulesVersion = advice.rulesVersion();
        entity.rationale = advice.rationale();
        entity.evidence = json(advice.evidence());
        entity.proposal = json(advice.proposal());
        entity.safetyChecks = json(advice.safetyChecks());
        entity.fingerprint = recommendation.fingerprint();
        entity.regimenVersion = recommendation.regimenVersion();
        entity.ladderMove = advice.type().isLadderMove();
        entity.createdByAssessmentId = recommendation.createdByAssessmentId();
        copyStatus(recommendation.status(), entity);
        entityManager.persist(entity);
        entityManager.flush();
        return toRecommendation(entity);
    }

    public Optional<Recommendation> find(UUID patientId, UUID recommendationId) {
        RecommendationEntity entity = entityManager.find(RecommendationEntity.class, recommendationId);
        return entity == null || !entity.patientId.equals(patientId) ? Optional.empty()
                : Optional.of(toRecommendation(entity));
    }

    /** When it was given, read as a column, as {@link #patientOf} is. */
    public Optional<Instant> createdAt(UUID recommendationId) {
        return entityManager.createQuery("select r.createdAt from RecommendationEntity r where r.id = :id",
                        Instant.class)
                .setParameter("id", recommendationId)
                .getResultStream().findFirst();
    }

    /**
     * Whose recommendation it is, for callers that know only its id (a CDS Hooks card's uuid). Read as a column, so
     * that the recommendation is first read once the caller holds the patient's lock, and read as it is then.
     */
    public Optional<UUID> patientOf(UUID recommendationId) {
        return entityManager.createQuery("select r.patientId from RecommendationEntity r where r.id = :id", UUID.class)
                .setParameter("id", recommendationId)
                .getResultStream().findFirst();
    }

    /** A patient and the advice still pending for it, oldest first. */
    public record PatientWithPending(Patient patient, List<Recommendation> pending) {
    }

    /**
     * The patient registered under {@code patientId}, or when that is null under {@code mrn}, with its pending advice,
     * in one statement: the chart a CDS Hooks patient-view opens, read in one round trip. Empty when none is.
     */
    public Optional<PatientWithPending> patientWithPending(UUID patientId, String mrn) {
        List<Object[]> rows = entityManager.createQuery("select s, r from PatientStateEntity s join fetch s.patient p"
                        + " left join RecommendationEntity r on r.patientId = s.patientId and r.status = :status"
                        + (patientId != null ? " where s.patientId = :key" : " where p.mrn = :key")
                        + " order by r.createdAt, r.ruleId", Object[].class)
                .setParameter("status", RecommendationStatus.PENDING.name())
                .setParameter("key", patientId != null ? patientId : mrn)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Recommendation> pending = rows.stream().filter(row -> row[1] != null)
                .map(row -> toRecommendation((RecommendationEntity) row[1])).toList();
        return Optional.of(new PatientWithPending(Patients.toPatient((PatientStateEntity) rows.get(0)[0]), pending));
    }

    public List<Recommendation> pending(UUID patientId) {
        return entityManager.createQuery("from RecommendationEntity where patientId = :patientId and status = :status"
                        + " order by createdAt, ruleId", RecommendationEntity.class)
                .setParameter("patientId", patientId)
                .setParameter("status", RecommendationStatus.PENDING.name())
                .getResultStream().map(this::toRecommendation).toList();
    }

    /**
     * What the rules must not advise again, oldest first within each list: the advice a clinician accepted under this
     * regimen version (not yet prescribed, since no regimen change has followed it) and the pending advice.
     */
    public record OpenAdvice(List<PendingRecommendation> accepted, List<PendingRecommendation> pending) {
    }

    /**
     * {@link OpenAdvice} in one statement, read as the columns the rules compare and not as entities: an evaluation
     * neither parses the stored evidence, proposals and safety checks nor dirty-checks what it only compares.
     */
    public OpenAdvice openUnder(UUID patientId, long regimenVersion) {
        return openAdvice(entityManager.createQuery("select id, type, ruleId, fingerprint, regimenVersion, status from"
                        + " RecommendationEntity where patientId = :patientId and (status = :pending or (status ="
                        + " :accepted and regimenVersion = :regimenVersion)) order by createdAt, ruleId", Object[].class)
                .setParameter("patientId", patientId)
                .setParameter("pending", RecommendationStatus.PENDING.name())
                .setParameter("accepted", RecommendationStatus.ACCEPTED.name())
                .setParameter("regimenVersion", regimenVersion)
                .getResultList());
    }

    /** The columns {@link #openAdvice} reads, and their types. */
    static final String OPEN_ADVICE_COLUMNS = "id, type, rule_id, fingerprint, regimen_version, status";
    static final Class<?>[] OPEN_ADVICE_TYPES = {UUID.class, String.class, String.class, String.class, Long.class,
            String.class};

    /** {@link OpenAdvice} from rows of {@link #OPEN_ADVICE_COLUMNS}, oldest first. */
    static OpenAdvice openAdvice(List<Object[]> rows) {
        List<PendingRecommendation> accepted = new ArrayList<>();
        List<PendingRecommendation> pending = new ArrayList<>();
        for (Object[] row : rows) {
            (RecommendationStatus.PENDING.name().equals(row[5]) ? pending : accepted).add(new PendingRecommendation(
                    (UUID) row[0], RecommendationType.valueOf((String) row[1]), RuleId.fromCode((String) row[2]),
                    (String) row[3], (Long) row[4]));
        }
        return new OpenAdvice(List.copyOf(accepted), List.copyOf(pending));
    }

    /** The recommendations an assessment's evaluation created, so that a retried POST answers the same evaluation. */
    public List<Recommendation> createdBy(UUID assessmentId) {
        return entityManager.createQuery("from RecommendationEntity where createdByAssessmentId = :assessmentId"
                        + " order by createdAt, ruleId", RecommendationEntity.class)
                .setParameter("assessmentId", assessmentId)
                .getResultStream().map(this::toRecommendation).toList();
    }

    /** Newest first; all statuses when {@code status} is null. */
    public Page<Recommendation> list(UUID patientId, RecommendationStatus status, int page, int size) {
        String where = " where patientId = :patientId" + (status == null ? "" : " and status = :status");
        var count = entityManager.createQuery("select count(r) from RecommendationEntity r" + where, Long.class)
                .setParameter("patientId", patientId);
        var query = entityManager.createQuery("from RecommendationEntity" + where + " order by createdAt desc, ruleId",
                RecommendationEntity.class).setParameter("patientId", patientId);
        if (status != null) {
            count.setParameter("status", status.name());
            query.setParameter("status", status.name());
        }
        List<Recommendation> items = query.setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(this::toRecommendation).toList();
        return Page.of(items, page, size, count::getSingleResult);
    }

    /**
     * Marks a pending recommendation SUPERSEDED and frees the patient's ladder slot at once, so that the new ladder
     * move can take it in the same transaction. One update by id, as a flush of the loaded entity would send, without
     * loading it: the caller holds the patient's live state locked, so nothing decides it meanwhile. The version moves
     * on, as a clinician's decision moves it, so an If-Match on the old version is refused.
     */
    public void supersede(UUID recommendationId, UUID supersededBy, Instant now) {
        entityManager.createQuery("update RecommendationEntity set status = :superseded, pendingLadderSlot = null,"
                        + " supersededBy = :supersededBy, decidedAt = :now, version = version + 1 where id = :id")
                .setParameter("superseded", RecommendationStatus.SUPERSEDED.name())
                .setParameter("supersededBy", supersededBy)
                .setParameter("now", now)
                .setParameter("id", recommendationId)
                .executeUpdate();
    }

    /**
     * Records a clinician's decision (ACCEPTED or REJECTED); the version moves on.
     *
     * @param overrideReason the reason picked in the EHR when the card was overridden there, else null
     */
    public Recommendation decide(UUID recommendationId, RecommendationStatus decision, String clinician, String note,
                                 OverrideReason overrideReason, Instant decidedAt) {
        RecommendationEntity entity = entityManager.find(RecommendationEntity.class, recommendationId);
        copyStatus(decision, entity);
        entity.decidedBy = clinician;
        entity.decidedAt = decidedAt;
        entity.decisionNote = note;
        if (overrideReason != null) {
            entity.overrideReasonSystem = overrideReason.system();
            entity.overrideReasonCode = overrideReason.code();
            entity.overrideReasonDisplay = overrideReason.display();
            entity.overrideUserComment = overrideReason.userComment();
        }
        entityManager.flush();
        return toRecommendation(entity);
    }

    private static void copyStatus(RecommendationStatus status, RecommendationEntity entity) {
        entity.status = status.name();
        boolean holdsTheSlot = status == RecommendationStatus.PENDING && entity.ladderMove;
        entity.pendingLadderSlot = holdsTheSlot ? entity.patientId : null;
    }

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException("The engine's evidence or proposal is not JSON-friendly", unwritable);
        }
    }

    private Map<String, Object> object(String json) {
        try {
            return exactReader.readValue(json);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("A stored recommendation's JSON cannot be read", unreadable);
        }
    }

    private List<SafetyCheck> safetyChecks(String json) {
        try {
            return objectMapper.readValue(json, SAFETY_CHECKS);
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("A stored recommendation's safety checks cannot be read", unreadable);
        }
    }

    @SuppressWarnings("unchecked")
    private Evidence evidence(String json) {
        Map<String, Object> evidence = object(json);
        List<UUID> assessmentIds = ((List<String>) evidence.getOrDefault("assessmentIds", List.of())).stream()
                .map(UUID::fromString).toList();
        List<Integer> scores = ((List<Number>) evidence.getOrDefault("scores", List.of())).stream()
                .map(Number::intValue).toList();
        Object omedd = evidence.get("omeddMg");
        return new Evidence(assessmentIds, scores, omedd == null ? null : new BigDecimal(omedd.toString()),
                (Map<String, Object>) evidence.get("thresholds"), (Map<String, Object>) evidence.get("facts"));
    }

    private Recommendation toRecommendation(RecommendationEntity entity) {
        ProposedRecommendation advice = new ProposedRecommendation(RecommendationType.valueOf(entity.type),
                RuleId.fromCode(entity.ruleId), entity.rulesVersion, entity.rationale, evidence(entity.evidence),
                object(entity.proposal), safetyChecks(entity.safetyChecks));
        return new Recommendation(entity.id, entity.patientId, entity.createdAt, advice, entity.fingerprint,
                entity.regimenVersion, entity.createdByAssessmentId, RecommendationStatus.valueOf(entity.status),
                entity.decidedBy, entity.decidedAt, entity.decisionNote, entity.supersededBy, entity.version,
                entity.overrideReasonCode == null && entity.overrideUserComment == null ? null
                        : new OverrideReason(entity.overrideReasonSystem, entity.overrideReasonCode,
                        entity.overrideReasonDisplay, entity.overrideUserComment));
    }
}

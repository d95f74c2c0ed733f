package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.AdverseEffect;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.AssessmentKind;
import org.painladder.domain.pain.AssessmentSource;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.pain.PainCourse;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainScale;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.pain.RecordedAssessment;
import org.painladder.domain.pain.RedFlag;
import org.painladder.domain.pain.Severity;

/** Each patient's pain timeline. Every query is keyed by patient and served by the (patient, recordedAt) index. */
@ApplicationScoped
public class PainAssessments {

    private final EntityManager entityManager;

    PainAssessments(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<RecordedAssessment> findByExternalId(UUID patientId, String externalId) {
        return entityManager.createQuery(
                        "from PainAssessmentEntity where patientId = :patientId and externalId = :externalId",
                        PainAssessmentEntity.class)
                .setParameter("patientId", patientId)
                .setParameter("externalId", externalId)
                .getResultStream()
                .findFirst()
                .map(PainAssessments::toRecorded);
    }

    public Optional<RecordedAssessment> find(UUID assessmentId) {
        return Optional.ofNullable(entityManager.find(PainAssessmentEntity.class, assessmentId))
                .map(PainAssessments::toRecorded);
    }

    public Optional<RecordedAssessment> find(UUID patientId, UUID assessmentId) {
        PainAssessmentEntity entity = entityManager.find(PainAssessmentEntity.class, assessmentId);
        return entity == null || !entity.patientId.equals(patientId) ? Optional.empty() : Optional.of(toRecorded(entity));
    }

    /** @throws DuplicateExternalIdException when a concurrent retry stored the same externalId first */
    public RecordedAssessment insert(RecordedAssessment recorded) {
        PainAssessmentEntity entity = toEntity(recorded);
        try {
            entityManager.persist(entity);
            entityManager.flush();
        } catch (PersistenceException failure) {
            if (ConstraintViolations.isViolationOf(failure, "uq_pain_assessment_external")) {
                throw new DuplicateExternalIdException(failure);
            }
            throw failure;
        }
        return toRecorded(entity);
    }

    /**
     * Records the refractory case the evaluation left the patient with; the refractory step runs after the
     * assessment is stored, because REF-01 reads it in the window.
     */
    public RecordedAssessment recordRefractoryCase(RecordedAssessment recorded, UUID refractoryCaseId) {
        PainAssessmentEntity entity = entityManager.find(PainAssessmentEntity.class, recorded.assessment().id());
        entity.evaluatedRefractoryCaseId = refractoryCaseId;
        return toRecorded(entity);
    }

    /** Newest first by recordedAt; {@code from} inclusive, {@code to} exclusive, either may be null. */
    public Page<RecordedAssessment> timeline(UUID patientId, Instant from, Instant to, int page, int size) {
        String where = " where patientId = :patientId and recordedAt >= :from and recordedAt < :to";
        Instant lower = from == null ? Instant.EPOCH : from;
        Instant upper = to == null ? Instant.parse("9999-12-31T00:00:00Z") : to;
        long total = entityManager.createQuery("select count(a) from PainAssessmentEntity a" + where, Long.class)
                .setParameter("patientId", patientId).setParameter("from", lower).setParameter("to", upper)
                .getSingleResult();
        List<RecordedAssessment> items = entityManager
                .createQuery("from PainAssessmentEntity" + where + " order by recordedAt desc, receivedAt desc",
                        PainAssessmentEntity.class)
                .setParameter("patientId", patientId).setParameter("from", lower).setParameter("to", upper)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultStream()
                .map(PainAssessments::toRecorded)
                .toList();
        return new Page<>(items, page, size, total);
    }

    /** The assessments recorded in [from, to], oldest first: the bounded window a trend or a rule needs. */
    public List<PainAssessment> window(UUID patientId, Instant from, Instant to) {
        return entityManager.createQuery("from PainAssessmentEntity where patientId = :patientId"
                        + " and recordedAt >= :from and recordedAt <= :to order by recordedAt", PainAssessmentEntity.class)
                .setParameter("patientId", patientId).setParameter("from", from).setParameter("to", to)
                .getResultStream()
                .map(entity -> toRecorded(entity).assessment())
                .toList();
    }

    private static PainAssessmentEntity toEntity(RecordedAssessment recorded) {
        PainAssessment assessment = recorded.assessment();
        PainAssessmentEntity entity = new PainAssessmentEntity();
        entity.id = assessment.id();
        entity.patientId = recorded.patientId();
        entity.externalId = recorded.externalId();
        entity.contentHash = recorded.contentHash();
        entity.recordedAt = assessment.recordedAt();
        entity.receivedAt = recorded.receivedAt();
        entity.scale = assessment.scale().name();
        entity.rawValue = assessment.rawValue();
        entity.score = assessment.score();
        entity.kind = assessment.kind().name();
        entity.site = assessment.site() == null ? null : assessment.site().name();
        entity.mechanism = assessment.mechanism().name();
        entity.course = assessment.course().name();
        entity.acuteCause = assessment.acuteCause() == null ? null : assessment.acuteCause().name();
        entity.breakthroughEpisodes24h = assessment.breakthroughEpisodes24h();
        entity.adverseEffects = assessment.adverseEffects().stream()
                .map(effect -> effect.type().name() + ":" + effect.severity().name())
                .collect(Collectors.joining(","));
        entity.source = recorded.source().name();
        entity.breakthroughType = assessment.breakthroughType() == null ? null : assessment.breakthroughType().name();
        entity.redFlags = EnumSets.join(assessment.redFlags());
        entity.evaluatedLadderStep = recorded.evaluation().ladderStep();
        entity.evaluatedPainControl = recorded.evaluation().painControl().name();
        entity.evaluatedRefractoryCaseId = recorded.evaluation().refractoryCaseId();
        return entity;
    }

    private static RecordedAssessment toRecorded(PainAssessmentEntity entity) {
        List<AdverseEffect> effects = new ArrayList<>();
        if (!entity.adverseEffects.isBlank()) {
            Arrays.stream(entity.adverseEffects.split(",")).map(pair -> pair.split(":"))
                    .forEach(pair -> effects.add(new AdverseEffect(AdverseEffectType.valueOf(pair[0]),
                            Severity.valueOf(pair[1]))));
        }
        PainAssessment assessment = new PainAssessment(entity.id, entity.recordedAt,
                PainScale.valueOf(entity.scale), entity.rawValue, entity.score,
                AssessmentKind.valueOf(entity.kind),
                entity.site == null ? null : PainSite.valueOf(entity.site),
                PainMechanism.valueOf(entity.mechanism), PainCourse.valueOf(entity.course),
                entity.acuteCause == null ? null : AcuteCause.valueOf(entity.acuteCause),
                entity.breakthroughEpisodes24h, effects,
                entity.breakthroughType == null ? null : BreakthroughType.valueOf(entity.breakthroughType),
                EnumSets.split(entity.redFlags, RedFlag.class));
        RecordedAssessment.Evaluation evaluation = new RecordedAssessment.Evaluation(entity.evaluatedLadderStep,
                PainControl.valueOf(entity.evaluatedPainControl), entity.evaluatedRefractoryCaseId);
        return new RecordedAssessment(entity.patientId, entity.externalId, assessment,
                AssessmentSource.valueOf(entity.source), entity.receivedAt, entity.contentHash, evaluation);
    }
}

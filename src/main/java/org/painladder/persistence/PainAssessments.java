package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
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

    /** The columns the rules use, in the order {@link #windowAssessment} reads them. */
    private static final String WINDOW_COLUMNS = "select id, recordedAt, scale, rawValue, score, kind, site, mechanism,"
            + " course, acuteCause, breakthroughEpisodes24h, adverseEffects, breakthroughType, redFlags";

    private final EntityManager entityManager;

    PainAssessments(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The look-back window [from, to] of {@link #window}, and the assessment already stored under {@code externalId}
     * wherever it lies in time (null when none is, or {@code externalId} is null).
     */
    public record WindowAndRetry(List<PainAssessment> window, UUID storedUnderExternalId, Instant from, Instant to) {

        /** The window once {@code arrived} is stored: oldest first, after the stored ones recorded at the same time. */
        public List<PainAssessment> joinedBy(PainAssessment arrived) {
            List<PainAssessment> joined = new ArrayList<>(window);
            if (within(arrived.recordedAt(), from, to)) {
                int at = 0;
                while (at < joined.size() && !joined.get(at).recordedAt().isAfter(arrived.recordedAt())) {
                    at++;
                }
                joined.add(at, arrived);
            }
            return joined;
        }
    }

    public Optional<RecordedAssessment> find(UUID assessmentId) {
        return Optional.ofNullable(entityManager.find(PainAssessmentEntity.class, assessmentId))
                .map(PainAssessments::toRecorded);
    }

    /** The stored assessment as it is now, after a correction written with SQL of its own in this transaction. */
    public RecordedAssessment reread(UUID assessmentId) {
        PainAssessmentEntity entity = entityManager.find(PainAssessmentEntity.class, assessmentId);
        entityManager.refresh(entity);
        return toRecorded(entity);
    }

    public Optional<RecordedAssessment> find(UUID patientId, UUID assessmentId) {
        PainAssessmentEntity entity = entityManager.find(PainAssessmentEntity.class, assessmentId);
        return entity == null || !entity.patientId.equals(patientId) ? Optional.empty() : Optional.of(toRecorded(entity));
    }

    /**
     * Records the refractory case the evaluation left the patient with; the refractory step runs after the
     * assessment is stored, because REF-01 reads it in the window.
     */
    public RecordedAssessment recordRefractoryCase(RecordedAssessment recorded, UUID refractoryCaseId) {
        entityManager.createQuery("update PainAssessmentEntity set evaluatedRefractoryCaseId = :caseId where id = :id")
                .setParameter("caseId", refractoryCaseId).setParameter("id", recorded.assessment().id())
                .executeUpdate();
        RecordedAssessment.Evaluation evaluation = recorded.evaluation();
        return new RecordedAssessment(recorded.patientId(), recorded.externalId(), recorded.assessment(),
                recorded.source(), recorded.receivedAt(), recorded.contentHash(),
                new RecordedAssessment.Evaluation(evaluation.ladderStep(), evaluation.painControl(), refractoryCaseId));
    }

    /**
     * A page of the patient's timeline, newest first by recordedAt ({@code from} inclusive, {@code to} exclusive, either
     * may be null), or empty for an unknown patient. The live state's count of the whole timeline comes with the page
     * in one statement, as a subquery evaluated once: the page is still read from the index in order, where a join to
     * the state read and sorted every score. A page with a score also says the patient exists. Only an empty page
     * needs a second look at the state, and only a full filtered page a count.
     */
    public Optional<Page<RecordedAssessment>> timeline(UUID patientId, Instant from, Instant to, int page, int size) {
        // An open end is no bound at all, not a stand-in date: every acknowledged score is listed, however old.
        // A score retracted as entered in error is kept for the audit trail but is no longer part of the timeline.
        String range = " where a.patientId = :patientId and a.retractedAt is null"
                + (from == null ? "" : " and a.recordedAt >= :from")
                + (to == null ? "" : " and a.recordedAt < :to");
        List<Object[]> rows = inRange(entityManager.createQuery("select (select s.assessmentCount from"
                        + " PatientStateEntity s where s.patientId = :patientId), a from PainAssessmentEntity a" + range
                        + " order by a.recordedAt desc, a.receivedAt desc", Object[].class), patientId, from, to)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        if (rows.isEmpty() && entityManager.find(PatientStateEntity.class, patientId) == null) {
            return Optional.empty();
        }
        List<RecordedAssessment> items = rows.stream().map(row -> toRecorded((PainAssessmentEntity) row[1])).toList();
        return Optional.of(Page.of(items, page, size, () -> from == null && to == null
                ? (rows.isEmpty() ? storedCount(patientId) : (Long) rows.get(0)[0])
                : inRange(entityManager.createQuery("select count(a) from PainAssessmentEntity a" + range, Long.class),
                patientId, from, to).getSingleResult()));
    }

    private static <T> TypedQuery<T> inRange(TypedQuery<T> query, UUID patientId, Instant from, Instant to) {
        query.setParameter("patientId", patientId);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }

    /** The whole timeline's length as the live state keeps it: counting a long history on every read does not scale. */
    private long storedCount(UUID patientId) {
        PatientStateEntity state = entityManager.find(PatientStateEntity.class, patientId);
        return state == null ? 0 : state.assessmentCount;
    }

    /**
     * The assessments recorded in [from, to], oldest first: the bounded window a trend or a rule needs. Read as the
     * columns the rules use, not as entities, so that the window is neither hydrated into nor dirty-checked by the
     * persistence context.
     */
    public List<PainAssessment> window(UUID patientId, Instant from, Instant to) {
        return entityManager.createQuery(WINDOW_COLUMNS + " from PainAssessmentEntity where patientId = :patientId"
                        + " and recordedAt >= :from and recordedAt <= :to and retractedAt is null order by recordedAt",
                        Object[].class)
                .setParameter("patientId", patientId).setParameter("from", from).setParameter("to", to)
                .getResultStream().map(PainAssessments::windowAssessment).toList();
    }

    /** A trend's window and what the live state says of the patient's procedures (null when none was recorded). */
    public record TrendWindow(List<PainAssessment> assessments, Instant latestProcedureAt) {
    }

    /**
     * {@link #window} with the live state's latest procedure time, or empty for an unknown patient: one statement, as
     * the timeline reads its count. A window with a score says the patient exists; only an empty one needs the state.
     */
    public Optional<TrendWindow> trendWindow(UUID patientId, Instant from, Instant to) {
        List<Object[]> rows = entityManager.createQuery(WINDOW_COLUMNS + ", (select s.latestProcedureAt"
                        + " from PatientStateEntity s where s.patientId = :patientId) from PainAssessmentEntity"
                        + " where patientId = :patientId and recordedAt >= :from and recordedAt <= :to"
                        + " and retractedAt is null order by recordedAt", Object[].class)
                .setParameter("patientId", patientId).setParameter("from", from).setParameter("to", to)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.ofNullable(entityManager.find(PatientStateEntity.class, patientId))
                    .map(state -> new TrendWindow(List.of(), state.latestProcedureAt));
        }
        return Optional.of(new TrendWindow(rows.stream().map(PainAssessments::windowAssessment).toList(),
                (Instant) rows.get(0)[14]));
    }

    /**
     * The columns of {@link #windowAndRetry}'s rows: the rules' columns, the externalId, then when the row was
     * retracted (a retracted row is read only as the one stored under the externalId).
     */
    static final String WINDOW_AND_EXTERNAL_ID_COLUMNS = "id, recorded_at, scale, raw_value, score, kind, site,"
            + " mechanism, course, acute_cause, breakthrough_episodes_24h, adverse_effects, breakthrough_type,"
            + " red_flags, external_id, retracted_at";
    static final Class<?>[] WINDOW_AND_EXTERNAL_ID_TYPES = {UUID.class, Instant.class, String.class, String.class,
            Integer.class, String.class, String.class, String.class, String.class, String.class, Integer.class,
            String.class, String.class, String.class, String.class, Instant.class};

    /**
     * The window [from, to] and the assessment stored under {@code externalId}, from the rows of a read of both
     * (oldest first, in {@link #WINDOW_AND_EXTERNAL_ID_COLUMNS}' order). Read under the patient's lock, by a
     * statement that starts after the lock was granted, it holds every assessment committed before: a concurrent
     * retry that stored the same externalId first is found, wherever in time it lies.
     */
    static WindowAndRetry windowAndRetry(List<Object[]> rows, Instant from, Instant to, String externalId) {
        List<PainAssessment> window = new ArrayList<>();
        UUID stored = null;
        for (Object[] row : rows) {
            PainAssessment assessment = windowAssessment(row);
            if (externalId != null && externalId.equals(row[14])) {
                stored = assessment.id();
            }
            if (row[15] == null && within(assessment.recordedAt(), from, to)) {
                window.add(assessment);
            }
        }
        return new WindowAndRetry(window, stored, from, to);
    }

    private static boolean within(Instant recordedAt, Instant from, Instant to) {
        return !recordedAt.isBefore(from) && !recordedAt.isAfter(to);
    }

    private static PainAssessment windowAssessment(Object[] row) {
        return assessment((UUID) row[0], (Instant) row[1], (String) row[2], (String) row[3], (Integer) row[4],
                (String) row[5], (String) row[6], (String) row[7], (String) row[8], (String) row[9],
                (Integer) row[10], (String) row[11], (String) row[12], (String) row[13]);
    }

    static PainAssessmentEntity toEntity(RecordedAssessment recorded) {
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

    private static PainAssessment assessment(UUID id, Instant recordedAt, String scale, String rawValue, Integer score,
                                             String kind, String site, String mechanism, String course,
                                             String acuteCause, Integer breakthroughEpisodes24h,
                                             String adverseEffects, String breakthroughType, String redFlags) {
        List<AdverseEffect> effects = new ArrayList<>();
        if (!adverseEffects.isBlank()) {
            Arrays.stream(adverseEffects.split(",")).map(pair -> pair.split(":"))
                    .forEach(pair -> effects.add(new AdverseEffect(AdverseEffectType.valueOf(pair[0]),
                            Severity.valueOf(pair[1]))));
        }
        return new PainAssessment(id, recordedAt, PainScale.valueOf(scale), rawValue, score,
                AssessmentKind.valueOf(kind), site == null ? null : PainSite.valueOf(site),
                PainMechanism.valueOf(mechanism), PainCourse.valueOf(course),
                acuteCause == null ? null : AcuteCause.valueOf(acuteCause), breakthroughEpisodes24h, effects,
                breakthroughType == null ? null : BreakthroughType.valueOf(breakthroughType),
                EnumSets.split(redFlags, RedFlag.class));
    }

    private static RecordedAssessment toRecorded(PainAssessmentEntity entity) {
        PainAssessment assessment = assessment(entity.id, entity.recordedAt, entity.scale, entity.rawValue,
                entity.score, entity.kind, entity.site, entity.mechanism, entity.course, entity.acuteCause,
                entity.breakthroughEpisodes24h, entity.adverseEffects, entity.breakthroughType, entity.redFlags);
        RecordedAssessment.Evaluation evaluation = new RecordedAssessment.Evaluation(entity.evaluatedLadderStep,
                PainControl.valueOf(entity.evaluatedPainControl), entity.evaluatedRefractoryCaseId);
        RecordedAssessment.Amendment amendment = entity.amendedAt == null ? null : new RecordedAssessment.Amendment(
                RecordedAssessment.AmendedAs.valueOf(entity.amendedAs), entity.amendedAt, entity.amendedBy,
                entity.originalRawValue, entity.originalScore, entity.originalRecordedAt);
        RecordedAssessment.Retraction retraction = entity.retractedAt == null ? null
                : new RecordedAssessment.Retraction(entity.retractedAt, entity.retractedBy);
        return new RecordedAssessment(entity.patientId, entity.externalId, assessment,
                AssessmentSource.valueOf(entity.source), entity.receivedAt, entity.contentHash, evaluation, amendment,
                retraction);
    }

    /** The newest assessment that stands and the newest background one, for the live state after a correction. */
    public record Latest(PainAssessment latest, PainAssessment latestBackground) {
    }

    /**
     * "Newest" as the live state says it: by recordedAt, and on a tie the later arrival; "background" as
     * {@link PainAssessment#isBackground()} says it.
     */
    public Latest latestStanding(UUID patientId) {
        return new Latest(newestStanding(patientId, ""), newestStanding(patientId,
                " and kind = :background and (course = :chronic or acuteCause is null)"));
    }

    private PainAssessment newestStanding(UUID patientId, String filter) {
        TypedQuery<Object[]> query = entityManager.createQuery(WINDOW_COLUMNS + " from PainAssessmentEntity"
                        + " where patientId = :patientId and retractedAt is null" + filter
                        + " order by recordedAt desc, receivedAt desc", Object[].class)
                .setParameter("patientId", patientId).setMaxResults(1);
        if (!filter.isEmpty()) {
            query.setParameter("background", AssessmentKind.BACKGROUND.name())
                    .setParameter("chronic", PainCourse.CHRONIC.name());
        }
        return query.getResultStream().map(PainAssessments::windowAssessment).findFirst().orElse(null);
    }
}

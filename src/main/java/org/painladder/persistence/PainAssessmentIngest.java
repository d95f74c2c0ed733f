package org.painladder.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.EntityKey;
import org.hibernate.engine.spi.SessionImplementor;
import org.painladder.domain.ladder.RecommendationStatus;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.RecordedAssessment;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.persistence.RoundTrip.Statement;

/**
 * An arriving pain score's reads and writes, in two round trips on PostgreSQL (issue 14): one locks the patient's
 * live state and reads, behind the lock, everything the rules look at; the other stores the score with the live
 * state it moves on and the open refractory case's figures. The audit append and the commit follow. Neither loads an
 * entity: the live state is written here, so no stale copy of it may stay in the persistence context, and none is put
 * there.
 */
@ApplicationScoped
public class PainAssessmentIngest {

    /**
     * The live state with its patient and the open refractory case's control streak, the state's row locked (on
     * PostgreSQL only that row: see {@link #lock}).
     */
    private static final String LOCKED_PATIENT = "select s.ladder_step, s.ladder_since, s.latest_score,"
            + " s.latest_assessed_at, s.latest_btp_episodes_24h, s.latest_background_score, s.latest_background_at,"
            + " s.pain_control, s.omedd_mg, s.refractory, s.open_refractory_case_id, s.current_regimen_id,"
            + " s.latest_procedure_at, p.id, p.mrn, p.birth_year, p.sex, p.icd10,"
            + " p.primary_site, p.metastatic, p.bone_metastases, p.life_expectancy_months, p.contraindications,"
            + " p.pain_conditions, p.status, p.renal_egfr, p.renal_dialysis, p.renal_measured_at,"
            + " p.hepatic_impairment, p.frail, p.weight_kg, p.unable_to_swallow, p.created_at, p.updated_at,"
            + " p.version, c.id, c.controlled_since, p.status_since from patient_state s"
            + " join patient p on p.id = s.patient_id"
            + " left join refractory_case c on c.open_slot = s.patient_id where s.patient_id = ?";
    private static final Class<?>[] LOCKED_PATIENT_TYPES = {Integer.class, Instant.class, Integer.class,
            Instant.class, Integer.class, Integer.class, Instant.class, String.class, BigDecimal.class, Boolean.class,
            UUID.class, UUID.class, Instant.class, UUID.class, String.class, Integer.class, String.class,
            String.class, String.class, Boolean.class, Boolean.class, Integer.class, String.class, String.class,
            String.class, Double.class, String.class, Instant.class, String.class, Boolean.class, Double.class,
            Boolean.class, Instant.class, Instant.class, Long.class, UUID.class, Instant.class, Instant.class};

    private static final String WINDOW_AND_RETRY = "select " + PainAssessments.WINDOW_AND_EXTERNAL_ID_COLUMNS
            + " from pain_assessment where patient_id = ? and (recorded_at >= ? and recorded_at <= ?"
            + " or external_id = ?) order by recorded_at";

    /** Pending advice, and advice accepted under the regimen the live state names (version 0: none yet). */
    private static final String OPEN_ADVICE = "select " + Recommendations.OPEN_ADVICE_COLUMNS
            + " from recommendation where patient_id = ? and (status = ? or (status = ? and regimen_version ="
            + " coalesce((select r.version from patient_state s join regimen r on r.id = s.current_regimen_id"
            + " where s.patient_id = ?), 0))) order by created_at, rule_id";

    /**
     * The regimen in force at the look-back's start and every later one, with their items, unless the live state
     * still names the current regimen this replica remembers with its look-back (the last parameter).
     */
    private static final String REGIMENS_IN_FORCE = "select " + Regimens.REGIMEN_AND_ITEM_COLUMNS
            + " from regimen r left join regimen_item i on i.regimen_id = r.id where r.patient_id = ?"
            + " and (r.effective_at > ? or r.version = (select max(o.version) from regimen o where o.patient_id = ?"
            + " and o.effective_at <= ?)) and (select s.current_regimen_id from patient_state s"
            + " where s.patient_id = ?) is distinct from ? order by r.version, i.item_index";

    private static final String INSERT_ASSESSMENT = "insert into pain_assessment (id, patient_id, external_id,"
            + " content_hash, recorded_at, received_at, scale, raw_value, score, kind, site, mechanism, course,"
            + " acute_cause, breakthrough_episodes_24h, adverse_effects, source, breakthrough_type, red_flags,"
            + " evaluated_ladder_step, evaluated_pain_control, evaluated_refractory_case_id)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The live state moved on by one more assessment (its status, regimen and procedure stay as they are). */
    private static final String UPDATE_STATE = "update patient_state set ladder_step = ?, ladder_since = ?,"
            + " latest_score = ?, latest_assessed_at = ?, latest_btp_episodes_24h = ?, latest_background_score = ?,"
            + " latest_background_at = ?, pain_control = ?, omedd_mg = ?, refractory = ?, open_refractory_case_id = ?,"
            + " updated_at = ?, assessment_count = assessment_count + 1 where patient_id = ?";

    /** The open case's worklist figures moved on with the live state (its status and version stay). */
    private static final String UPDATE_OPEN_CASE = "update refractory_case set latest_score = ?, omedd_mg = ?,"
            + " controlled_since = ?, updated_at = ? where id = ?";

    /**
     * A correction of a stored score: the new reading and time, the first ones kept (a later amendment keeps the
     * first original). Every right-hand side reads the row as it was before this update.
     */
    private static final String AMEND_ASSESSMENT = "update pain_assessment set original_raw_value ="
            + " coalesce(original_raw_value, raw_value), original_score = coalesce(original_score, score),"
            + " original_recorded_at = coalesce(original_recorded_at, recorded_at), recorded_at = ?, scale = ?,"
            + " raw_value = ?, score = ?, content_hash = ?, amended_as = ?, amended_at = ?, amended_by = ?"
            + " where id = ? and retracted_at is null";

    private static final String RETRACT_ASSESSMENT = "update pain_assessment set retracted_at = ?, retracted_by = ?"
            + " where id = ? and retracted_at is null";

    /** The live state's latest values as the standing scores give them; a retraction leaves the count. */
    private static final String CORRECT_STATE = "update patient_state set latest_score = ?, latest_assessed_at = ?,"
            + " latest_btp_episodes_24h = ?, latest_background_score = ?, latest_background_at = ?, pain_control = ?,"
            + " updated_at = ?, assessment_count = assessment_count - ? where patient_id = ?";

    private static final String CORRECT_OPEN_CASE = "update refractory_case set latest_score = ?, updated_at = ?"
            + " where id = ?";

    /**
     * What the rules evaluate an arriving score against, read under the patient's lock.
     *
     * @param recent            the look-back window and the assessment already stored under the externalId, if any
     * @param openAdvice        the advice the rules must not give again
     * @param regimens          the regimens in force over the regimens' look-back, the current one last; empty for a
     *                          patient without one
     * @param latestProcedureAt when the patient's latest procedure was performed, null when none was recorded
     * @param openCase          the refractory case the live state names as open, null when it names none
     */
    public record Snapshot(Patient patient, PainAssessments.WindowAndRetry recent,
                           Recommendations.OpenAdvice openAdvice, List<RecordedRegimen> regimens,
                           Instant latestProcedureAt, OpenCase openCase) {
    }

    /**
     * A refractory case that is not CLOSED, as far as the refresh of its figures with a new score needs it.
     *
     * @param controlledSince its control streak (REF-02), null when pain is not controlled
     */
    public record OpenCase(UUID id, Instant controlledSince) {
    }

    private final EntityManager entityManager;
    private final Regimens regimens;

    PainAssessmentIngest(EntityManager entityManager, Regimens regimens) {
        this.entityManager = entityManager;
        this.regimens = regimens;
    }

    /**
     * Locks the patient's live state until the transaction ends, so that facts about one patient are applied one
     * after the other, and reads behind the lock, in the same round trip: the window [windowFrom, windowTo] with any
     * assessment stored under {@code externalId}, the open advice, and the regimens in force since
     * {@code regimensFrom}. Empty for an unknown patient.
     */
    public Optional<Snapshot> lockAndRead(UUID patientId, Instant windowFrom, Instant windowTo, String externalId,
                                          Instant regimensFrom) {
        forgetLoadedState(patientId);
        UUID rememberedRegimen = regimens.rememberedCurrent(patientId, regimensFrom);
        List<Object[]> patientRows = new ArrayList<>();
        List<Object[]> windowRows = new ArrayList<>();
        List<Object[]> adviceRows = new ArrayList<>();
        List<Object[]> regimenRows = new ArrayList<>();
        RoundTrip.run(entityManager,
                Statement.query(LOCKED_PATIENT + lock(), rows -> patientRows.addAll(
                        RoundTrip.values(rows, LOCKED_PATIENT_TYPES)), patientId),
                Statement.query(WINDOW_AND_RETRY, rows -> windowRows.addAll(
                                RoundTrip.values(rows, PainAssessments.WINDOW_AND_EXTERNAL_ID_TYPES)),
                        patientId, windowFrom, windowTo, externalId),
                Statement.query(OPEN_ADVICE, rows -> adviceRows.addAll(
                                RoundTrip.values(rows, Recommendations.OPEN_ADVICE_TYPES)),
                        patientId, RecommendationStatus.PENDING.name(), RecommendationStatus.ACCEPTED.name(),
                        patientId),
                Statement.query(REGIMENS_IN_FORCE, rows -> regimenRows.addAll(
                                RoundTrip.values(rows, Regimens.REGIMEN_AND_ITEM_TYPES)),
                        patientId, regimensFrom, patientId, regimensFrom, patientId, rememberedRegimen));
        if (patientRows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = patientRows.get(0);
        UUID currentRegimenId = (UUID) row[11];
        boolean regimensRead = !Objects.equals(currentRegimenId, rememberedRegimen);
        return Optional.of(new Snapshot(patientOf(row),
                PainAssessments.windowAndRetry(windowRows, windowFrom, windowTo, externalId),
                Recommendations.openAdvice(adviceRows),
                regimens.inForceSince(patientId, currentRegimenId, regimensFrom,
                        regimensRead ? regimens.fromColumns(patientId, regimenRows) : null),
                (Instant) row[12], openCaseNamedByState(row)));
    }

    /** Opening and closing a case name it in the live state; a case the state does not name is left alone here. */
    private static OpenCase openCaseNamedByState(Object[] row) {
        UUID named = (UUID) row[10];
        return named != null && named.equals(row[35]) ? new OpenCase(named, (Instant) row[36]) : null;
    }

    /**
     * Stores the assessment with the live state it moved on and the open case's figures, in one round trip. The
     * caller holds the patient's live state locked ({@link #lockAndRead}).
     *
     * @param openCase the snapshot's open case with its control streak after the assessment, or null when none
     * @throws DuplicateExternalIdException when the database's unique constraint refuses the externalId
     */
    public void store(RecordedAssessment recorded, LiveState state, OpenCase openCase, Instant now) {
        PainAssessmentEntity row = PainAssessments.toEntity(recorded);
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.changeOfOneRow(INSERT_ASSESSMENT, row.id, row.patientId, row.externalId,
                row.contentHash, row.recordedAt, row.receivedAt, row.scale, row.rawValue, row.score, row.kind, row.site,
                row.mechanism, row.course, row.acuteCause, row.breakthroughEpisodes24h, row.adverseEffects, row.source,
                row.breakthroughType, row.redFlags, row.evaluatedLadderStep, row.evaluatedPainControl,
                row.evaluatedRefractoryCaseId));
        statements.add(Statement.changeOfOneRow(UPDATE_STATE, state.ladderStep(), state.ladderSince(),
                state.latestScore(), state.latestAssessedAt(), state.latestBreakthroughEpisodes24h(),
                state.latestBackgroundScore(), state.latestBackgroundAt(), state.painControl().name(), state.omeddMg(),
                state.refractory(), state.openRefractoryCaseId(), now, recorded.patientId()));
        if (openCase != null) {
            statements.add(Statement.changeOfOneRow(UPDATE_OPEN_CASE, state.latestScore(), state.omeddMg(),
                    openCase.controlledSince(), now, openCase.id()));
        }
        try {
            RoundTrip.run(entityManager, statements.toArray(Statement[]::new));
        } catch (PersistenceException failure) {
            if (ConstraintViolations.isViolationOf(failure, "uq_pain_assessment_external")) {
                throw new DuplicateExternalIdException(failure);
            }
            throw failure;
        }
    }

    /**
     * Replaces a stored score's reading and time by the sender's correction. The caller holds the patient's live
     * state locked ({@link #lockAndRead}) and then moves the state on with {@link #storeCorrectedState}.
     */
    public void amend(UUID assessmentId, PainAssessment corrected, String contentHash,
                      RecordedAssessment.AmendedAs as, String by, Instant now) {
        RoundTrip.run(entityManager, Statement.changeOfOneRow(AMEND_ASSESSMENT, corrected.recordedAt(),
                corrected.scale().name(), corrected.rawValue(), corrected.score(), contentHash, as.name(), now, by,
                assessmentId));
    }

    /** Marks a stored score entered in error; the row stays. The caller holds the lock, as for {@link #amend}. */
    public void retract(UUID assessmentId, String by, Instant now) {
        RoundTrip.run(entityManager, Statement.changeOfOneRow(RETRACT_ASSESSMENT, now, by, assessmentId));
    }

    /**
     * The live state after a correction, and the open case's latest score with it.
     *
     * @param retracted whether a score left the timeline (its count)
     * @param openCase  the snapshot's open case, or null when none
     */
    public void storeCorrectedState(UUID patientId, LiveState state, boolean retracted, OpenCase openCase,
                                    Instant now) {
        List<Statement> statements = new ArrayList<>();
        statements.add(Statement.changeOfOneRow(CORRECT_STATE, state.latestScore(), state.latestAssessedAt(),
                state.latestBreakthroughEpisodes24h(), state.latestBackgroundScore(), state.latestBackgroundAt(),
                state.painControl().name(), now, retracted ? 1 : 0, patientId));
        if (openCase != null) {
            statements.add(Statement.changeOfOneRow(CORRECT_OPEN_CASE, state.latestScore(), now, openCase.id()));
        }
        RoundTrip.run(entityManager, statements.toArray(Statement[]::new));
    }

    /**
     * PostgreSQL locks only the live state's row, as Hibernate's pessimistic write lock does: the patient's own row
     * stays free for a profile update, which locks it first and the state after, so an ingest never waits for it
     * while holding the state; and no key changes, so the lock need not keep out references to the row. H2 has no
     * lock clause naming one table of a join.
     */
    private String lock() {
        return entityManager.unwrap(SessionImplementor.class).getJdbcServices().getDialect()
                instanceof PostgreSQLDialect ? " for no key update of s" : " for update";
    }

    /**
     * The live state is written with SQL of its own here; a copy loaded earlier in the transaction would be stale
     * afterwards, and a later flush of it would undo the write. So any such copy is flushed and let go first.
     */
    private void forgetLoadedState(UUID patientId) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        EntityKey key = session.generateEntityKey(patientId, session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(PatientStateEntity.class));
        Object loaded = session.getPersistenceContextInternal().getEntity(key);
        if (loaded != null) {
            entityManager.flush();
            entityManager.detach(loaded);
        }
    }

    private static Patient patientOf(Object[] row) {
        PatientStateEntity state = new PatientStateEntity();
        state.ladderStep = (Integer) row[0];
        state.ladderSince = (Instant) row[1];
        state.latestScore = (Integer) row[2];
        state.latestAssessedAt = (Instant) row[3];
        state.latestBtpEpisodes24h = (Integer) row[4];
        state.latestBackgroundScore = (Integer) row[5];
        state.latestBackgroundAt = (Instant) row[6];
        state.painControl = (String) row[7];
        state.omeddMg = (BigDecimal) row[8];
        state.refractory = (Boolean) row[9];
        state.openRefractoryCaseId = (UUID) row[10];
        PatientEntity patient = new PatientEntity();
        patient.id = (UUID) row[13];
        patient.mrn = (String) row[14];
        patient.birthYear = (Integer) row[15];
        patient.sex = (String) row[16];
        patient.icd10 = (String) row[17];
        patient.primarySite = (String) row[18];
        patient.metastatic = (Boolean) row[19];
        patient.boneMetastases = (Boolean) row[20];
        patient.lifeExpectancyMonths = (Integer) row[21];
        patient.contraindications = (String) row[22];
        patient.painConditions = (String) row[23];
        patient.status = (String) row[24];
        patient.renalEgfr = (Double) row[25];
        patient.renalDialysis = (String) row[26];
        patient.renalMeasuredAt = (Instant) row[27];
        patient.hepaticImpairment = (String) row[28];
        patient.frail = (Boolean) row[29];
        patient.weightKg = (Double) row[30];
        patient.unableToSwallow = (Boolean) row[31];
        patient.createdAt = (Instant) row[32];
        patient.updatedAt = (Instant) row[33];
        patient.version = (Long) row[34];
        patient.statusSince = (Instant) row[37];
        return Patients.toPatient(patient, state);
    }
}

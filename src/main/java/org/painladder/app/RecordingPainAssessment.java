package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.painladder.app.ClinicalValidationException.Violation;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainCourse;
import org.painladder.domain.pain.RecordedAssessment;
import org.painladder.domain.pain.ScaleReading;
import org.painladder.domain.patient.ClinicalTimes;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientStatus;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.persistence.PainAssessmentIngest;
import org.painladder.persistence.PainAssessments;
import org.painladder.persistence.Recommendations;
import org.painladder.persistence.TimeOrderedIds;

/**
 * A new pain score arrives. In one transaction: lock the patient's live state and read, behind the lock and in the
 * same round trip, what the rules look at with any assessment already stored under the externalId (a retry); read the
 * score on its scale; store it (once per externalId) with the live state it moves on, in one more round trip; and let
 * the ladder rules give their advice on it. The patient's row lock orders facts about one patient, so the live state
 * always reflects every acknowledged assessment.
 */
@ApplicationScoped
public class RecordingPainAssessment {

    /** EHR clocks drift; a score from further in the future than this is an error, not a fact. */
    static final Duration MAX_CLOCK_DRIFT = Duration.ofMinutes(5);

    /**
     * @param created         false when this was a retry of an assessment already stored with the same content
     * @param recommendations the recommendations the rules gave on this assessment when it first arrived
     */
    public record Outcome(RecordedAssessment recorded, boolean created, List<Recommendation> recommendations) {
    }

    private final PainAssessmentIngest ingest;
    private final PainAssessments assessments;
    private final Clock clock;
    private final RulesConfig rules;
    private final LadderEvaluation ladderEvaluation;
    private final Recommendations recommendations;

    RecordingPainAssessment(PainAssessmentIngest ingest, PainAssessments assessments, Clock clock, RulesConfig rules,
                            LadderEvaluation ladderEvaluation, Recommendations recommendations) {
        this.ingest = ingest;
        this.assessments = assessments;
        this.clock = clock;
        this.rules = rules;
        this.ladderEvaluation = ladderEvaluation;
        this.recommendations = recommendations;
    }

    @Transactional
    public Outcome record(UUID patientId, NewPainAssessment incoming) {
        Instant now = clock.instant();
        PainAssessmentIngest.Snapshot snapshot = ladderEvaluation.beforeAssessment(patientId, incoming.externalId(),
                now).orElseThrow(() -> new NotFoundException("patient", patientId));
        ScaleReading.Accepted reading = validate(incoming, snapshot.patient().profile().birthYear(), now);
        String contentHash = incoming.contentHash(reading.rawValue());

        PainAssessments.WindowAndRetry recent = snapshot.recent();
        if (recent.storedUnderExternalId() != null) {
            RecordedAssessment stored = assessments.find(recent.storedUnderExternalId()).orElseThrow();
            if (stored.contentHash().equals(contentHash)) {
                return new Outcome(stored, false, recommendations.createdBy(stored.assessment().id()));
            }
            throw new ConflictException("externalId " + incoming.externalId() + " is already stored for this"
                    + " patient with other content; a FHIR Observation is corrected by sending it again with status"
                    + " amended, corrected or entered-in-error");
        }
        return recordNew(patientId, incoming, snapshot, reading, contentHash, now);
    }

    /**
     * The sender corrects the assessment stored under the externalId (FHIR status amended or corrected): its value and
     * time are replaced, the first ones kept, and the advice re-evaluated ({@link LadderEvaluation#afterCorrection}).
     * The same correction again changes nothing (200); a correction of an assessment never received is recorded as
     * it is sent, as a new assessment.
     *
     * @param by who corrected it, as the audit trail names the caller
     * @throws ConflictException when the assessment was retracted as entered in error
     */
    @Transactional
    public Outcome amend(UUID patientId, NewPainAssessment incoming, RecordedAssessment.AmendedAs as, String by) {
        Instant now = clock.instant();
        PainAssessmentIngest.Snapshot snapshot = ladderEvaluation.beforeAssessment(patientId, incoming.externalId(),
                now).orElseThrow(() -> new NotFoundException("patient", patientId));
        ScaleReading.Accepted reading = validate(incoming, snapshot.patient().profile().birthYear(), now);
        String contentHash = incoming.contentHash(reading.rawValue());
        if (snapshot.recent().storedUnderExternalId() == null) {
            return recordNew(patientId, incoming, snapshot, reading, contentHash, now);
        }
        RecordedAssessment stored = assessments.find(snapshot.recent().storedUnderExternalId()).orElseThrow();
        refuseRetracted(stored);
        if (stored.contentHash().equals(contentHash)) {
            return new Outcome(stored, false, List.of());
        }
        PainAssessment was = stored.assessment();
        PainAssessment corrected = new PainAssessment(was.id(), incoming.recordedAt(), incoming.scale(),
                reading.rawValue(), reading.score(), was.kind(), was.site(), was.mechanism(), was.course(),
                was.acuteCause(), was.breakthroughEpisodes24h(), was.adverseEffects(), was.breakthroughType(),
                was.redFlags());
        ingest.amend(was.id(), corrected, contentHash, as, by, now);
        LiveState state = correctedState(patientId, snapshot, false, now);
        return new Outcome(assessments.reread(was.id()), false,
                ladderEvaluation.afterCorrection(snapshot, state, was.id(), corrected, now));
    }

    /**
     * The sender retracts the assessment stored under the externalId as entered in error (FHIR status
     * entered-in-error): it is kept, marked with who and when, and leaves the timeline, the trend, the rules' windows
     * and the live state; the advice that rested on it is re-evaluated. Retracting it again changes nothing.
     *
     * @return empty when no assessment of the patient is stored under the externalId: there is nothing to retract
     */
    @Transactional
    public Optional<Outcome> retract(UUID patientId, String externalId, String by) {
        Instant now = clock.instant();
        String key = NewPainAssessment.externalIdAsStored(externalId);
        PainAssessmentIngest.Snapshot snapshot = ladderEvaluation.beforeAssessment(patientId, key, now)
                .orElseThrow(() -> new NotFoundException("patient", patientId));
        if (key == null || snapshot.recent().storedUnderExternalId() == null) {
            return Optional.empty();
        }
        RecordedAssessment stored = assessments.find(snapshot.recent().storedUnderExternalId()).orElseThrow();
        if (stored.isRetracted()) {
            return Optional.of(new Outcome(stored, false, List.of()));
        }
        UUID id = stored.assessment().id();
        ingest.retract(id, by, now);
        LiveState state = correctedState(patientId, snapshot, true, now);
        return Optional.of(new Outcome(assessments.reread(id), false,
                ladderEvaluation.afterCorrection(snapshot, state, id, null, now)));
    }

    private static void refuseRetracted(RecordedAssessment stored) {
        if (stored.isRetracted()) {
            throw new ConflictException("externalId " + stored.externalId() + " was retracted as entered in error;"
                    + " send the right score as a new assessment under a new externalId");
        }
    }

    /** The live state as the scores that still stand give it, saved with the open case's latest score. */
    private LiveState correctedState(UUID patientId, PainAssessmentIngest.Snapshot snapshot, boolean retracted,
                                     Instant now) {
        PainAssessments.Latest latest = assessments.latestStanding(patientId);
        LiveState state = snapshot.patient().state().afterCorrection(latest.latest(), latest.latestBackground(), now,
                rules.staleness(), rules.bandEdges());
        ingest.storeCorrectedState(patientId, state, retracted, snapshot.openCase(), now);
        return state;
    }

    private Outcome recordNew(UUID patientId, NewPainAssessment incoming, PainAssessmentIngest.Snapshot snapshot,
                              ScaleReading.Accepted reading, String contentHash, Instant now) {
        refuseAfterDeath(snapshot.patient(), incoming);
        PainAssessments.WindowAndRetry recent = snapshot.recent();
        PainAssessment assessment = new PainAssessment(TimeOrderedIds.next(), incoming.recordedAt(), incoming.scale(),
                reading.rawValue(), reading.score(), incoming.kind(), incoming.site(), incoming.mechanism(),
                incoming.course(), incoming.acuteCause(), incoming.breakthroughEpisodes24h(), incoming.adverseEffects(),
                incoming.breakthroughType(), incoming.redFlags());
        LiveState state = snapshot.patient().state().afterAssessment(assessment, now, rules.staleness(),
                rules.bandEdges());
        RecordedAssessment.Evaluation evaluation = new RecordedAssessment.Evaluation(state.ladderStep(),
                state.painControl(), state.openRefractoryCaseId());
        RecordedAssessment recorded = new RecordedAssessment(patientId, incoming.externalId(), assessment,
                incoming.source(), now, contentHash, evaluation);
        ingest.store(recorded, state, refreshed(snapshot.openCase(), state), now);
        LadderEvaluation.AssessmentEvaluation evaluated = ladderEvaluation.afterAssessment(snapshot, state,
                assessment, recent.joinedBy(assessment), now);
        if (!Objects.equals(evaluated.refractoryCaseId(), evaluation.refractoryCaseId())) {
            recorded = assessments.recordRefractoryCase(recorded, evaluated.refractoryCaseId());
        }
        return new Outcome(recorded, true, evaluated.recommendations());
    }

    /**
     * A score the EHR charted late, recorded before the death was reported, completes the record (it is kept, and the
     * rules give no advice on it); one recorded after it is a mistake in the feed (the wrong patient, or a status
     * sent too early) that only the EHR can put right. A retry of a score already stored is answered as before.
     */
    private static void refuseAfterDeath(Patient patient, NewPainAssessment incoming) {
        if (patient.profile().status() == PatientStatus.DECEASED
                && incoming.recordedAt().isAfter(patient.statusSince())) {
            throw new ConflictException("The patient is DECEASED since " + patient.statusSince() + "; a pain assessment"
                    + " recorded after that (recordedAt " + incoming.recordedAt() + ") is not accepted; check that"
                    + " it belongs to this patient");
        }
    }

    /** The open case's control streak moved on by the assessment, to be stored with it; null when none is open. */
    private static PainAssessmentIngest.OpenCase refreshed(PainAssessmentIngest.OpenCase openCase, LiveState state) {
        return openCase == null ? null : new PainAssessmentIngest.OpenCase(openCase.id(), RefractoryCase
                .controlledStreak(openCase.controlledSince(), state.painControl(), state.latestBackgroundAt()));
    }

    /**
     * The one rule for every clinical event time (assessments, procedures, regimens, renal measurements): a time past
     * the tolerated clock drift, or before the patient's birth year ({@link ClinicalTimes}), is a mistake in the feed,
     * not a fact.
     *
     * @param birthYear the patient's, or null when not known
     */
    static void refuseImplausible(String field, Instant at, Integer birthYear, Instant now,
                                  List<Violation> violations) {
        if (at.isAfter(now.plus(MAX_CLOCK_DRIFT))) {
            violations.add(new Violation(field, "is more than 5 minutes in the future"));
        }
        if (ClinicalTimes.beforeBirthYear(at, birthYear)) {
            violations.add(new Violation(field, birthYear == null
                    ? "is before " + ClinicalTimes.EARLIEST_BIRTH_YEAR + ", the earliest time a clinical event is accepted"
                    : "is before the patient's birth year " + birthYear));
        }
    }

    private static ScaleReading.Accepted validate(NewPainAssessment incoming, Integer birthYear, Instant now) {
        List<Violation> violations = new ArrayList<>();
        ScaleReading reading = incoming.scale().read(incoming.rawValue());
        if (reading instanceof ScaleReading.Rejected rejected) {
            violations.add(new Violation("value", rejected.reason()));
        }
        refuseImplausible("recordedAt", incoming.recordedAt(), birthYear, now, violations);
        if (incoming.acuteCause() != null && incoming.course() != PainCourse.ACUTE) {
            violations.add(new Violation("acuteCause", "applies only to course ACUTE"));
        }
        if (!violations.isEmpty()) {
            throw new ClinicalValidationException(violations);
        }
        return (ScaleReading.Accepted) reading;
    }
}

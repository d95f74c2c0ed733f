package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.painladder.domain.ladder.Decision;
import org.painladder.domain.ladder.LadderEngine;
import org.painladder.domain.ladder.LadderPolicy;
import org.painladder.domain.ladder.NewFact;
import org.painladder.domain.ladder.PatientSnapshot;
import org.painladder.domain.ladder.RegimenFacts;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.patient.Diagnosis;
import org.painladder.domain.patient.LadderTransition;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.domain.patient.TransitionCause;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.persistence.LadderTransitions;
import org.painladder.persistence.PainAssessments;
import org.painladder.persistence.Recommendations;

/**
 * Runs the ladder rules on a new fact, inside the transaction that stores the fact and with the patient's row locked:
 * loads the snapshot (live state, the bounded window of assessments the rules look back over, the current regimen,
 * the pending recommendations), asks the engine, and stores its decision. Not a use case of its own: the use cases
 * that record a fact call it, so that a fact and the advice it gave are committed together or not at all.
 */
@ApplicationScoped
public class LadderEvaluation {

    private final LadderEngine engine = new LadderEngine();
    private final LadderPolicies policies;
    private final PainAssessments assessments;
    private final Recommendations recommendations;
    private final LadderTransitions transitions;
    private final CurrentRegimenFacts regimens;

    LadderEvaluation(LadderPolicies policies, PainAssessments assessments, Recommendations recommendations,
                     LadderTransitions transitions, CurrentRegimenFacts regimens) {
        this.policies = policies;
        this.assessments = assessments;
        this.recommendations = recommendations;
        this.transitions = transitions;
        this.regimens = regimens;
    }

    /**
     * @param state the live state with the assessment applied
     * @return the recommendations this assessment created, in rule order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Recommendation> afterAssessment(Patient patient, LiveState state, PainAssessment assessment,
                                                Instant now) {
        return evaluate(patient, state, regimens.of(patient.id(), now), new NewFact.AssessmentRecorded(assessment),
                assessment.id(), now);
    }

    /**
     * A new regimen sets the step derived from it, with a REGIMEN_CHANGE transition when that differs from the step
     * the patient is on; then the rules look at the new regimen. A backfilled regimen older than the step's latest
     * move (an accepted escalation after it) does not undo that move: the latest event sets the step (api.md).
     *
     * @return the live state with the step the regimen set
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LiveState afterRegimenChange(Patient patient, LiveState state, RegimenFacts before, RegimenFacts after,
                                        String changedBy, Instant now) {
        Instant effectiveAt = after.effectiveAt() == null ? now : after.effectiveAt();
        boolean newerThanStep = state.ladderSince() == null || !effectiveAt.isBefore(state.ladderSince());
        LiveState moved = state;
        if (newerThanStep && after.ladderStep() != state.ladderStep()) {
            transitions.insert(patient.id(), new LadderTransition(state.ladderStep(), after.ladderStep(), effectiveAt,
                    TransitionCause.REGIMEN_CHANGE, null, Objects.requireNonNullElse(changedBy, "unrecorded")));
            moved = state.withLadderStep(after.ladderStep(), effectiveAt);
        }
        evaluate(patient, moved, after, new NewFact.RegimenChanged(before, after), null, now);
        return moved;
    }

    private List<Recommendation> evaluate(Patient patient, LiveState state, RegimenFacts regimen, NewFact fact,
                                          UUID assessmentId, Instant now) {
        LadderPolicy policy = policies.current();
        List<PainAssessment> window = assessments.window(patient.id(), now.minus(policy.snapshotWindow()),
                now.plus(RecordingPainAssessment.MAX_CLOCK_DRIFT));
        List<Recommendation> pending = recommendations.pending(patient.id());
        PatientProfile profile = patient.profile();
        Diagnosis diagnosis = profile.diagnosis();
        PatientSnapshot snapshot = new PatientSnapshot(patient.id(), state.ladderStep(), state.ladderSince(),
                diagnosis != null && Boolean.TRUE.equals(diagnosis.boneMetastases()), profile.painConditions(),
                profile.lifeExpectancyMonths(), diagnosis == null ? null : diagnosis.primarySite(),
                profile.contraindications(), regimen, window, pending.stream().map(Recommendation::asPending).toList());
        Decision decision = engine.evaluate(snapshot, fact, policy, Clock.fixed(now, ZoneOffset.UTC));
        return store(patient.id(), decision, pending, regimen.regimenVersion(), assessmentId, now);
    }

    /**
     * Supersedes first, then adds: a new ladder move takes the patient's one pending ladder slot, so any pending
     * ladder move the engine did not name is superseded too (clinical-rules §6.3), and the database constraint holds.
     */
    private List<Recommendation> store(UUID patientId, Decision decision, List<Recommendation> pending,
                                       long regimenVersion, UUID assessmentId, Instant now) {
        List<Recommendation> added = decision.toAdd().stream()
                .map(advice -> Recommendation.pending(UUID.randomUUID(), patientId, now, advice, regimenVersion,
                        assessmentId))
                .sorted(Comparator.comparing(recommendation -> recommendation.advice().ruleId().code()))
                .toList();
        UUID newLadderMove = added.stream().filter(r -> r.type().isLadderMove()).map(Recommendation::id)
                .findFirst().orElse(null);
        Set<UUID> superseded = new LinkedHashSet<>(decision.toSupersede());
        if (newLadderMove != null) {
            pending.stream().filter(Recommendation::isPendingLadderMove).map(Recommendation::id)
                    .forEach(superseded::add);
        }
        for (Recommendation old : pending) {
            if (superseded.contains(old.id())) {
                recommendations.supersede(old.id(), replacement(old, added, newLadderMove), now);
            }
        }
        List<Recommendation> stored = new ArrayList<>();
        added.forEach(recommendation -> stored.add(recommendations.insert(recommendation)));
        return stored;
    }

    /** The new recommendation that takes the old one's place: the new ladder move, or new advice of the same type. */
    private static UUID replacement(Recommendation old, List<Recommendation> added, UUID newLadderMove) {
        if (old.type().isLadderMove()) {
            return newLadderMove;
        }
        return added.stream().filter(r -> r.type() == old.type()).map(Recommendation::id).findFirst().orElse(null);
    }
}

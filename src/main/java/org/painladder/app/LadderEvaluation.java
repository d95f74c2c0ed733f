package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.painladder.domain.ladder.CompletedProcedure;
import org.painladder.domain.ladder.Decision;
import org.painladder.domain.ladder.Evidence;
import org.painladder.domain.ladder.LadderEngine;
import org.painladder.domain.ladder.LadderPolicy;
import org.painladder.domain.ladder.NewFact;
import org.painladder.domain.ladder.PatientSnapshot;
import org.painladder.domain.ladder.PendingRecommendation;
import org.painladder.domain.ladder.ProposedRecommendation;
import org.painladder.domain.ladder.RecommendationType;
import org.painladder.domain.ladder.RegimenFacts;
import org.painladder.domain.ladder.RuleId;
import org.painladder.domain.ladder.SafetyCheck;
import org.painladder.domain.ladder.StepThreeTrial;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.patient.Diagnosis;
import org.painladder.domain.patient.LadderTransition;
import org.painladder.domain.patient.LiveState;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.domain.patient.PatientStatus;
import org.painladder.domain.patient.TransitionCause;
import org.painladder.domain.procedure.Procedure;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.domain.refractory.RefractoryFacts;
import org.painladder.domain.refractory.RefractoryPolicy;
import org.painladder.persistence.LadderTransitions;
import org.painladder.persistence.PainAssessmentIngest;
import org.painladder.persistence.PainAssessments;
import org.painladder.persistence.Procedures;
import org.painladder.persistence.Recommendations;
import org.painladder.persistence.TimeOrderedIds;

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
    private final FlaggingRefractoryPain flaggingRefractoryPain;
    private final RefractoryPolicy refractoryPolicy;
    private final Procedures procedures;
    private final PainAssessmentIngest ingest;

    LadderEvaluation(LadderPolicies policies, PainAssessments assessments, Recommendations recommendations,
                     LadderTransitions transitions, CurrentRegimenFacts regimens,
                     FlaggingRefractoryPain flaggingRefractoryPain, RefractoryPolicy refractoryPolicy,
                     Procedures procedures, PainAssessmentIngest ingest) {
        this.procedures = procedures;
        this.ingest = ingest;
        this.policies = policies;
        this.assessments = assessments;
        this.recommendations = recommendations;
        this.transitions = transitions;
        this.regimens = regimens;
        this.flaggingRefractoryPain = flaggingRefractoryPain;
        this.refractoryPolicy = refractoryPolicy;
    }

    /** Procedures done in the look-back, as STD-01's cause-directed arm reads them. */
    private List<CompletedProcedure> completedProcedures(UUID patientId, Instant now) {
        return completed(procedures.performedBetween(patientId, now.minus(CompletedProcedure.LOOK_BACK), now));
    }

    private static List<CompletedProcedure> completed(List<Procedure> done) {
        return done.stream()
                .map(procedure -> new CompletedProcedure(procedure.type().name(), procedure.performedAt(),
                        procedure.outcome()))
                .toList();
    }

    /**
     * What the rules made of one assessment.
     *
     * @param recommendations  the recommendations it created, in rule order (REF-01's referral last)
     * @param refractoryCaseId the patient's case that is not CLOSED after it, or null
     */
    public record AssessmentEvaluation(List<Recommendation> recommendations, UUID refractoryCaseId) {
    }

    /**
     * Before a new assessment is stored: the patient's live state locked, and behind the lock, in one round trip,
     * what the rules will look at (the window, the open advice, the regimens) with the assessment already stored
     * under its externalId (a retry). Empty for an unknown patient.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<PainAssessmentIngest.Snapshot> beforeAssessment(UUID patientId, String externalId, Instant now) {
        return ingest.lockAndRead(patientId, windowFrom(now), windowTo(now), externalId,
                CurrentRegimenFacts.lookBackFrom(now));
    }

    /**
     * The ladder rules, then the refractory step (clinical-rules §6.3) on the same snapshot.
     *
     * @param snapshot what {@link #beforeAssessment} read
     * @param state    the live state with the assessment applied, already saved
     * @param window   the window of the snapshot, joined by the assessment
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AssessmentEvaluation afterAssessment(PainAssessmentIngest.Snapshot snapshot, LiveState state,
                                                PainAssessment assessment, List<PainAssessment> window, Instant now) {
        Patient patient = snapshot.patient();
        if (deceased(patient)) {
            return new AssessmentEvaluation(List.of(), state.openRefractoryCaseId());
        }
        RegimenFacts regimen = regimens.of(snapshot.regimens());
        List<CompletedProcedure> completed = completed(procedures.performedBetween(patient.id(),
                snapshot.latestProcedureAt(), now.minus(CompletedProcedure.LOOK_BACK), now));
        Evaluated evaluated = evaluate(patient, state, regimen, new NewFact.AssessmentRecorded(assessment), window,
                snapshot.openAdvice(), completed, assessment.id(), now);
        List<Recommendation> advice = new ArrayList<>(evaluated.added());
        FlaggingRefractoryPain.Flagging flagging = flag(patient, state, regimen, window, now,
                snapshot.openCase() == null ? null : snapshot.openCase().id(), evaluated.upTitration());
        referral(patient.id(), flagging, regimen.regimenVersion(), assessment.id(), now).ifPresent(advice::add);
        return new AssessmentEvaluation(advice, flagging.openCaseId());
    }

    /**
     * A stored score was corrected (amended) or retracted as entered in error. The pending advice that rested on it
     * (given on its evaluation, or citing it as evidence) no longer stands as it was: the rules are asked again on the
     * window as it now is, without that advice, and it is superseded, by its new version where the rules still give
     * it. An amended score is then a new fact like any arriving score. A retraction states no new fact about pain: it
     * only takes advice back, so only the advice that rested on the retracted score may be given again, on the newest
     * standing score, and nothing that was not pending comes back.
     *
     * @param snapshot    what {@link #beforeAssessment} read, before the correction was stored
     * @param state       the live state after the correction, already saved
     * @param correctedId the amended or retracted assessment
     * @param amended     the assessment as amended, or null for a retraction
     * @return the recommendations added
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Recommendation> afterCorrection(PainAssessmentIngest.Snapshot snapshot, LiveState state,
                                                UUID correctedId, PainAssessment amended, Instant now) {
        Patient patient = snapshot.patient();
        List<Recommendation> resting = recommendations.pending(patient.id()).stream()
                .filter(r -> correctedId.equals(r.createdByAssessmentId())
                        || r.advice().evidence().assessmentIds().contains(correctedId))
                .toList();
        if (amended == null && resting.isEmpty()) {
            return List.of();
        }
        List<PainAssessment> window = window(patient.id(), now);
        // A deceased patient's record may be corrected, but no new advice follows from it.
        PainAssessment fact = deceased(patient) ? null : amended != null ? amended
                : window.isEmpty() ? null : window.get(window.size() - 1);
        Set<UUID> restingIds = resting.stream().map(Recommendation::id).collect(Collectors.toSet());
        Recommendations.OpenAdvice open = snapshot.openAdvice();
        RegimenFacts regimen = regimens.of(snapshot.regimens());
        List<ProposedRecommendation> toAdd = List.of();
        Set<UUID> toSupersede = new LinkedHashSet<>(restingIds);
        if (fact != null) {
            Recommendations.OpenAdvice others = new Recommendations.OpenAdvice(open.accepted(), open.pending()
                    .stream().filter(p -> !restingIds.contains(p.id())).toList());
            List<CompletedProcedure> completed = completed(procedures.performedBetween(patient.id(),
                    snapshot.latestProcedureAt(), now.minus(CompletedProcedure.LOOK_BACK), now));
            Decision decision = decide(patient, state, regimen, new NewFact.AssessmentRecorded(fact), window, others,
                    completed, now);
            toSupersede.addAll(decision.toSupersede());
            toAdd = amended != null ? decision.toAdd() : decision.toAdd().stream()
                    .filter(advice -> resting.stream().anyMatch(r -> r.advice().ruleId() == advice.ruleId()
                            || r.type().isLadderMove() && advice.type().isLadderMove()))
                    .toList();
        }
        return store(patient.id(), new Decision(toAdd, List.copyOf(toSupersede)), open.pending(),
                regimen.regimenVersion(), fact == null ? null : fact.id(), now);
    }

    /**
     * A new regimen sets the step derived from it, with a REGIMEN_CHANGE transition when that differs from the step
     * the patient is on. A backfilled regimen older than the step's latest move (an accepted escalation after it) does
     * not undo that move: the latest event sets the step (api.md).
     *
     * @return the live state with the step the regimen set
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LiveState stepForRegimen(Patient patient, LiveState state, RegimenFacts after, String changedBy,
                                    String recordedBy, Instant now) {
        Instant effectiveAt = after.effectiveAt() == null ? now : after.effectiveAt();
        boolean newerThanStep = state.ladderSince() == null || !effectiveAt.isBefore(state.ladderSince());
        if (!newerThanStep || after.ladderStep() == state.ladderStep()) {
            return state;
        }
        transitions.insert(patient.id(), new LadderTransition(state.ladderStep(), after.ladderStep(), effectiveAt,
                TransitionCause.REGIMEN_CHANGE, null, Objects.requireNonNullElse(changedBy, "unrecorded"),
                recordedBy));
        return state.withLadderStep(after.ladderStep(), effectiveAt);
    }

    /**
     * The rules look at the new regimen, then the refractory step: a backfilled step-3 regimen can complete an
     * adequate trial on scores already recorded.
     *
     * @param saved the live state with the new regimen, already saved (the refractory step reads it back)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterRegimenChange(Patient patient, LiveState saved, RegimenFacts before, RegimenFacts after,
                                   Instant now) {
        if (deceased(patient)) {
            return;
        }
        List<PainAssessment> window = window(patient.id(), now);
        Evaluated evaluated = evaluate(patient, saved, after, new NewFact.RegimenChanged(before, after), window,
                recommendations.openUnder(patient.id(), after.regimenVersion()),
                completedProcedures(patient.id(), now), null, now);
        referral(patient.id(), flag(patient, saved, after, window, now, null, evaluated.upTitration()),
                after.regimenVersion(), null, now);
    }

    /**
     * New patient factors are a new fact (clinical-rules §8.2): the rules look again at the patient as they now are.
     *
     * @param patient the patient with the new profile, already saved
     * @param before  the factors and birth year before the change, for the bands the patient left
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void afterPatientFactorsChange(Patient patient, PatientProfile before, Instant now) {
        if (deceased(patient)) {
            return;
        }
        int year = yearOf(now);
        PatientProfile after = patient.profile();
        NewFact fact = new NewFact.PatientFactorsChanged(before.factors(), after.factors(),
                before.factors().bands(before.birthYear(), year), after.factors().bands(after.birthYear(), year));
        RegimenFacts regimen = regimens.of(patient.id(), now);
        evaluate(patient, patient.state(), regimen, fact, window(patient.id(), now),
                recommendations.openUnder(patient.id(), regimen.regimenVersion()), completedProcedures(patient.id(), now),
                null, now);
    }

    /**
     * A deceased patient's record may still be completed (a score charted late, a regimen backfilled), but advice and
     * a refractory case would only call on a clinician or the palliative team to act for someone who died.
     */
    private static boolean deceased(Patient patient) {
        return patient.profile().status() == PatientStatus.DECEASED;
    }

    /** Ages count in the year of the evaluation's clock (by birth year: the contract has no birth date). */
    static int yearOf(Instant now) {
        return now.atZone(ZoneOffset.UTC).getYear();
    }

    /** The bounded look-back the rules read (the ladder's and REF-01's windows), never the whole history. */
    private List<PainAssessment> window(UUID patientId, Instant now) {
        return assessments.window(patientId, windowFrom(now), windowTo(now));
    }

    private Instant windowFrom(Instant now) {
        return now.minus(policies.current().snapshotWindow());
    }

    private static Instant windowTo(Instant now) {
        return now.plus(RecordingPainAssessment.MAX_CLOCK_DRIFT);
    }

    /**
     * What one evaluation stored, and the up-titration of the current opioid it proposed or left pending, which tells
     * REF-01 that opioid's trial is not over.
     */
    private record Evaluated(List<Recommendation> added, Optional<String> upTitration) {
    }

    /**
     * @param open      the advice open under {@code regimen}'s version
     * @param completed the procedures done in STD-01's look-back
     */
    private Evaluated evaluate(Patient patient, LiveState state, RegimenFacts regimen, NewFact fact,
                                          List<PainAssessment> window, Recommendations.OpenAdvice open,
                                          List<CompletedProcedure> completed, UUID assessmentId, Instant now) {
        Decision decision = decide(patient, state, regimen, fact, window, open, completed, now);
        return new Evaluated(store(patient.id(), decision, open.pending(), regimen.regimenVersion(), assessmentId, now),
                StepThreeTrial.upTitrationOffered(decision, open.pending()));
    }

    private Decision decide(Patient patient, LiveState state, RegimenFacts regimen, NewFact fact,
                            List<PainAssessment> window, Recommendations.OpenAdvice open,
                            List<CompletedProcedure> completed, Instant now) {
        LadderPolicy policy = policies.current();
        PatientProfile profile = patient.profile();
        Diagnosis diagnosis = profile.diagnosis();
        PatientSnapshot snapshot = new PatientSnapshot(patient.id(), state.ladderStep(), state.ladderSince(),
                diagnosis != null && Boolean.TRUE.equals(diagnosis.boneMetastases()), profile.painConditions(),
                profile.lifeExpectancyMonths(), diagnosis == null ? null : diagnosis.primarySite(),
                profile.contraindications(), regimen, window, outstanding(open),
                profile.factors(), profile.factors().bands(profile.birthYear(), yearOf(now)), completed);
        return engine.evaluate(snapshot, fact, policy, Clock.fixed(now, ZoneOffset.UTC));
    }

    /**
     * What the engine must not advise again: the pending advice, and advice accepted under the current regimen that
     * is not prescribed yet (the next regimen change carries it out). Accepted advice comes first, as the older: the
     * engine keeps the newest ladder move, which must be the pending one. Only pending advice is ever superseded.
     */
    private static List<PendingRecommendation> outstanding(Recommendations.OpenAdvice open) {
        return Stream.concat(open.accepted().stream(), open.pending().stream()).toList();
    }

    /**
     * Supersedes first, then adds: a new ladder move takes the patient's one pending ladder slot, so any pending
     * ladder move the engine did not name is superseded too (clinical-rules §6.3), and the database constraint holds.
     */
    private List<Recommendation> store(UUID patientId, Decision decision, List<PendingRecommendation> pending,
                                       long regimenVersion, UUID assessmentId, Instant now) {
        List<Recommendation> added = decision.toAdd().stream()
                .map(advice -> Recommendation.pending(TimeOrderedIds.next(), patientId, now, advice, regimenVersion,
                        assessmentId))
                .sorted(Comparator.comparing(recommendation -> recommendation.advice().ruleId().code()))
                .toList();
        UUID newLadderMove = added.stream().filter(r -> r.type().isLadderMove()).map(Recommendation::id)
                .findFirst().orElse(null);
        Set<UUID> superseded = new LinkedHashSet<>(decision.toSupersede());
        if (newLadderMove != null) {
            pending.stream().filter(old -> old.type().isLadderMove()).map(PendingRecommendation::id)
                    .forEach(superseded::add);
        }
        for (PendingRecommendation old : pending) {
            if (superseded.contains(old.id())) {
                recommendations.supersede(old.id(), replacement(old, added, newLadderMove), now);
            }
        }
        List<Recommendation> stored = new ArrayList<>();
        added.forEach(recommendation -> stored.add(recommendations.insert(recommendation)));
        return stored;
    }

    /** The new recommendation that takes the old one's place: the new ladder move, or new advice of the same type. */
    private static UUID replacement(PendingRecommendation old, List<Recommendation> added, UUID newLadderMove) {
        if (old.type().isLadderMove()) {
            return newLadderMove;
        }
        return added.stream().filter(r -> r.type() == old.type()).map(Recommendation::id).findFirst().orElse(null);
    }

    /**
     * @param refreshedCaseId the open case whose figures the caller stored with the fact, or null
     * @param upTitration     the up-titration the same evaluation proposed or left pending
     */
    private FlaggingRefractoryPain.Flagging flag(Patient patient, LiveState state, RegimenFacts regimen,
                                                 List<PainAssessment> window, Instant now, UUID refreshedCaseId,
                                                 Optional<String> upTitration) {
        LadderPolicy policy = policies.current();
        String omeddTrace = regimen.scheduled().stream().filter(drug -> drug.omeddMg() != null && drug.omeddMg().signum() > 0)
                .map(drug -> drug.code().toLowerCase(Locale.ROOT) + " " + drug.dailyDose().toPlainString()
                        + " " + drug.unit() + "/d = " + drug.omeddMg().toPlainString() + " mg OMEDD")
                .collect(Collectors.joining(" + "));
        return flaggingRefractoryPain.evaluate(patient.id(), state, RefractoryFacts.fromRecentAssessments(now,
                state.ladderStep(), regimen.step3Since(), regimen.omeddMg(), omeddTrace,
                StepThreeTrial.adequatelyTried(regimen, policy, now), regimen.adjuvantScheduled(), window,
                refractoryPolicy)
                .withLifeExpectancyMonths(patient.profile().lifeExpectancyMonths())
                .withTrial(StepThreeTrial.stillOnTrial(regimen, policy, now),
                        StepThreeTrial.doseNotYetJudged(regimen, policy, now).orElse(null), upTitration.orElse(null)),
                refreshedCaseId);
    }

    /**
     * REF-01's own advice when it opens a case (clinical-rules §6.4): refer for the candidate interventions. It is
     * not a ladder move, so it sits beside whatever the ladder rules advised.
     */
    private Optional<Recommendation> referral(UUID patientId, FlaggingRefractoryPain.Flagging flagging,
                                              long regimenVersion, UUID assessmentId, Instant now) {
        if (flagging.openedCase().isEmpty()) {
            return Optional.empty();
        }
        RefractoryCase opened = flagging.openedCase().get();
        List<String> criteria = opened.criteria().stream().map(c -> c.code().name() + ": " + c.detail()).toList();
        List<String> candidates = opened.candidateInterventions().stream().filter(c -> !c.isContraindicated())
                .map(c -> c.type().name()).toList();
        Map<String, Object> thresholds = new LinkedHashMap<>();
        thresholds.put("refractoryMinDaysOnStep3", refractoryPolicy.refractoryMinDaysOnStep3());
        thresholds.put("refractoryOmeddThresholdMg", refractoryPolicy.refractoryOmeddThresholdMg());
        thresholds.put("refractoryMinStrongOpioids", refractoryPolicy.refractoryMinStrongOpioids());
        thresholds.put("refractoryBtpPerDay", refractoryPolicy.refractoryBtpPerDay());
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("refractoryCaseId", opened.id().toString());
        proposal.put("candidateInterventions", candidates);
        String rationale = "Pain remains uncontrolled after an adequate, titrated step-3 trial (" + String.join("; ",
                criteria) + "). Refer to the palliative-care team to consider "
                + (candidates.isEmpty() ? "comfort-care planning: every intervention is contraindicated"
                : String.join(", ", candidates)) + "; the case is on their worklist.";
        ProposedRecommendation advice = new ProposedRecommendation(RecommendationType.REFER_INTERVENTIONAL,
                RuleId.REF_01, LadderPolicy.RULES_VERSION, rationale,
                new Evidence(List.of(), opened.latestScore() == null ? List.of() : List.of(opened.latestScore()),
                        opened.omeddMg(), thresholds, Map.of("criteria", criteria)), proposal,
                List.of(new SafetyCheck(SafetyCheck.TOXICITY, SafetyCheck.PASSED, "a referral: no drug or dose is "
                        + "proposed"), new SafetyCheck(SafetyCheck.ACUTE_CAUSE, SafetyCheck.PASSED, "not within an "
                        + "acute-cause suppression window (REF-01 criterion d)")));
        return Optional.of(recommendations.insert(Recommendation.pending(TimeOrderedIds.next(), patientId, now, advice,
                regimenVersion, assessmentId)));
    }
}

package org.painladder.domain.ladder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.painladder.domain.pain.PainControl;

/**
 * The rule table of clinical-rules §6.4 and §6.8 (all but REF-01/02) in the precedence of §6.3. Pure and
 * deterministic: the same snapshot, fact, policy and clock always give the same decision.
 *
 * <ol>
 *   <li>SAFETY (SAF-01/02): a dose cut on the new assessment; escalation and up-titration stop while it is active,
 *       and a pending escalation or up-titration is withdrawn (superseded).</li>
 *   <li>CAUSE (CAU-01..04): treat the cause; no ladder move for acuteCauseSuppressionDays.</li>
 *   <li>LADDER: rotation (ROT-01..03), escalation and titration (LAD-02..08), start (LAD-01), step-down (STD-01),
 *       maintain (MNT-01); the first that applies is the one ladder move.</li>
 *   <li>CO-ADVICE (ADJ, INT, RSC) beside it.</li>
 * </ol>
 * At most one ladder move is pending per patient: a new one supersedes the pending one, and advice equal to a pending
 * recommendation (same fingerprint) is not repeated.
 */
public final class LadderEngine {

    /** Escalations and up-titrations: a pending one is withdrawn (superseded) when a SAFETY trigger appears. */
    static final Set<RuleId> UP_RULES = EnumSet.of(RuleId.LAD_02, RuleId.LAD_03, RuleId.LAD_04, RuleId.LAD_05,
            RuleId.LAD_06, RuleId.LAD_07, RuleId.LAD_08);

    /**
     * Advice sized or judged on the regimen itself (rescue doses, the laxative check): a new regimen version makes it
     * stale, and the regimen checks give it again for the new regimen where it still applies.
     */
    static final Set<RuleId> REGIMEN_BOUND_ADVICE = EnumSet.of(RuleId.RSC_01, RuleId.RSC_02, RuleId.RSC_03,
            RuleId.ADJ_03);

    /**
     * Rescue advice is sized to the dose the patient takes: a SAFETY trigger withdraws it with the up-moves, since the
     * dose it was sized to is being cut, and the rescue check runs again when the cut dose is prescribed.
     */
    static final Set<RuleId> RESCUE_ADVICE = EnumSet.of(RuleId.RSC_01, RuleId.RSC_02, RuleId.RSC_03);

    /** The dose cuts and switches of the toxicity pathway (SAF-01..03, and the rotation SAF-03 may force). */
    static final Set<RuleId> SAFETY_ADVICE = EnumSet.of(RuleId.SAF_01, RuleId.SAF_02, RuleId.SAF_03, RuleId.ROT_01);

    /** The dose cuts the rules give only on a new score: nothing but a new score can give them again. */
    private static final Set<RuleId> CUTS_ON_A_SCORE = EnumSet.of(RuleId.SAF_01, RuleId.SAF_02, RuleId.SAF_03);

    public Decision evaluate(PatientSnapshot snapshot, NewFact fact, LadderPolicy policy, Clock clock) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(fact, "fact");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
        Instant now = clock.instant();
        if (fact instanceof NewFact.AssessmentRecorded recorded) {
            return onAssessment(snapshot, recorded, policy, now);
        }
        if (fact instanceof NewFact.PatientFactorsChanged changed) {
            return onFactorsChange(snapshot, changed, policy, now);
        }
        return onRegimenChange(snapshot, (NewFact.RegimenChanged) fact, policy, now);
    }

    private Decision onAssessment(PatientSnapshot snapshot, NewFact.AssessmentRecorded recorded, LadderPolicy policy,
                                  Instant now) {
        ClinicalPicture picture = new ClinicalPicture(snapshot, recorded.assessment(), policy, now);
        SafetyRules.Verdict safety = SafetyRules.evaluate(picture);
        CauseRules.Verdict cause = CauseRules.evaluate(picture);
        Optional<ProposedRecommendation> ladderMove = safety.recommendation()
                .or(() -> ladderMove(picture, safety, cause));
        List<ProposedRecommendation> coAdvice = new ArrayList<>();
        cause.recommendation().ifPresent(coAdvice::add);
        coAdvice.addAll(CoAdviceRules.onAssessment(picture, ladderMove.flatMap(RescuePlan::setBy)));
        // Pain that is controlled now justifies no escalation or up-titration, nor does pain an acute cause at its site
        // explains (§8.4): one still pending is withdrawn.
        boolean settled = ladderMove.isEmpty() && picture.painControl() == PainControl.CONTROLLED;
        boolean heldBack = cause.suppresses(picture.latestRecentBackground());
        List<UUID> withdrawn = snapshot.pending().stream()
                .filter(p -> (safety.blocksUp() || settled || heldBack) && UP_RULES.contains(p.ruleId())
                        || safety.blocksUp() && RESCUE_ADVICE.contains(p.ruleId()))
                .map(PendingRecommendation::id).toList();
        return PendingLedger.decide(snapshot.pending(), ladderMove, withoutMoreOpioid(coAdvice, safety), withdrawn);
    }

    /** §8.1 principle 1 for the co-advice: while toxicity stops up-moves, no rescue is added or raised either. */
    private static List<ProposedRecommendation> withoutMoreOpioid(List<ProposedRecommendation> advice,
                                                                  SafetyRules.Verdict safety) {
        return safety.blocksUp() ? advice.stream().filter(r -> !SafetyReview.raisesRescue(r)).toList() : advice;
    }

    private static Optional<ProposedRecommendation> ladderMove(ClinicalPicture picture, SafetyRules.Verdict safety,
                                                               CauseRules.Verdict cause) {
        if (cause.suppresses(picture.latestRecentBackground()) || awaitingPrescription(picture.snapshot())) {
            return Optional.empty();
        }
        int step = picture.regimen().hasRegimen() ? PrimaryOpioid.scheduledStep(picture.regimen())
                : picture.snapshot().ladderStep();
        return AdjustmentRules.patchWithoutTolerance(picture)
                .or(() -> AdjustmentRules.organFunctionSwitch(picture))
                .or(() -> LadderMoveRules.weakOpioidOffTheMouth(picture, step, !safety.blocksUp()))
                .or(() -> AdjustmentRules.rotation(picture))
                .or(() -> LadderMoveRules.evaluate(picture, step, !safety.blocksUp()))
                .or(() -> AdjustmentRules.stepDown(picture, step))
                .or(() -> CauseDirectedStepDown.evaluate(picture, step))
                .or(() -> AdjustmentRules.maintain(picture));
    }

    /**
     * An accepted escalation or step-down sets the live step until the next regimen change. While the live step
     * differs from the regimen's, the decision is taken and waits for its prescription: no new ladder move.
     */
    static boolean awaitingPrescription(PatientSnapshot snapshot) {
        return snapshot.ladderStep() != snapshot.regimen().ladderStep();
    }

    /**
     * A regimen change checks the rescue dose (RSC-01/02), and supersedes pending ladder moves and regimen-bound advice
     * written for an earlier regimen version: their doses no longer describe what the patient takes. The ladder is
     * then asked again on the window and the new regimen, so pain that a withdrawn move answered is never left without
     * one (§8.1.2); the rules' own intervals keep a new opioid dose from being titrated on scores taken before it.
     * MAINTAIN and STEP_DOWN judge the regimen the patient takes, so they wait for a score taken on the new one.
     */
    private Decision onRegimenChange(PatientSnapshot snapshot, NewFact.RegimenChanged changed, LadderPolicy policy,
                                     Instant now) {
        PatientSnapshot current = snapshot.regimen().equals(changed.after()) ? snapshot : withRegimen(snapshot,
                changed.after());
        ClinicalPicture picture = new ClinicalPicture(current, null, policy, now);
        // Safety advice stands until a regimen cuts the opioid: a change that adds paracetamol (or raises the dose)
        // has not answered respiratory depression, and the rules give SAF advice only on a new score.
        boolean cut = changed.after().omeddMg().compareTo(changed.before().omeddMg()) < 0;
        List<UUID> stale = current.pending().stream()
                .filter(p -> (p.type().isLadderMove() || REGIMEN_BOUND_ADVICE.contains(p.ruleId()))
                        && p.regimenVersion() < changed.after().regimenVersion()
                        && (cut || !SAFETY_ADVICE.contains(p.ruleId()))
                        || CoAdviceRules.satisfiedBy(p.ruleId(), changed.after()))
                .map(PendingRecommendation::id).toList();
        SafetyRules.Verdict safety = SafetyRules.evaluate(picture);
        Optional<ProposedRecommendation> ladderMove = reassessedMove(picture, safety);
        // While toxicity stops up-moves, rescue advice follows only a regimen that cut the opioid: it is then sized
        // to the cut dose, as ROT-01's rescue is after an adverse effect.
        List<ProposedRecommendation> advice = CoAdviceRules.onRegimen(picture);
        return PendingLedger.decide(current.pending(), ladderMove, cut ? advice : withoutMoreOpioid(advice, safety),
                stale);
    }

    /** The ladder asked again without a new score: MAINTAIN and STEP_DOWN judge a score, so they are left out. */
    private static Optional<ProposedRecommendation> reassessedMove(ClinicalPicture picture, SafetyRules.Verdict safety) {
        return ladderMove(picture, safety, CauseRules.evaluate(picture))
                .filter(move -> move.type() != RecommendationType.MAINTAIN
                        && move.type() != RecommendationType.STEP_DOWN);
    }

    /**
     * New patient factors (clinical-rules §8.2; api.md: "a change re-evaluates the ladder rules"). The advice on the
     * regimen is given again in the light of the new bands. Pending advice the new bands change is replaced: a pending
     * ladder move by the move the ladder now gives (an ORG switch where it named a drug to avoid), or withdrawn when
     * it gives none; pending rescue or laxative advice, and a pending cause or co-advice card of the latest
     * assessment, by its new version. When the bands changed, the new versions replace the pending ones even where
     * the proposal is the same: their safety checks must say what is now known of the patient's organs. A pending
     * rotation for an adverse effect is replaced like any move but never withdrawn with nothing in its place, and the
     * SAF dose cuts stay (the rules give them only on a new score). Nothing that was not pending is proposed again,
     * so a factor change never brings back advice a clinician has already answered.
     */
    private Decision onFactorsChange(PatientSnapshot snapshot, NewFact.PatientFactorsChanged changed,
                                     LadderPolicy policy, Instant now) {
        ClinicalPicture picture = new ClinicalPicture(snapshot, null, policy, now);
        SafetyRules.Verdict safety = SafetyRules.evaluate(picture);
        boolean newBands = !changed.bandsBefore().equals(changed.bandsAfter());
        List<PendingRecommendation> pendingMoves = snapshot.pending().stream()
                .filter(p -> p.type().isLadderMove() && !CUTS_ON_A_SCORE.contains(p.ruleId())).toList();
        Optional<ProposedRecommendation> ladderMove = pendingMoves.isEmpty() ? offTheMouth(picture, changed)
                : reassessedMove(picture, safety);
        List<UUID> replaced = new ArrayList<>();
        if (ladderMove.isEmpty() || newBands) {
            pendingMoves.stream().filter(p -> ladderMove.isPresent() || !SAFETY_ADVICE.contains(p.ruleId()))
                    .forEach(p -> replaced.add(p.id()));
        }
        List<ProposedRecommendation> advice = new ArrayList<>();
        for (ProposedRecommendation card : CoAdviceRules.onRegimen(picture)) {
            replaceSameRule(snapshot, card, newBands, replaced);
            advice.add(card);
        }
        List<ProposedRecommendation> cardsOfLatest = new ArrayList<>();
        CauseRules.evaluate(picture).recommendation().ifPresent(cardsOfLatest::add);
        cardsOfLatest.addAll(CoAdviceRules.onAssessment(picture, ladderMove.flatMap(RescuePlan::setBy)));
        for (ProposedRecommendation card : cardsOfLatest) {
            if (replaceSameRule(snapshot, card, newBands, replaced)) {
                advice.add(card);
            }
        }
        return PendingLedger.decide(snapshot.pending(), ladderMove, withoutMoreOpioid(advice, safety), replaced);
    }

    /**
     * A patient who has just become unable to swallow needs the opioid off the mouth now (ROT-03, or ORG-01 when the
     * oral drug is also one to avoid, which keeps the new route), even with no ladder move pending: it is a new fact
     * about the route, not advice answered before.
     */
    private static Optional<ProposedRecommendation> offTheMouth(ClinicalPicture picture,
                                                                NewFact.PatientFactorsChanged changed) {
        if (changed.before().isUnableToSwallow() || !changed.after().isUnableToSwallow()) {
            return Optional.empty();
        }
        return AdjustmentRules.organFunctionSwitch(picture).or(() -> AdjustmentRules.routeChange(picture));
    }

    /**
     * Marks the pending advice of the card's rule as replaced when the bands changed or the card now says something
     * else; tells whether there was any.
     */
    private static boolean replaceSameRule(PatientSnapshot snapshot, ProposedRecommendation card, boolean newBands,
                                           List<UUID> replaced) {
        List<PendingRecommendation> sameRule = snapshot.pending().stream()
                .filter(p -> p.ruleId() == card.ruleId()).toList();
        if (!sameRule.isEmpty() && (newBands
                || sameRule.stream().noneMatch(p -> p.fingerprint().equals(card.fingerprint())))) {
            sameRule.forEach(p -> replaced.add(p.id()));
            return true;
        }
        return false;
    }

    private static PatientSnapshot withRegimen(PatientSnapshot s, RegimenFacts regimen) {
        return new PatientSnapshot(s.patientId(), s.ladderStep(), s.ladderSince(), s.boneMetastases(),
                s.painConditions(), s.lifeExpectancyMonths(), s.primarySite(), s.contraindications(), regimen,
                s.recentAssessments(), s.pending(), s.factors(),
                s.organFunctionBands(), s.procedures());
    }
}

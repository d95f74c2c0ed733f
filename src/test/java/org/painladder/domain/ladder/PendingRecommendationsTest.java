package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.ladder.Assessments.assessments;
import static org.painladder.domain.ladder.PatientSnapshots.onStep1WithParacetamol;
import static org.painladder.domain.ladder.PatientSnapshots.onStep3WithMorphine;
import static org.painladder.domain.ladder.PatientSnapshots.onStep3WithOxycodone;
import static org.painladder.domain.ladder.Vignettes.CLOCK;
import static org.painladder.domain.ladder.Vignettes.ENGINE;
import static org.painladder.domain.ladder.Vignettes.ladderMoves;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.Severity;
import org.painladder.domain.patient.HepaticImpairment;

/** At most one pending ladder move; the same advice is not repeated while an equal one is pending. */
class PendingRecommendationsTest {

    private static final UUID PENDING_ID = new UUID(0xbeefL, 1L);
    private static final LadderPolicy POLICY = LadderPolicy.defaults();

    private static Decision evaluate(PatientSnapshots patient, PainAssessment newAssessment) {
        return ENGINE.evaluate(patient.build(), new NewFact.AssessmentRecorded(newAssessment), POLICY, CLOCK);
    }

    private static PendingRecommendation pending(RecommendationType type, RuleId rule, String fingerprint,
                                                 long regimenVersion) {
        return new PendingRecommendation(PENDING_ID, type, rule, fingerprint, regimenVersion);
    }

    private static PendingRecommendation pendingFrom(ProposedRecommendation r, long regimenVersion) {
        return new PendingRecommendation(PENDING_ID, r.type(), r.ruleId(), r.fingerprint(), regimenVersion);
    }

    @Test
    void theSameTitrationIsNotProposedTwiceWhileItIsPending() {
        PainAssessment first = assessments().background(8).btp(2).hoursAgo(1);
        ProposedRecommendation titration = ladderMoves(evaluate(onStep3WithOxycodone(40), first)).get(0);
        assertEquals(RuleId.LAD_06, titration.ruleId());

        Decision again = evaluate(onStep3WithOxycodone(40).with(first).pending(pendingFrom(titration, 3)),
                assessments().background(8).btp(2).now());

        assertEquals(List.of(), ladderMoves(again));
        assertEquals(List.of(), again.toSupersede());
    }

    @Test
    void newOrganFunctionReplacesAPendingMoveWhoseProposalIsUnchangedSoItsChecksSayWhatIsKnownNow() {
        PainAssessment severe = assessments().background(8).btp(0).hoursAgo(10);
        ProposedRecommendation titration = ladderMoves(evaluate(onStep3WithMorphine(120), severe)).get(0);
        PatientSnapshot childPughC = onStep3WithMorphine(120).hepatic(HepaticImpairment.SEVERE).with(severe)
                .pending(pendingFrom(titration, 3)).build();

        Decision decision = ENGINE.evaluate(childPughC, new NewFact.PatientFactorsChanged(null, childPughC.factors(),
                null, childPughC.organFunctionBands()), POLICY, CLOCK);

        assertEquals(List.of(PENDING_ID), decision.toSupersede());
        ProposedRecommendation replacement = ladderMoves(decision).get(0);
        // §8.2: morphine is a caution drug in Child-Pugh C, so the step is now halved (120 → 150, not 180).
        assertEquals(0, new java.math.BigDecimal("150").compareTo((java.math.BigDecimal) replacement.proposal()
                .get("toDailyDose")));
        assertEquals("CHANGED", replacement.safetyChecks().stream()
                .filter(c -> c.check().equals(SafetyCheck.ORGAN_FUNCTION)).findFirst().orElseThrow().result());
    }

    @Test
    void aNewLadderMoveSupersedesThePendingOne() {
        PendingRecommendation moderateTitration = pending(RecommendationType.TITRATE_DOSE, RuleId.LAD_07,
                "an older, smaller step", 3);

        Decision decision = evaluate(onStep3WithOxycodone(40).pending(moderateTitration),
                assessments().background(9).btp(2).now());

        assertEquals(RuleId.LAD_06, ladderMoves(decision).get(0).ruleId());
        assertEquals(List.of(PENDING_ID), decision.toSupersede());
    }

    @Test
    void coAdviceNeverSupersedesAPendingLadderMove() {
        PendingRecommendation escalation = pending(RecommendationType.ESCALATE_TO_STEP_2, RuleId.LAD_02, "codeine", 1);

        Decision decision = evaluate(onStep1WithParacetamol().pending(escalation),
                assessments().background(5).mechanism(PainMechanism.NEUROPATHIC).now());

        assertTrue(decision.toAdd().stream().anyMatch(r -> r.ruleId() == RuleId.ADJ_01));
        assertEquals(List.of(), decision.toSupersede());
    }

    @Test
    void aSafetyEventDuringAnEscalationWithdrawsTheEscalationAndCutsTheDose() {
        PendingRecommendation titrationUp = pending(RecommendationType.TITRATE_DOSE, RuleId.LAD_06,
                "oxycodone 40 → 60", 3);

        Decision decision = evaluate(onStep3WithOxycodone(40).pending(titrationUp),
                assessments().background(7).with(AdverseEffectType.RESPIRATORY_DEPRESSION, Severity.MILD).now());

        ProposedRecommendation move = ladderMoves(decision).get(0);
        assertEquals(RuleId.SAF_01, move.ruleId());
        assertEquals("DOWN", move.proposal().get("direction"));
        assertEquals("critical", move.indicator());
        assertEquals(List.of(PENDING_ID), decision.toSupersede());
    }

    @Test
    void aSafetyEventOnStep1WithdrawsAPendingSkipToStep3EvenWithoutADoseToCut() {
        PendingRecommendation skip = pending(RecommendationType.ESCALATE_TO_STEP_3, RuleId.LAD_04,
                "morphine 5 mg every 4 h", 1);

        Decision decision = evaluate(onStep1WithParacetamol().pending(skip),
                assessments().background(8).with(AdverseEffectType.SEDATION, Severity.SEVERE).now());

        assertEquals(List.of(), ladderMoves(decision));
        assertEquals(List.of(PENDING_ID), decision.toSupersede());
    }

    @Test
    void maintainIsOncePerRegimenVersionByItsFingerprint() {
        PatientSnapshots controlled = onStep3WithOxycodone(40).with(assessments().background(2).hoursAgo(20));
        ProposedRecommendation v3 = ladderMoves(evaluate(controlled, assessments().background(1).now())).get(0);
        ProposedRecommendation v4 = ladderMoves(evaluate(onStep3WithOxycodone(40).regimenVersion(4, 72)
                .with(assessments().background(2).hoursAgo(20)), assessments().background(1).now())).get(0);

        assertEquals(RuleId.MNT_01, v3.ruleId());
        assertNotEquals(v3.fingerprint(), v4.fingerprint());
        assertEquals(64, v3.fingerprint().length());
    }

    @Test
    void aRegimenChangeSupersedesLadderMovesWrittenForTheOldRegimen() {
        PendingRecommendation stale = pending(RecommendationType.TITRATE_DOSE, RuleId.LAD_06, "oxycodone 40 → 60", 3);
        PendingRecommendation adjuvant = new PendingRecommendation(new UUID(0xbeefL, 2L),
                RecommendationType.ADD_ADJUVANT, RuleId.ADJ_01, "gabapentin", 3);
        PatientSnapshot snapshot = onStep3WithOxycodone(60).regimenVersion(4, 0).pending(stale).pending(adjuvant)
                .build();

        Decision decision = ENGINE.evaluate(snapshot,
                new NewFact.RegimenChanged(onStep3WithOxycodone(40).regimen(), snapshot.regimen()), POLICY, CLOCK);

        assertEquals(List.of(PENDING_ID), decision.toSupersede());
    }

    /**
     * Never withhold analgesia (§8.1.2): the pain that asked for the withdrawn move is still there, so the ladder is
     * asked again on the new regimen.
     */
    @Test
    void severePainStillGetsALadderMoveWhenTheRegimenThatArrivesDoesNotTreatIt() {
        PendingRecommendation skipToStep3 = pending(RecommendationType.ESCALATE_TO_STEP_3, RuleId.LAD_04,
                "morphine 5 mg every 4 h", 0);
        PatientSnapshot paracetamolOnly = onStep1WithParacetamol().regimenVersion(1, 0)
                .with(assessments().background(8).hoursAgo(2)).pending(skipToStep3).build();

        Decision decision = ENGINE.evaluate(paracetamolOnly,
                new NewFact.RegimenChanged(RegimenFacts.none(), paracetamolOnly.regimen()), POLICY, CLOCK);

        assertEquals(List.of(PENDING_ID), decision.toSupersede());
        assertEquals(List.of(RuleId.LAD_04), ladderMoves(decision).stream().map(ProposedRecommendation::ruleId)
                .toList());
    }

    @Test
    void aRegimenChangeThatLeavesTheOpioidAloneReproposesTheTitrationForTheNewVersion() {
        PendingRecommendation stale = pending(RecommendationType.TITRATE_DOSE, RuleId.LAD_06, "oxycodone 40 → 60", 3);
        PatientSnapshot laxativeAdded = onStep3WithOxycodone(40).regimenVersion(4, 0)
                .with(assessments().background(8).btp(2).hoursAgo(1)).pending(stale).build();

        Decision decision = ENGINE.evaluate(laxativeAdded,
                new NewFact.RegimenChanged(onStep3WithOxycodone(40).regimen(), laxativeAdded.regimen()), POLICY,
                CLOCK);

        assertEquals(List.of(PENDING_ID), decision.toSupersede());
        assertEquals(List.of(RuleId.LAD_06), ladderMoves(decision).stream().map(ProposedRecommendation::ruleId)
                .toList());
    }

    /** Scores taken before a new opioid dose say nothing yet about that dose: titration waits for its interval. */
    @Test
    void aNewOpioidDoseIsNotTitratedOnScoresTakenBeforeIt() {
        PatientSnapshot justStarted = onStep3WithOxycodone(40).lastOpioidChangeHoursAgo(0).regimenVersion(1, 0)
                .with(assessments().background(8).hoursAgo(2)).build();

        Decision decision = ENGINE.evaluate(justStarted,
                new NewFact.RegimenChanged(RegimenFacts.none(), justStarted.regimen()), POLICY, CLOCK);

        assertEquals(List.of(), ladderMoves(decision));
    }

    /** Maintain and step down judge the regimen the patient takes, so they wait for a score taken on the new one. */
    @Test
    void aRegimenChangeWhilePainIsControlledProposesNoMaintainAndNoStepDown() {
        PatientSnapshot controlled = onStep3WithOxycodone(40).regimenVersion(4, 0)
                .with(assessments().background(2).hoursAgo(20), assessments().background(1).hoursAgo(1)).build();

        Decision decision = ENGINE.evaluate(controlled,
                new NewFact.RegimenChanged(onStep3WithOxycodone(40).regimen(), controlled.regimen()), POLICY, CLOCK);

        assertEquals(List.of(), ladderMoves(decision));
    }

    /** A rescue sized for the old daily dose, or asked for when the new regimen has one, must not stay pending. */
    @Test
    void aRegimenChangeSupersedesRescueAndLaxativeAdviceWrittenForTheOldRegimen() {
        PendingRecommendation rescueFor36 = pending(RecommendationType.ADJUST_RESCUE_DOSE, RuleId.RSC_01,
                "morphine 36 mg/day without a rescue", 3);
        PatientSnapshot withRescue = onStep3WithMorphine(60).regimenVersion(4, 0).pending(rescueFor36).build();

        Decision rescued = ENGINE.evaluate(withRescue,
                new NewFact.RegimenChanged(onStep3WithMorphine(36).regimen(), withRescue.regimen()), POLICY, CLOCK);

        assertEquals(List.of(PENDING_ID), rescued.toSupersede());
        assertTrue(rescued.toAdd().stream().noneMatch(r -> r.ruleId() == RuleId.RSC_01));

        PatientSnapshot stillWithout = onStep3WithMorphine(60).withoutRescue().regimenVersion(4, 0)
                .pending(rescueFor36).build();
        Decision resized = ENGINE.evaluate(stillWithout,
                new NewFact.RegimenChanged(onStep3WithMorphine(36).regimen(), stillWithout.regimen()), POLICY, CLOCK);

        assertEquals(List.of(PENDING_ID), resized.toSupersede());
        assertEquals(1, resized.toAdd().stream().filter(r -> r.ruleId() == RuleId.RSC_01
                && r.rationale().contains("OMEDD 60 mg/day")).count());
    }

    @Test
    void theNewAssessmentIsCountedOnceWhetherOrNotTheServiceAlreadyPutItInTheWindow() {
        PainAssessment earlier = assessments().background(5).hoursAgo(8);
        PainAssessment latest = assessments().background(5).now();

        Decision without = evaluate(onStep1WithParacetamol().with(earlier), latest);
        Decision with = evaluate(onStep1WithParacetamol().with(earlier, latest), latest);

        assertEquals(without, with);
        assertEquals(RuleId.LAD_02, ladderMoves(with).get(0).ruleId());
    }
}

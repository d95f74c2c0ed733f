package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.painladder.domain.patient.PatientFactors;

/**
 * §1.10 and §8.2 as properties over {@link RandomPatients}: transmucosal fentanyl only after a week at the tolerance
 * dose, and nothing by mouth raised or started for a patient on an oral opioid who cannot swallow.
 */
class RouteAndTolerancePropertiesTest {

    private static final LadderPolicy POLICY = LadderPolicy.defaults();
    private static final int EXAMPLES = 1500;

    private static Decision decide(PatientSnapshot snapshot, RandomPatients.Scenario s) {
        return Vignettes.ENGINE.evaluate(snapshot, s.fact(), POLICY, Vignettes.CLOCK);
    }

    /** The scenario's patient with the tolerance dose held since {@code since} (null: not held now). */
    private static PatientSnapshot toleranceDoseSince(PatientSnapshot s, Instant since) {
        RegimenFacts r = s.regimen();
        RegimenFacts regimen = new RegimenFacts(r.ladderStep(), r.omeddMg(), r.prnOmeddMg(), r.scheduled(),
                r.rescues(), r.regimenVersion(), r.effectiveAt(), r.lastScheduledOpioidChangeAt(), r.step3Since(),
                r.strongOpioidsTriedSinceStep3(), r.adjuvantScheduled(), r.scheduledCodes(),
                r.opioidDoseIncreasesAt(), r.warningCodes(), since);
        return new PatientSnapshot(s.patientId(), s.ladderStep(), s.ladderSince(), s.boneMetastases(),
                s.painConditions(), s.lifeExpectancyMonths(), s.primarySite(), s.contraindications(), regimen,
                s.recentAssessments(), s.pending(), s.factors(), s.organFunctionBands(), s.procedures());
    }

    private static PatientSnapshot unableToSwallow(PatientSnapshot s) {
        PatientFactors f = s.factors();
        return new PatientSnapshot(s.patientId(), s.ladderStep(), s.ladderSince(), s.boneMetastases(),
                s.painConditions(), s.lifeExpectancyMonths(), s.primarySite(), s.contraindications(), s.regimen(),
                s.recentAssessments(), s.pending(), new PatientFactors(f.renalFunction(), f.hepaticImpairment(),
                f.frail(), f.weightKg(), true), s.organFunctionBands(), s.procedures());
    }

    @Test
    void transmucosalFentanylIsOfferedOnlyAfterAWeekAtTheToleranceDose() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            RandomPatients.Scenario s = RandomPatients.scenario(seed);
            Random random = new Random(seed);
            Instant since = random.nextInt(4) == 0 ? null
                    : Assessments.NOW.minus(Duration.ofHours(random.nextInt(14 * 24)));
            PatientSnapshot snapshot = toleranceDoseSince(s.snapshot(), since);
            Decision decision = decide(snapshot, s);
            boolean tolerant = since != null && !since.isAfter(Assessments.NOW.minus(Duration.ofDays(7)))
                    && !snapshot.regimen().patchWithoutTolerance();
            decision.toAdd().stream().filter(r -> r.ruleId() == RuleId.RSC_03).forEach(r -> assertTrue(tolerant
                    || !String.valueOf(r.proposal().get("transmucosalFentanyl")).startsWith("option"),
                    () -> "seed " + seed + ", tolerance dose since " + since + ": " + r.proposal()));
        });
    }

    @Test
    void nothingByMouthIsRaisedOrStartedForAPatientOnAnOralOpioidWhoCannotSwallow() {
        qt().withExamples(EXAMPLES).forAll(longs().all()).checkAssert(seed -> {
            RandomPatients.Scenario s = RandomPatients.scenario(seed);
            PatientSnapshot snapshot = unableToSwallow(s.snapshot());
            boolean onOralOpioid = PrimaryOpioid.of(snapshot.regimen())
                    .filter(drug -> Equianalgesia.ORAL.equals(drug.route())).isPresent();
            if (!onOralOpioid) {
                return;
            }
            Decision decision = decide(snapshot, s);
            Vignettes.ladderMoves(decision).stream().filter(r -> !"DOWN".equals(r.proposal().get("direction")))
                    .forEach(r -> assertFalse(Equianalgesia.ORAL.equals(r.proposal().get("route"))
                                    || Equianalgesia.ORAL.equals(r.proposal().get("rescueRoute")),
                            () -> "seed " + seed + ": " + r.ruleId().code() + " " + r.proposal()));
        });
    }
}

package org.painladder.domain.ladder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.pain.RedFlag;
import org.painladder.domain.pain.Severity;
import org.painladder.domain.patient.HepaticImpairment;
import org.painladder.domain.patient.PrimarySite;

/**
 * Random but plausible patients for the property tests, built from a seed so that QuickTheories can replay a failure:
 * any step and opioid, up to eight earlier assessments over the last week with flares, adverse effects (neurotoxicity
 * included, up to severe; now and then respiratory depression), a new assessment now and then charted up to 72 h late, typed breakthrough episodes, red flags and acute episodes at any site, patient factors
 * (eGFR, hepatic impairment, frailty, age), a patch started without opioid tolerance, a missing laxative, and possibly
 * a pending recommendation.
 */
final class RandomPatients {

    private static final RuleId[] LADDER_RULES = {RuleId.LAD_02, RuleId.LAD_04, RuleId.LAD_06, RuleId.LAD_07,
            RuleId.ROT_01, RuleId.MNT_01, RuleId.STD_01, RuleId.SAF_02};
    private static final RuleId[] ADVICE_RULES = {RuleId.ADJ_01, RuleId.CAU_01, RuleId.RSC_01, RuleId.RSC_02,
            RuleId.RSC_03, RuleId.INT_04};

    private RandomPatients() {
    }

    record Scenario(PatientSnapshot snapshot, PainAssessment newAssessment) {
        NewFact fact() {
            return new NewFact.AssessmentRecorded(newAssessment);
        }
    }

    static Scenario scenario(long seed) {
        return scenario(seed, false);
    }

    /** @param safetyTrigger the patient has respiratory depression or sedation that stops escalation */
    static Scenario scenario(long seed, boolean safetyTrigger) {
        Random random = new Random(seed);
        PatientSnapshots patient = patient(random);
        int earlier = random.nextInt(9);
        for (int i = 0; i < earlier; i++) {
            patient.with(assessment(random, random.nextInt(7 * 24 * 60) + 1));
        }
        PainAssessment newAssessment = assessment(random, random.nextInt(10) == 0 ? random.nextInt(72 * 60) : 0);
        if (safetyTrigger) {
            int how = random.nextInt(3);
            Assessments trigger = base(random).with(how == 0 ? AdverseEffectType.RESPIRATORY_DEPRESSION
                    : AdverseEffectType.SEDATION, how == 2 ? Severity.MODERATE : Severity.SEVERE);
            if (how == 1) {
                patient.with(trigger.hoursAgo(random.nextInt(23 * 60) / 60.0));
            } else {
                newAssessment = trigger.now();
            }
        }
        if (random.nextBoolean()) {
            RuleId rule = LADDER_RULES[random.nextInt(LADDER_RULES.length)];
            patient.pending(new PendingRecommendation(new UUID(1, random.nextLong()), rule.type(), rule, "pending "
                    + rule,
                    random.nextInt(4)));
        }
        if (random.nextBoolean()) {
            RuleId rule = ADVICE_RULES[random.nextInt(ADVICE_RULES.length)];
            patient.pending(new PendingRecommendation(new UUID(2, random.nextLong()), rule.type(), rule, "pending "
                    + rule,
                    3));
        }
        return new Scenario(patient.build(), newAssessment);
    }

    private static PatientSnapshots patient(Random random) {
        PatientSnapshots patient = switch (random.nextInt(7)) {
            case 0 -> PatientSnapshots.noAnalgesia();
            case 1 -> PatientSnapshots.onStep1WithParacetamol();
            case 2 -> PatientSnapshots.onStep2WithCodeine(30 * (1 + random.nextInt(12)));
            case 3 -> PatientSnapshots.onStep3WithOxycodone(5 * (1 + random.nextInt(80)));
            case 4 -> PatientSnapshots.onStep3WithMorphine(5 * (1 + random.nextInt(120)));
            case 5 -> PatientSnapshots.onFentanylPatch(12 + 25 * random.nextInt(8));
            default -> PatientSnapshots.onMethadone(5 * (1 + random.nextInt(20)));
        };
        if (random.nextBoolean()) {
            patient.lastOpioidChangeHoursAgo(random.nextInt(200));
        }
        if (random.nextInt(4) == 0) {
            patient.withoutRescue();
        }
        if (random.nextInt(4) == 0) {
            patient.doseIncreasedHoursAgo(random.nextInt(150), random.nextInt(150));
        }
        if (random.nextInt(3) == 0) {
            patient.egfr(5 + random.nextInt(90));
        } else if (random.nextInt(10) == 0) {
            patient.onHaemodialysis();
        }
        if (random.nextInt(5) == 0) {
            patient.hepatic(HepaticImpairment.values()[random.nextInt(HepaticImpairment.values().length)]);
        }
        if (random.nextInt(5) == 0) {
            patient.frail();
        }
        patient.aged(40 + random.nextInt(55));
        if (random.nextInt(6) == 0) {
            patient.withBoneMetastases();
        }
        if (random.nextInt(5) == 0) {
            // One choice more than there are sites: a patient registered without a diagnosis has none.
            int site = random.nextInt(PrimarySite.values().length + 1);
            patient.primary(site < PrimarySite.values().length ? PrimarySite.values()[site] : null);
        }
        if (random.nextInt(6) == 0) {
            patient.regimenWarning("FENTANYL_PATCH_NOT_OPIOID_TOLERANT");
        }
        if (random.nextInt(4) == 0) {
            patient.withoutLaxative();
        }
        if (random.nextInt(5) == 0) {
            patient.lifeExpectancyMonths(random.nextInt(13));
        }
        return patient;
    }

    private static PainAssessment assessment(Random random, int minutesAgo) {
        return base(random).hoursAgo(minutesAgo / 60.0);
    }

    private static Assessments base(Random random) {
        Assessments a = Assessments.assessments();
        int score = random.nextInt(11);
        a = random.nextInt(5) == 0 ? a.breakthrough(score) : a.background(score);
        a.btp(random.nextInt(8));
        if (random.nextInt(6) == 0) {
            a.acute(AcuteCause.values()[random.nextInt(AcuteCause.values().length)]);
        }
        if (random.nextInt(4) == 0) {
            a.mechanism(PainMechanism.values()[random.nextInt(PainMechanism.values().length)]);
        }
        if (random.nextInt(6) == 0) {
            a.site(PainSite.values()[random.nextInt(PainSite.values().length)]);
        }
        if (random.nextInt(4) == 0) {
            List<AdverseEffectType> types = new ArrayList<>(List.of(AdverseEffectType.values()));
            types.remove(AdverseEffectType.RESPIRATORY_DEPRESSION);
            AdverseEffectType type = types.get(random.nextInt(types.size()));
            boolean neurotoxic = type == AdverseEffectType.DELIRIUM || type == AdverseEffectType.MYOCLONUS
                    || type == AdverseEffectType.HALLUCINATIONS || type == AdverseEffectType.HYPERALGESIA;
            a.with(type, Severity.values()[random.nextInt(neurotoxic ? 3 : 2)]);
        }
        if (random.nextInt(20) == 0) {
            a.with(AdverseEffectType.RESPIRATORY_DEPRESSION, Severity.values()[random.nextInt(3)]);
        }
        if (random.nextInt(4) == 0) {
            a.type(BreakthroughType.values()[random.nextInt(BreakthroughType.values().length)]);
        }
        if (random.nextInt(10) == 0) {
            a.flag(RedFlag.values()[random.nextInt(RedFlag.values().length)]);
        }
        return a;
    }
}

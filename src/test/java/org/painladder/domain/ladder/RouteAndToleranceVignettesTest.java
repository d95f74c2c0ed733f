package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.painladder.domain.ladder.Assessments.assessments;
import static org.painladder.domain.ladder.PatientSnapshots.noAnalgesia;
import static org.painladder.domain.ladder.PatientSnapshots.onFentanylPatch;
import static org.painladder.domain.ladder.PatientSnapshots.onStep1WithParacetamol;
import static org.painladder.domain.ladder.PatientSnapshots.onStep2WithCodeine;
import static org.painladder.domain.ladder.PatientSnapshots.onStep3WithMorphine;
import static org.painladder.domain.ladder.PatientSnapshots.onStep3WithOxycodone;
import static org.painladder.domain.ladder.RuleId.LAD_02;
import static org.painladder.domain.ladder.RuleId.LAD_04;
import static org.painladder.domain.ladder.RuleId.LAD_06;
import static org.painladder.domain.ladder.RuleId.MNT_01;
import static org.painladder.domain.ladder.RuleId.ORG_01;
import static org.painladder.domain.ladder.RuleId.ROT_01;
import static org.painladder.domain.ladder.RuleId.ROT_03;
import static org.painladder.domain.ladder.RuleId.RSC_03;
import static org.painladder.domain.ladder.RuleId.SAF_01;
import static org.painladder.domain.ladder.Vignettes.advice;
import static org.painladder.domain.ladder.Vignettes.factorsChange;
import static org.painladder.domain.ladder.Vignettes.indicator;
import static org.painladder.domain.ladder.Vignettes.move;
import static org.painladder.domain.ladder.Vignettes.noAdvice;
import static org.painladder.domain.ladder.Vignettes.rationaleSays;
import static org.painladder.domain.ladder.Vignettes.safetyCheck;
import static org.painladder.domain.ladder.Vignettes.supersedes;
import static org.painladder.domain.ladder.Vignettes.vignette;
import static org.painladder.domain.pain.AdverseEffectType.PRURITUS;
import static org.painladder.domain.pain.AdverseEffectType.RESPIRATORY_DEPRESSION;
import static org.painladder.domain.pain.AdverseEffectType.SEDATION;
import static org.painladder.domain.pain.Severity.MILD;
import static org.painladder.domain.pain.Severity.MODERATE;
import static org.painladder.domain.pain.Severity.SEVERE;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.patient.HepaticImpairment;

/**
 * The third outside tester (2026-12-07, palliative-care pharmacist): the route for a patient who cannot swallow
 * (ROT-03, §8.2), one opioid-tolerance judgement with its week (§1.10, §8.6), SAF-01 on a patch started without
 * tolerance and on an as-needed opioid alone (§8.1.1), drug names in fixed text, and the frail start on step 2.
 */
class RouteAndToleranceVignettesTest {

    private static final UUID PENDING_MNT_01 = UUID.fromString("00000000-0000-0000-0000-0000000e0001");

    @ParameterizedTest(name = "{0}")
    @MethodSource({"unableToSwallow", "opioidTolerance", "toxicity", "drugNamesAndFrailStart"})
    void theEngineDecidesAsTheTeamWould(Vignettes vignette) {
        vignette.check();
    }

    static Stream<Vignettes> unableToSwallow() {
        return Stream.of(
                vignette("Cannot swallow, oral morphine 60 mg/day, pain 8 and 8: ROT-03 to SC morphine 20 mg/day "
                                + "(same drug, no cut; oral:SC 3:1 in the direction of travel), not LAD-06 by mouth",
                        onStep3WithMorphine(60).unableToSwallow()
                                .with(assessments().background(8).hoursAgo(10)),
                        assessments().background(8).now(),
                        move(ROT_03, "drug", "MORPHINE", "route", "SC", "toDailyDose", 20, "rescueRoute", "SC",
                                "frequency", "continuous subcutaneous infusion over 24 h"),
                        noAdvice(LAD_06), rationaleSays(ROT_03, "cannot swallow")),
                vignette("Cannot swallow, oral morphine 60 mg/day, pain 3 and 3: ROT-03, not MNT-01 'continue'",
                        onStep3WithMorphine(60).unableToSwallow()
                                .with(assessments().background(3).hoursAgo(10)),
                        assessments().background(3).now(),
                        move(ROT_03, "route", "SC", "toDailyDose", 20), noAdvice(MNT_01)),
                factorsChange("PATCH unableToSwallow true with MNT-01 pending: ROT-03 replaces it",
                        onStep3WithMorphine(60).unableToSwallow()
                                .with(assessments().background(3).hoursAgo(10), assessments().background(3)
                                        .hoursAgo(1))
                                .pending(new PendingRecommendation(PENDING_MNT_01, MNT_01.type(), MNT_01,
                                        "pending MNT-01", 3)),
                        move(ROT_03, "route", "SC"), supersedes(PENDING_MNT_01)),
                factorsChange("PATCH unableToSwallow true with nothing pending: ROT-03 all the same",
                        onStep3WithMorphine(60).unableToSwallow()
                                .with(assessments().background(3).hoursAgo(10), assessments().background(3)
                                        .hoursAgo(1)),
                        move(ROT_03, "drug", "MORPHINE", "route", "SC")),
                vignette("Cannot swallow and eGFR 20 on oral morphine: ORG-01 to SC hydromorphone, not oral",
                        onStep3WithMorphine(60).unableToSwallow().egfr(20)
                                .with(assessments().background(3).hoursAgo(10)),
                        assessments().background(3).now(),
                        move(ORG_01, "drug", "HYDROMORPHONE", "route", "SC", "rescueRoute", "SC",
                                "frequency", "continuous subcutaneous infusion over 24 h")),
                vignette("Syringe driver morphine SC 24 mg/day with eGFR 10: ORG-01 keeps SC hydromorphone",
                        new PatientSnapshots().strong("MORPHINE", "SC", 24, "mg", "2")
                                .rescue("MORPHINE", "SC", "2.5", "2").egfr(10)
                                .with(assessments().background(5).hoursAgo(10)),
                        assessments().background(6).now(),
                        move(ORG_01, "drug", "HYDROMORPHONE", "route", "SC", "fromRoute", "SC", "rescueRoute", "SC")),
                vignette("Cannot swallow on codeine 240 mg/day: ROT-03 to SC morphine less 25 %",
                        onStep2WithCodeine(240).unableToSwallow()
                                .with(assessments().background(3).hoursAgo(10)),
                        assessments().background(3).now(),
                        move(ROT_03, "drug", "MORPHINE", "route", "SC", "crossToleranceReductionPct", 25)),
                vignette("Cannot swallow, opioid-naive, severe pain: LAD-04 starts SC morphine 2 mg every 4 h, "
                                + "rescue SC",
                        noAnalgesia().unableToSwallow(), assessments().background(8).now(),
                        move(LAD_04, "drug", "MORPHINE", "route", "SC", "dose", 2, "toDailyDose", 12,
                                "rescueRoute", "SC", "rescueDose", 2, "reassessAfterMinutes", 30)),
                vignette("Severe pruritus twice on SC morphine 24 mg/day: ROT-01 keeps the SC route",
                        new PatientSnapshots().strong("MORPHINE", "SC", 24, "mg", "2")
                                .rescue("MORPHINE", "SC", "2.5", "2")
                                .with(assessments().background(4).with(PRURITUS, SEVERE).hoursAgo(10)),
                        assessments().background(4).with(PRURITUS, SEVERE).now(),
                        move(ROT_01, "fromRoute", "SC", "route", "SC", "rescueRoute", "SC",
                                "frequency", "continuous subcutaneous infusion over 24 h")),
                vignette("Cannot swallow, severe pruritus twice on oral oxycodone: ROT-01 goes SC, not by mouth",
                        onStep3WithOxycodone(40).unableToSwallow()
                                .with(assessments().background(4).with(PRURITUS, SEVERE).hoursAgo(10)),
                        assessments().background(4).with(PRURITUS, SEVERE).now(),
                        move(ROT_01, "fromRoute", "ORAL", "route", "SC", "rescueRoute", "SC")),
                vignette("Able to swallow: MNT-01 as before, no ROT-03",
                        onStep3WithMorphine(60).with(assessments().background(3).hoursAgo(10)),
                        assessments().background(3).now(),
                        move(MNT_01), noAdvice(ROT_03)));
    }

    static Stream<Vignettes> opioidTolerance() {
        return Stream.of(
                vignette("Tester: morphine 60 mg/day for 20 h, incident pain: no TIRF, tolerance check CHANGED",
                        onStep3WithMorphine(60).toleranceDoseSinceDaysAgo(20.0 / 24)
                                .with(assessments().background(3).btp(4).type(BreakthroughType.INCIDENT).hoursAgo(12)),
                        assessments().background(3).btp(4).type(BreakthroughType.INCIDENT).hoursAgo(1),
                        advice(RSC_03, "transmucosalFentanyl", "not for a patient who is not opioid-tolerant"),
                        safetyCheck(RSC_03, "OPIOID_TOLERANCE", "CHANGED")),
                vignette("Morphine 60 mg/day for 5 days: still no TIRF (a week is needed)",
                        onStep3WithMorphine(60).toleranceDoseSinceDaysAgo(5)
                                .with(assessments().background(3).btp(4).type(BreakthroughType.INCIDENT).hoursAgo(12)),
                        assessments().background(3).btp(4).type(BreakthroughType.INCIDENT).hoursAgo(1),
                        advice(RSC_03, "transmucosalFentanyl", "not for a patient who is not opioid-tolerant"),
                        safetyCheck(RSC_03, "OPIOID_TOLERANCE", "CHANGED")),
                vignette("Morphine 60 mg/day for 8 days: TIRF is an option",
                        onStep3WithMorphine(60).toleranceDoseSinceDaysAgo(8)
                                .with(assessments().background(3).btp(4).type(BreakthroughType.INCIDENT).hoursAgo(12)),
                        assessments().background(3).btp(4).type(BreakthroughType.INCIDENT).hoursAgo(1),
                        advice(RSC_03, "transmucosalFentanyl", "option, titrated from the lowest strength")));
    }

    static Stream<Vignettes> toxicity() {
        return Stream.of(
                vignette("Tester: patch 50 mcg/h started without tolerance, respiratory depression: remove it, oral "
                                + "morphine IR at half the naive start, never 'restart the patch at 25 mcg/h'",
                        onFentanylPatch(50).regimenWarning("FENTANYL_PATCH_NOT_OPIOID_TOLERANT")
                                .with(assessments().background(8).with(RESPIRATORY_DEPRESSION, MILD).hoursAgo(10)),
                        assessments().background(8).with(RESPIRATORY_DEPRESSION, MILD).now(),
                        move(SAF_01, "direction", "DOWN", "removePatch", true, "stopDrug", "FENTANYL",
                                "fromDailyDose", 50, "fromUnit", "mcg/h", "drug", "MORPHINE", "route", "ORAL",
                                "dose", 2.5, "toDailyDose", 15, "unit", "mg"),
                        indicator(SAF_01, "critical"), safetyCheck(SAF_01, "OPIOID_TOLERANCE", "CHANGED"),
                        rationaleNever(SAF_01, "restart at half the dose"), rationaleNever(SAF_01, "25 mcg/h")),
                vignette("Patch 50 mcg/h in a tolerant patient, respiratory depression: SAF-01 halves the patch as "
                                + "before",
                        onFentanylPatch(50).with(assessments().background(8).with(RESPIRATORY_DEPRESSION, MILD)
                                .hoursAgo(10)),
                        assessments().background(8).with(RESPIRATORY_DEPRESSION, MILD).now(),
                        move(SAF_01, "drug", "FENTANYL", "toDailyDose", 25)),
                vignette("Tester: as-needed oral morphine 10 mg only, moderate respiratory depression: SAF-01 holds "
                                + "it, naloxone per protocol, as-needed doses back at 5 mg",
                        new PatientSnapshots().rescue("MORPHINE", "ORAL", "10", "1")
                                .with(assessments().background(8).with(RESPIRATORY_DEPRESSION, MODERATE)
                                        .hoursAgo(10)),
                        assessments().background(8).with(RESPIRATORY_DEPRESSION, MODERATE).now(),
                        move(SAF_01, "direction", "DOWN", "drug", "MORPHINE", "route", "ORAL", "asNeededOnly", true,
                                "fromDose", 10, "dose", 5, "doseUnit", "mg", "holdNextDose", true),
                        indicator(SAF_01, "critical"), noAdvice(LAD_04)),
                vignette("As-needed SC morphine 2.5 mg only, severe sedation: SAF-01 with as-needed 1 mg",
                        new PatientSnapshots().rescue("MORPHINE", "SC", "2.5", "2"),
                        assessments().background(6).with(SEDATION, SEVERE).now(),
                        move(SAF_01, "drug", "MORPHINE", "route", "SC", "dose", 1)));
    }

    static Stream<Vignettes> drugNamesAndFrailStart() {
        return Stream.of(
                vignette("eGFR 10, severe pain on step 0: LAD-04 hydromorphone, and its IV line names hydromorphone",
                        noAnalgesia().egfr(10), assessments().background(8).now(),
                        move(LAD_04, "drug", "HYDROMORPHONE", "dose", 0.5),
                        rationaleSays(LAD_04, "IV 0.15–0.35 mg hydromorphone"), rationaleNever(LAD_04, "mg morphine")),
                vignette("Child-Pugh C, severe pain on step 0: morphine halved, IV line halved too",
                        noAnalgesia().hepatic(HepaticImpairment.SEVERE), assessments().background(8).now(),
                        move(LAD_04, "drug", "MORPHINE", "dose", 2.5),
                        rationaleSays(LAD_04, "IV 1–2.5 mg morphine")),
                vignette("No organ problem: LAD-04 keeps IV 2–5 mg morphine",
                        noAnalgesia(), assessments().background(8).now(),
                        move(LAD_04, "drug", "MORPHINE", "dose", 5), rationaleSays(LAD_04, "IV 2–5 mg morphine")),
                vignette("Tester: frail on paracetamol, moderate pain 5 then 6: codeine 15 mg every 4 h (90 mg/day)",
                        onStep1WithParacetamol().frail().with(assessments().background(5).hoursAgo(10)),
                        assessments().background(6).now(),
                        move(LAD_02, "drug", "CODEINE", "dose", 15, "toDailyDose", 90,
                                "frequency", "every 4 h, by the clock"),
                        safetyCheck(LAD_02, "ORGAN_FUNCTION", "CHANGED")),
                vignette("Frail with eGFR 45 (codeine caution): 15 mg every 6 h (60 mg/day)",
                        onStep1WithParacetamol().frail().egfr(45).with(assessments().background(5).hoursAgo(10)),
                        assessments().background(6).now(),
                        move(LAD_02, "drug", "CODEINE", "dose", 15, "toDailyDose", 60,
                                "frequency", "every 6 h, by the clock")),
                vignette("Not frail: codeine 30 mg every 4 h (180 mg/day) as before",
                        onStep1WithParacetamol().with(assessments().background(5).hoursAgo(10)),
                        assessments().background(6).now(),
                        move(LAD_02, "drug", "CODEINE", "dose", 30, "toDailyDose", 180)));
    }

    private static Consumer<Decision> rationaleNever(RuleId rule, String words) {
        return decision -> decision.toAdd().stream().filter(r -> r.ruleId() == rule).forEach(r -> assertFalse(
                r.rationale().contains(words), () -> rule.code() + " should not say '" + words + "': "
                        + r.rationale()));
    }
}

package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.ladder.Assessments.assessments;
import static org.painladder.domain.ladder.PatientSnapshots.onStep1WithParacetamol;
import static org.painladder.domain.ladder.RuleId.LAD_05;
import static org.painladder.domain.ladder.RuleId.LAD_06;
import static org.painladder.domain.ladder.RuleId.LAD_07;
import static org.painladder.domain.ladder.RuleId.ROT_01;
import static org.painladder.domain.ladder.RuleId.RSC_01;
import static org.painladder.domain.ladder.RuleId.SAF_03;
import static org.painladder.domain.ladder.RuleId.STD_01;
import static org.painladder.domain.ladder.RuleId.LAD_01;
import static org.painladder.domain.ladder.PatientSnapshots.noAnalgesia;
import static org.painladder.domain.ladder.PatientSnapshots.onStep3WithMorphine;
import static org.painladder.domain.ladder.PatientSnapshots.onStep3WithOxycodone;
import static org.painladder.domain.pain.AdverseEffectType.DELIRIUM;
import static org.painladder.domain.pain.AdverseEffectType.HALLUCINATIONS;
import static org.painladder.domain.pain.AdverseEffectType.MYOCLONUS;
import static org.painladder.domain.pain.AdverseEffectType.NAUSEA;
import static org.painladder.domain.pain.Severity.MILD;
import static org.painladder.domain.pain.Severity.MODERATE;
import static org.painladder.domain.pain.Severity.SEVERE;
import static org.painladder.domain.ladder.Vignettes.advice;
import static org.painladder.domain.ladder.Vignettes.move;
import static org.painladder.domain.ladder.Vignettes.rationaleSays;
import static org.painladder.domain.ladder.Vignettes.regimenChange;
import static org.painladder.domain.ladder.Vignettes.safetyCheck;
import static org.painladder.domain.ladder.Vignettes.vignette;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.domain.patient.HepaticImpairment;

/**
 * A palliative-care pharmacist's black-box cases (2026-12-07): a drug with a ceiling (tapentadol 500 mg/day, §1.7,
 * §2.7) is never titrated past it, and at the ceiling the way on is a strong opioid without one; a buprenorphine
 * patch is titrated in marketed strengths with a rescue sized by the EAPC 75:1 ratio (§2.3), never 0 mg.
 */
class ConversionCeilingVignettesTest {

    static PatientSnapshots onTapentadol(int mgPerDay) {
        return onStep1WithParacetamol().strong("TAPENTADOL", "ORAL", mgPerDay, "mg", "0.4")
                .rescue("TAPENTADOL", "ORAL", "50", "0.4");
    }

    static PatientSnapshots onBuprenorphinePatch(int mcgPerHour) {
        return onStep1WithParacetamol().strong("BUPRENORPHINE", "TRANSDERMAL", mcgPerHour, "mcg/h", "0");
    }

    /** No proposal raises tapentadol above its 500 mg/day ceiling, scheduled or as rescue. */
    static Consumer<Decision> tapentadolWithinCeiling() {
        return decision -> decision.toAdd().forEach(r -> {
            Object to = r.proposal().get("toDailyDose");
            if ("TAPENTADOL".equals(r.proposal().get("drug")) && to instanceof BigDecimal d) {
                assertTrue(d.compareTo(BigDecimal.valueOf(500)) <= 0, r.ruleId().code() + " " + r.proposal());
            }
        });
    }

    private static final Pattern CUT = Pattern.compile("by (\\d+) % (?:\\([^)]*\\) )?(?:from \\S+ \\S+ )?to ");

    /** The first "by N %" of the rule's rationale is the cut from fromDailyDose to toDailyDose, after rounding. */
    static Consumer<Decision> cutSaysWhatItDoes(RuleId rule) {
        return decision -> {
            ProposedRecommendation r = decision.toAdd().stream().filter(x -> x.ruleId() == rule).findFirst()
                    .orElseThrow(() -> new AssertionError(rule.code() + " expected"));
            BigDecimal from = (BigDecimal) r.proposal().get("fromDailyDose");
            BigDecimal to = (BigDecimal) r.proposal().get("toDailyDose");
            long actual = from.subtract(to).multiply(BigDecimal.valueOf(100)).divide(from, 0, RoundingMode.HALF_UP)
                    .longValue();
            Matcher matcher = CUT.matcher(r.rationale());
            assertTrue(matcher.find(), r.rationale());
            assertEquals(actual, Long.parseLong(matcher.group(1)), r.rationale());
        };
    }

    /** The last line of the conversion trace names the daily dose proposed. */
    static Consumer<Decision> traceEndsAtTheProposal(RuleId rule) {
        return decision -> {
            ProposedRecommendation r = decision.toAdd().stream().filter(x -> x.ruleId() == rule).findFirst()
                    .orElseThrow(() -> new AssertionError(rule.code() + " expected"));
            List<?> trace = (List<?>) r.proposal().get("conversion");
            String last = String.valueOf(trace.get(trace.size() - 1));
            String dose = ((BigDecimal) r.proposal().get("toDailyDose")).stripTrailingZeros().toPlainString();
            assertTrue(last.contains(" " + dose + " mg/d"), last + " vs " + dose);
        };
    }

    static Consumer<Decision> rationaleNeverSays(RuleId rule, String words) {
        return decision -> decision.toAdd().stream().filter(x -> x.ruleId() == rule)
                .forEach(r -> assertFalse(r.rationale().contains(words), r.rationale()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textAgreesWithNumbers")
    void theTextSaysWhatTheNumbersDo(Vignettes vignette) {
        vignette.check();
    }

    static Stream<Vignettes> textAgreesWithNumbers() {
        return Stream.of(
                vignette("STD-01 on morphine 60 mg/day: 60 → 45 is a 25 % cut, not 20",
                        onStep3WithMorphine(60).with(assessments().background(2).btp(1).daysAgo(6.5),
                                assessments().background(1).btp(0).daysAgo(4),
                                assessments().background(2).btp(1).with(NAUSEA, MILD).daysAgo(1)),
                        assessments().background(1).btp(0).with(NAUSEA, MILD).now(),
                        move(STD_01, "fromDailyDose", 60, "toDailyDose", 45), cutSaysWhatItDoes(STD_01)),
                vignette("SAF-03 on oxycodone 60: 60 → 40 is a 33 % cut",
                        onStep3WithOxycodone(60), assessments().background(5).with(HALLUCINATIONS, MODERATE).now(),
                        move(SAF_03, "fromDailyDose", 60, "toDailyDose", 40), cutSaysWhatItDoes(SAF_03)),
                vignette("SAF-03 on a buprenorphine patch 35 mcg/h: 35 → 20 is a 43 % cut",
                        onBuprenorphinePatch(35), assessments().background(5).with(HALLUCINATIONS, MODERATE).now(),
                        move(SAF_03, "fromDailyDose", 35, "toDailyDose", 20), cutSaysWhatItDoes(SAF_03)),
                vignette("LAD-01 at 45 kg, aged 75: 650 mg every 6 h is 2600 mg/day, and the text says so",
                        noAnalgesia().weighing(45).aged(75), assessments().background(2).now(),
                        move(LAD_01, "dose", 650, "toDailyDose", 2600), rationaleSays(LAD_01, "2600 mg/day"),
                        rationaleNeverSays(LAD_01, "(2700 mg/day")),
                vignette("LAD-01 at 42 kg: 2400 mg/day, not 2520",
                        noAnalgesia().weighing(42), assessments().background(2).now(),
                        move(LAD_01, "toDailyDose", 2400), rationaleNeverSays(LAD_01, "(2520 mg/day")),
                vignette("ROT-01 hydromorphone 8 mg/day on dialysis, severe delirium: the trace ends at the dose given",
                        onStep1WithParacetamol().strong("HYDROMORPHONE", "ORAL", 8, "mg", "5")
                                .rescue("HYDROMORPHONE", "ORAL", "1", "5").onHaemodialysis(),
                        assessments().background(8).with(DELIRIUM, SEVERE).with(MYOCLONUS, SEVERE).now(),
                        move(ROT_01, "drug", "OXYCODONE"), traceEndsAtTheProposal(ROT_01)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theEngineDecidesAsThePharmacistWould(Vignettes vignette) {
        vignette.check();
    }

    static Stream<Vignettes> cases() {
        return Stream.of(
                vignette("Tapentadol 600 mg/day (over its 500 ceiling), 8/10 twice: switch to oral morphine, not 900",
                        onTapentadol(600).with(assessments().background(8).hoursAgo(10)),
                        assessments().background(8).hoursAgo(1),
                        move(LAD_05, "stopDrug", "TAPENTADOL", "drug", "MORPHINE", "toDailyDose", 180),
                        rationaleSays(LAD_05, "ceiling"), tapentadolWithinCeiling()),
                vignette("Tapentadol 500 mg/day, at its ceiling, 8/10: switch to oral morphine 150 mg/day",
                        onTapentadol(500).with(assessments().background(8).hoursAgo(10)),
                        assessments().background(8).hoursAgo(1),
                        move(LAD_05, "stopDrug", "TAPENTADOL", "drug", "MORPHINE", "toDailyDose", 150),
                        tapentadolWithinCeiling()),
                vignette("Tapentadol 400 mg/day, 8/10: +50 % would be 600, capped at the 500 mg/day ceiling",
                        onTapentadol(400).with(assessments().background(8).hoursAgo(10)),
                        assessments().background(8).hoursAgo(1),
                        move(LAD_06, "direction", "UP", "toDailyDose", 500, "rescueDrug", "MORPHINE",
                                "rescueDose", 30),
                        rationaleSays(LAD_06, "500 mg/day ceiling"), tapentadolWithinCeiling()),
                vignette("Tapentadol 450 mg/day, persistent 5/10: +30 % capped at 500",
                        onTapentadol(450).with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).hoursAgo(1),
                        move(LAD_07, "direction", "UP", "toDailyDose", 500), tapentadolWithinCeiling()),
                vignette("Buprenorphine patch 35 mcg/h, 8/10 twice: the next marketed strength 52.5 mcg/h, rescue"
                                + " from 75:1 (94.5 mg/day), never 0 mg",
                        onBuprenorphinePatch(35).with(assessments().background(8).hoursAgo(10)),
                        assessments().background(8).hoursAgo(1),
                        move(LAD_06, "direction", "UP", "toDailyDose", 52.5, "rescueDrug", "MORPHINE",
                                "rescueDose", 15)),
                vignette("Oxycodone 60 mg/day at eGFR 20, 8/10 twice: the ORG caution (−50 %) halves the step, +25 %"
                                + " to 75, not +50 % to 90",
                        onStep3WithOxycodone(60).egfr(20).with(assessments().background(8).hoursAgo(10)),
                        assessments().background(8).hoursAgo(1),
                        move(LAD_06, "direction", "UP", "toDailyDose", 75),
                        safetyCheck(LAD_06, "ORGAN_FUNCTION", "CHANGED")),
                vignette("Oxycodone 60 mg/day in Child-Pugh C, persistent 5/10: +15 % instead of +30 %, to 70",
                        onStep3WithOxycodone(60).hepatic(HepaticImpairment.SEVERE)
                                .with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).hoursAgo(1),
                        move(LAD_07, "direction", "UP", "toDailyDose", 70),
                        safetyCheck(LAD_07, "ORGAN_FUNCTION", "CHANGED")),
                regimenChange("Buprenorphine patch 35 mcg/h without a rescue: RSC-01 oral morphine 10 mg (63 mg/day"
                                + " by 75:1)",
                        onBuprenorphinePatch(35),
                        advice(RSC_01, "rescueDrug", "MORPHINE", "rescueDose", 10)));
    }
}

package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.ladder.Assessments.assessments;
import static org.painladder.domain.ladder.PatientSnapshots.onStep1WithParacetamol;
import static org.painladder.domain.ladder.RuleId.LAD_05;
import static org.painladder.domain.ladder.RuleId.LAD_06;
import static org.painladder.domain.ladder.RuleId.LAD_07;
import static org.painladder.domain.ladder.RuleId.RSC_01;
import static org.painladder.domain.ladder.Vignettes.advice;
import static org.painladder.domain.ladder.Vignettes.move;
import static org.painladder.domain.ladder.Vignettes.rationaleSays;
import static org.painladder.domain.ladder.Vignettes.regimenChange;
import static org.painladder.domain.ladder.Vignettes.vignette;

import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
            if ("TAPENTADOL".equals(r.proposal().get("drug")) && r.proposal().get("toDailyDose") instanceof BigDecimal d) {
                assertTrue(d.compareTo(BigDecimal.valueOf(500)) <= 0, r.ruleId().code() + " " + r.proposal());
            }
        });
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
                regimenChange("Buprenorphine patch 35 mcg/h without a rescue: RSC-01 oral morphine 10 mg (63 mg/day"
                                + " by 75:1)",
                        onBuprenorphinePatch(35),
                        advice(RSC_01, "rescueDrug", "MORPHINE", "rescueDose", 10)));
    }
}

package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.ladder.Assessments.assessments;
import static org.painladder.domain.ladder.PatientSnapshots.noAnalgesia;
import static org.painladder.domain.ladder.PatientSnapshots.onFentanylPatch;
import static org.painladder.domain.ladder.PatientSnapshots.onStep1WithParacetamol;
import static org.painladder.domain.ladder.PatientSnapshots.onStep2WithCodeine;
import static org.painladder.domain.ladder.PatientSnapshots.onStep3WithMorphine;
import static org.painladder.domain.ladder.PatientSnapshots.onStep3WithOxycodone;
import static org.painladder.domain.ladder.RuleId.ADJ_01;
import static org.painladder.domain.ladder.RuleId.ADJ_03;
import static org.painladder.domain.ladder.RuleId.CAU_01;
import static org.painladder.domain.ladder.RuleId.LAD_01;
import static org.painladder.domain.ladder.RuleId.LAD_02;
import static org.painladder.domain.ladder.RuleId.LAD_03;
import static org.painladder.domain.ladder.RuleId.LAD_04;
import static org.painladder.domain.ladder.RuleId.LAD_05;
import static org.painladder.domain.ladder.RuleId.LAD_06;
import static org.painladder.domain.ladder.RuleId.ROT_03;
import static org.painladder.domain.ladder.RuleId.RSC_01;
import static org.painladder.domain.ladder.RuleId.RSC_02;
import static org.painladder.domain.ladder.RuleId.SAF_01;
import static org.painladder.domain.ladder.RuleId.TOL_01;
import static org.painladder.domain.ladder.Vignettes.advice;
import static org.painladder.domain.ladder.Vignettes.move;
import static org.painladder.domain.ladder.Vignettes.noAdvice;
import static org.painladder.domain.ladder.Vignettes.rationaleSays;
import static org.painladder.domain.ladder.Vignettes.regimenChange;
import static org.painladder.domain.ladder.Vignettes.safetyCheck;
import static org.painladder.domain.ladder.Vignettes.vignette;
import static org.painladder.domain.pain.AdverseEffectType.RESPIRATORY_DEPRESSION;
import static org.painladder.domain.pain.Severity.MILD;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.patient.HepaticImpairment;

/**
 * The gaps rules 2026.12.2 left for a patient who cannot swallow (§8.2 unableToSwallow, clinical-rules §8.13 "not yet
 * changed"): starts, weak-opioid steps, the patch restart, rescues, laxative and adjuvants, each with the drug, route
 * and dose a palliative-care team would give; and the "longer interval" of §8.2's caution column for starts and
 * rescues.
 */
class UnableToSwallowVignettesTest {

    private static final String SYRINGE_DRIVER = "continuous subcutaneous infusion over 24 h";

    @ParameterizedTest(name = "{0}")
    @MethodSource({"startsAndSteps", "rescuesAndCoAdvice", "longerIntervalInACautionBand"})
    void theEngineDecidesAsThePalliativeTeamWould(Vignettes vignette) {
        vignette.check();
    }

    static Stream<Vignettes> startsAndSteps() {
        return Stream.of(
                vignette("Cannot swallow, paracetamol only, NRS 5 then 5: no codeine (tablets only); LAD-03 morphine "
                                + "10 mg/day by syringe driver (oral 30 mg/day at 3:1), SC rescue, paracetamol IV",
                        onStep1WithParacetamol().unableToSwallow().with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).now(),
                        move(LAD_03, "drug", "MORPHINE", "route", "SC", "toDailyDose", 10, "unit", "mg",
                                "frequency", SYRINGE_DRIVER, "oralEquivalentDailyDose", 30,
                                "rescueDrug", "MORPHINE", "rescueRoute", "SC", "rescueDose", 2,
                                "rescueFrequency", "as needed, up to every 30 min", "keepNonOpioid", true,
                                "nonOpioid", "paracetamol 1000 mg IV every 6 h (4000 mg/day; or the same dose "
                                        + "rectally)",
                                "laxative", true,
                                "rectalLaxative", "BISACODYL 10 mg suppository once a day (rectal)"),
                        noAdvice(LAD_02), rationaleSays(LAD_03, "a weak opioid cannot be given"),
                        safetyCheck(LAD_03, "ORGAN_FUNCTION", "CHANGED"), nothingByMouth()),
                vignette("Can swallow, the same patient: LAD-02 codeine 30 mg every 4 h as before",
                        onStep1WithParacetamol().with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).now(),
                        move(LAD_02, "drug", "CODEINE", "route", "ORAL", "dose", 30, "toDailyDose", 180)),
                vignette("Cannot swallow, low-dose strong-opioid policy, NRS 5 then 6: LAD-03 SC morphine 10 mg/day",
                        onStep1WithParacetamol().unableToSwallow().with(assessments().background(5).hoursAgo(10)),
                        assessments().background(6).now(),
                        move(LAD_03, "drug", "MORPHINE", "route", "SC", "toDailyDose", 10, "rescueRoute", "SC"),
                        nothingByMouth())
                        .under(Policies.with("moderatePainStrategy", ModeratePainStrategy.LOW_DOSE_STRONG_OPIOID)),
                vignette("Cannot swallow, opioid-naive, NRS 8: LAD-04 SC morphine 2 mg every 4 h, rescue 2 mg SC, "
                                + "rectal laxative, SC antiemetic",
                        noAnalgesia().unableToSwallow(), assessments().background(8).now(),
                        move(LAD_04, "drug", "MORPHINE", "route", "SC", "dose", 2, "toDailyDose", 12,
                                "frequency", "every 4 h, by the clock", "rescueRoute", "SC", "rescueDose", 2,
                                "laxative", true,
                                "rectalLaxative", "BISACODYL 10 mg suppository once a day (rectal)",
                                "antiemetic", "METOCLOPRAMIDE 10 mg SC as needed up to three times a day for the first week (or "
                                        + "HALOPERIDOL 0.5–1 mg SC at night)"),
                        nothingByMouth()),
                vignette("Cannot swallow, codeine 240 mg/day for 3 days, pain 6 and 6: LAD-05 up to morphine "
                                + "8 mg/day SC (oral 24 mg/day: codeine's lower factor 0.1, at 3:1, no cut), not ROT-03 "
                                + "across with a 25 % cut",
                        onStep2WithCodeine(240).unableToSwallow().with(assessments().background(6).hoursAgo(10)),
                        assessments().background(6).now(),
                        move(LAD_05, "stopDrug", "CODEINE", "drug", "MORPHINE", "route", "SC", "toDailyDose", 8,
                                "oralEquivalentDailyDose", 24,
                                "frequency", SYRINGE_DRIVER, "rescueDrug", "MORPHINE", "rescueRoute", "SC",
                                "rescueDose", 1),
                        noAdvice(ROT_03), nothingByMouth()),
                vignette("Cannot swallow, codeine 240 mg/day, pain 3: ROT-03 moves it under the skin as before",
                        onStep2WithCodeine(240).unableToSwallow().with(assessments().background(3).hoursAgo(10)),
                        assessments().background(3).now(),
                        move(ROT_03, "drug", "MORPHINE", "route", "SC"), noAdvice(LAD_05)),
                vignette("Cannot swallow, patch 25 mcg/h started without tolerance: TOL-01 removes it and titrates "
                                + "SC morphine 2 mg every 4 h, not oral IR",
                        onFentanylPatch(25).unableToSwallow().regimenWarning("FENTANYL_PATCH_NOT_OPIOID_TOLERANT")
                                .with(assessments().background(6).hoursAgo(10)),
                        assessments().background(6).now(),
                        move(TOL_01, "removePatch", true, "drug", "MORPHINE", "route", "SC", "dose", 2,
                                "toDailyDose", 12, "rescueRoute", "SC", "rescueDose", 2),
                        nothingByMouth()),
                vignette("Cannot swallow, respiratory depression on a patch started without tolerance: SAF-01 "
                                + "restarts SC morphine 1 mg every 4 h (half the naive start, converted), not oral IR",
                        onFentanylPatch(50).unableToSwallow().regimenWarning("FENTANYL_PATCH_NOT_OPIOID_TOLERANT")
                                .with(assessments().background(8).with(RESPIRATORY_DEPRESSION, MILD).hoursAgo(10)),
                        assessments().background(8).with(RESPIRATORY_DEPRESSION, MILD).now(),
                        move(SAF_01, "removePatch", true, "drug", "MORPHINE", "route", "SC", "dose", 1,
                                "toDailyDose", 6, "frequency", "every 4 h, by the clock, once alert and about 12 h "
                                        + "after removal"),
                        nothingByMouth()),
                vignette("Cannot swallow, respiratory depression on oral oxycodone 40 mg/day: SAF-01 halves it and "
                                + "gives the 20 mg/day as SC oxycodone 10 mg/day",
                        onStep3WithOxycodone(40).unableToSwallow()
                                .with(assessments().background(4).hoursAgo(10)),
                        assessments().background(4).with(RESPIRATORY_DEPRESSION, MILD).now(),
                        move(SAF_01, "direction", "DOWN", "fromDrug", "OXYCODONE", "fromRoute", "ORAL",
                                "fromDailyDose", 40, "drug", "OXYCODONE", "route", "SC", "toDailyDose", 10,
                                "frequency", SYRINGE_DRIVER),
                        nothingByMouth()));
    }

    static Stream<Vignettes> rescuesAndCoAdvice() {
        return Stream.of(
                regimenChange("Cannot swallow, SC morphine 24 mg/day by syringe driver, no rescue: RSC-01 adds SC "
                                + "morphine 4 mg (15 % of 48 mg/day OMEDD), up to every 30 min",
                        new PatientSnapshots().strong("MORPHINE", "SC", 24, "mg", "2").unableToSwallow(),
                        advice(RSC_01, "rescueDrug", "MORPHINE", "rescueRoute", "SC", "rescueDose", 4,
                                "rescueUnit", "mg", "rescueFrequency", "as needed, up to every 30 min"),
                        nothingByMouth()),
                regimenChange("Cannot swallow, fentanyl patch 25 mcg/h with oral morphine 10 mg rescue: RSC-02 "
                                + "re-routes the rescue to SC morphine 5 mg (15 % of 60 mg/day OMEDD, oral:SC 2:1)",
                        onFentanylPatch(25).unableToSwallow(),
                        advice(RSC_02, "fromRescueDose", 10, "rescueDrug", "MORPHINE", "rescueRoute", "SC",
                                "rescueDose", 5),
                        nothingByMouth()),
                regimenChange("Cannot swallow, SC morphine 24 mg/day without a laxative: ADJ-03 bisacodyl 10 mg "
                                + "rectally, methylnaltrexone SC if refractory; no senna",
                        new PatientSnapshots().strong("MORPHINE", "SC", 24, "mg", "2")
                                .rescue("MORPHINE", "SC", "4", "2").unableToSwallow(),
                        advice(ADJ_03, "drug", "BISACODYL", "route", "RECTAL", "dose", 10, "doseUnit", "mg",
                                "ifRefractory", "PAMORA: METHYLNALTREXONE SC (weight-based, every other day)"),
                        nothingByMouth()),
                vignette("Cannot swallow, neuropathic pain 5 on SC morphine: ADJ-01 dexamethasone 4 mg SC, no "
                                + "gabapentin; what cannot be given is named",
                        new PatientSnapshots().strong("MORPHINE", "SC", 24, "mg", "2")
                                .rescue("MORPHINE", "SC", "4", "2").unableToSwallow()
                                .with(assessments().background(5).mechanism(PainMechanism.NEUROPATHIC).hoursAgo(10)),
                        assessments().background(5).mechanism(PainMechanism.NEUROPATHIC).now(),
                        advice(ADJ_01, "drug", "DEXAMETHASONE", "route", "SC", "dose", 4, "doseUnit", "mg",
                                "notByMouth", CoAdviceRules.NOT_BY_MOUTH_ADJUVANTS),
                        rationaleSays(ADJ_01, "cannot be given"), nothingByMouth()),
                vignette("Cannot swallow, step 0, mild pain: LAD-01 paracetamol 1 g IV every 6 h, diclofenac "
                                + "suppository as the NSAID",
                        noAnalgesia().unableToSwallow(), assessments().background(2).now(),
                        move(LAD_01, "drug", "PARACETAMOL", "route", "IV", "dose", 1000, "toDailyDose", 4000),
                        nothingByMouth()),
                vignette("Cannot swallow, infected wound, pain 6, opioid-naive: CAU-01's analgesia is SC morphine",
                        noAnalgesia().unableToSwallow(),
                        assessments().background(6).acute(AcuteCause.INFECTIOUS_INFLAMMATORY).now(),
                        Vignettes.analgesia(CAU_01, "MORPHINE", 2), nothingByMouth()));
    }

    static Stream<Vignettes> longerIntervalInACautionBand() {
        return Stream.of(
                vignette("eGFR 45 (morphine a caution), NRS 8, opioid-naive: LAD-04 morphine 2.5 mg every 6 h "
                                + "(10 mg/day), rescue up to every 2 h",
                        noAnalgesia().egfr(45), assessments().background(8).now(),
                        move(LAD_04, "drug", "MORPHINE", "route", "ORAL", "dose", 2.5, "toDailyDose", 10,
                                "frequency", "every 6 h, by the clock", "rescueDose", 2.5,
                                "rescueFrequency", "as needed, up to every 2 h"),
                        rationaleSays(LAD_04, "2.5 mg every 6 h (10 mg/day"),
                        safetyCheck(LAD_04, "ORGAN_FUNCTION", "CHANGED")),
                vignette("No caution band, NRS 8: LAD-04 morphine 5 mg every 4 h (30 mg/day), rescue up to hourly",
                        noAnalgesia(), assessments().background(8).now(),
                        move(LAD_04, "dose", 5, "toDailyDose", 30, "frequency", "every 4 h, by the clock",
                                "rescueFrequency", "as needed, up to hourly")),
                vignette("Frail only (no caution band): the start is halved but stays every 4 h (§8.2 frail row)",
                        noAnalgesia().frail(), assessments().background(8).now(),
                        move(LAD_04, "dose", 2.5, "toDailyDose", 15, "frequency", "every 4 h, by the clock")),
                vignette("Child-Pugh B, patch without tolerance: TOL-01 morphine 2.5 mg every 6 h (10 mg/day)",
                        onFentanylPatch(25).hepatic(HepaticImpairment.MODERATE)
                                .regimenWarning("FENTANYL_PATCH_NOT_OPIOID_TOLERANT")
                                .with(assessments().background(6).hoursAgo(10)),
                        assessments().background(6).now(),
                        move(TOL_01, "drug", "MORPHINE", "dose", 2.5, "toDailyDose", 10,
                                "frequency", "every 6 h, by the clock, starting about 12 h after removal",
                                "rescueFrequency", "as needed, up to every 2 h")),
                vignette("eGFR 20, oxycodone 60 mg/day, pain 8: LAD-06's oxycodone rescue no more than every 2 h",
                        onStep3WithOxycodone(60).egfr(20).with(assessments().background(8).hoursAgo(10)),
                        assessments().background(8).now(),
                        move(LAD_06, "drug", "OXYCODONE", "rescueDrug", "OXYCODONE",
                                "rescueFrequency", "as needed, up to every 2 h")),
                regimenChange("eGFR 20, oxycodone 40 mg/day without a rescue: RSC-01 oxycodone up to every 2 h",
                        onStep3WithOxycodone(40).withoutRescue().egfr(20),
                        advice(RSC_01, "rescueDrug", "OXYCODONE", "rescueFrequency", "as needed, up to every 2 h")),
                regimenChange("Cannot swallow and eGFR 20 on SC oxycodone: RSC-01 SC, up to hourly (30 min doubled)",
                        new PatientSnapshots().strong("OXYCODONE", "SC", 20, "mg", "3").egfr(20).unableToSwallow(),
                        advice(RSC_01, "rescueDrug", "OXYCODONE", "rescueRoute", "SC",
                                "rescueFrequency", "as needed, up to hourly"),
                        nothingByMouth()));
    }

    /** No recommendation of the decision gives anything by mouth ({@link UnableToSwallowPropertiesTest#byMouth}). */
    private static Consumer<Decision> nothingByMouth() {
        return decision -> decision.toAdd().forEach(r -> {
            var found = UnableToSwallowPropertiesTest.byMouth(r);
            assertTrue(found.isEmpty(), () -> r.ruleId().code() + " gives by mouth " + found + ": " + r.rationale());
            assertFalse(r.rationale().contains("senna"), () -> r.ruleId().code() + ": " + r.rationale());
        });
    }
}

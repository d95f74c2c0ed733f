package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.ladder.Assessments.assessments;
import static org.painladder.domain.ladder.PatientSnapshots.noAnalgesia;
import static org.painladder.domain.ladder.PatientSnapshots.onMethadone;
import static org.painladder.domain.ladder.PatientSnapshots.onStep1WithParacetamol;
import static org.painladder.domain.ladder.PatientSnapshots.onStep2WithTramadol;
import static org.painladder.domain.ladder.RuleId.ADJ_01;
import static org.painladder.domain.ladder.RuleId.LAD_02;
import static org.painladder.domain.ladder.RuleId.LAD_03;
import static org.painladder.domain.ladder.RuleId.LAD_04;
import static org.painladder.domain.ladder.RuleId.LAD_05;
import static org.painladder.domain.ladder.RuleId.LAD_07;
import static org.painladder.domain.ladder.Vignettes.advice;
import static org.painladder.domain.ladder.Vignettes.move;
import static org.painladder.domain.ladder.Vignettes.neverGives;
import static org.painladder.domain.ladder.Vignettes.rationaleSays;
import static org.painladder.domain.ladder.Vignettes.safetyCheck;
import static org.painladder.domain.ladder.Vignettes.vignette;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.HepaticImpairment;

/**
 * The fourth outside review (rules 2026.12.3, 2026-12-07): adjuvants offered beside an opioid their label warns
 * against, an antiemetic never checked against the kidneys or age, and a reassessment time that ignored the route.
 */
class FourthReviewVignettesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource({"interactions", "antiemetics", "reassessment"})
    void theEngineDecidesAsTheTeamWould(Vignettes vignette) {
        vignette.check();
    }

    static Stream<Vignettes> interactions() {
        return Stream.of(
                vignette("tramadol 400 mg/day, neuropathic 4/10: ADJ-01 gives a gabapentinoid, not amitriptyline or "
                                + "duloxetine (serotonin syndrome, seizures)",
                        onStep2WithTramadol(400).with(neuropathic(4).hoursAgo(6)), neuropathic(4).hoursAgo(1),
                        advice(ADJ_01, "drug", "GABAPENTIN"), neverGives("AMITRIPTYLINE"), neverGives("DULOXETINE"),
                        rationaleSays(ADJ_01, "tramadol"), safetyCheck(ADJ_01, "INTERACTION", "CHANGED")),
                vignette("methadone 30 mg/day, neuropathic 5/10: no amitriptyline beside methadone (QTc)",
                        onMethadone(30), neuropathic(5).now(),
                        advice(ADJ_01, "drug", "GABAPENTIN"), neverGives("AMITRIPTYLINE"),
                        safetyCheck(ADJ_01, "INTERACTION", "CHANGED")),
                vignette("paracetamol and duloxetine, moderate pain persisting: LAD-02 gives codeine without the "
                                + "tramadol alternative",
                        onStep1WithParacetamol().adjuvant("DULOXETINE").with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).now(),
                        move(LAD_02, "drug", "CODEINE"), neverGives("TRAMADOL"),
                        safetyCheck(LAD_02, "INTERACTION", "CHANGED")));
    }

    static Stream<Vignettes> antiemetics() {
        return Stream.of(
                vignette("haemodialysis, severe pain, no analgesia: LAD-04's metoclopramide at the end-stage renal dose",
                        noAnalgesia().onHaemodialysis(), assessments().background(8).now(),
                        move(LAD_04), antiemetic(LAD_04, "METOCLOPRAMIDE 2.5 mg"),
                        rationaleSays(LAD_04, "metoclopramide 2.5 mg"), noText(LAD_04, "metoclopramide 10 mg"),
                        safetyCheck(LAD_04, "ORGAN_FUNCTION", "CHANGED")),
                vignette("eGFR 40, moderate pain persisting, low-dose strong-opioid policy: metoclopramide 5 mg",
                        noAnalgesia().egfr(40).with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).now(),
                        antiemetic(LAD_03, "METOCLOPRAMIDE 5 mg"))
                        .under(Policies.with("moderatePainStrategy", ModeratePainStrategy.LOW_DOSE_STRONG_OPIOID)),
                vignette("86 and frail, severe pain: haloperidol instead of metoclopramide (Beers 2023)",
                        noAnalgesia().aged(86).frail(), assessments().background(8).now(),
                        move(LAD_04), antiemetic(LAD_04, "HALOPERIDOL 0.5 mg"), noText(LAD_04, "metoclopramide"),
                        safetyCheck(LAD_04, "ORGAN_FUNCTION", "CHANGED")),
                vignette("Child-Pugh B on tramadol 400 mg/day: LAD-05's metoclopramide is halved",
                        onStep2WithTramadol(400).hepatic(HepaticImpairment.MODERATE)
                                .with(assessments().background(6).hoursAgo(10)),
                        assessments().background(6).now(),
                        move(LAD_05), antiemetic(LAD_05, "METOCLOPRAMIDE 5 mg")));
    }

    static Stream<Vignettes> reassessment() {
        return Stream.of(
                vignette("subcutaneous morphine with a subcutaneous rescue: LAD-07 reassesses 30 min after it",
                        onStep1WithParacetamol().strong("MORPHINE", "SC", 30, "mg", "2")
                                .rescue("MORPHINE", "SC", "5", "2").lastOpioidChangeHoursAgo(72)
                                .with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).now(),
                        move(LAD_07), rationaleSays(LAD_07, "30 min after the next subcutaneous rescue"),
                        noText(LAD_07, "oral rescue")));
    }

    private static Assessments neuropathic(int score) {
        return assessments().background(score).site(PainSite.LIMB_LOWER).mechanism(PainMechanism.NEUROPATHIC);
    }

    private static Consumer<Decision> antiemetic(RuleId rule, String starts) {
        return decision -> {
            ProposedRecommendation r = decision.toAdd().stream().filter(x -> x.ruleId() == rule).findFirst()
                    .orElseThrow(() -> new AssertionError(rule.code() + " expected, got " + Vignettes.describe(decision)));
            Object antiemetic = r.proposal().get("antiemetic");
            assertTrue(String.valueOf(antiemetic).startsWith(starts), () -> rule.code() + " antiemetic: " + antiemetic);
        };
    }

    private static Consumer<Decision> noText(RuleId rule, String words) {
        return decision -> decision.toAdd().stream().filter(x -> x.ruleId() == rule).forEach(r -> assertFalse(
                r.rationale().toLowerCase(java.util.Locale.ROOT).contains(words.toLowerCase(java.util.Locale.ROOT)),
                () -> rule.code() + " should not say '" + words + "': " + r.rationale()));
    }
}

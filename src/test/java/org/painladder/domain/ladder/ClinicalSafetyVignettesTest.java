package org.painladder.domain.ladder;

import static org.painladder.domain.ladder.Assessments.assessments;
import static org.painladder.domain.ladder.PatientSnapshots.noAnalgesia;
import static org.painladder.domain.ladder.PatientSnapshots.onFentanylPatch;
import static org.painladder.domain.ladder.PatientSnapshots.onMethadone;
import static org.painladder.domain.ladder.PatientSnapshots.onStep1WithParacetamol;
import static org.painladder.domain.ladder.PatientSnapshots.onStep2WithCodeine;
import static org.painladder.domain.ladder.PatientSnapshots.onStep2WithTramadol;
import static org.painladder.domain.ladder.PatientSnapshots.onStep3WithMorphine;
import static org.painladder.domain.ladder.PatientSnapshots.onStep3WithOxycodone;
import static org.painladder.domain.ladder.RuleId.ADJ_01;
import static org.painladder.domain.ladder.RuleId.ADJ_02;
import static org.painladder.domain.ladder.RuleId.ADJ_03;
import static org.painladder.domain.ladder.RuleId.CAU_01;
import static org.painladder.domain.ladder.RuleId.CAU_02;
import static org.painladder.domain.ladder.RuleId.CAU_03;
import static org.painladder.domain.ladder.RuleId.INT_05;
import static org.painladder.domain.ladder.RuleId.LAD_01;
import static org.painladder.domain.ladder.RuleId.LAD_03;
import static org.painladder.domain.ladder.RuleId.LAD_04;
import static org.painladder.domain.ladder.RuleId.LAD_05;
import static org.painladder.domain.ladder.RuleId.LAD_06;
import static org.painladder.domain.ladder.RuleId.LAD_07;
import static org.painladder.domain.ladder.RuleId.LAD_08;
import static org.painladder.domain.ladder.RuleId.LAD_09;
import static org.painladder.domain.ladder.RuleId.ORG_01;
import static org.painladder.domain.ladder.RuleId.RF_01;
import static org.painladder.domain.ladder.RuleId.RF_02;
import static org.painladder.domain.ladder.RuleId.RF_03;
import static org.painladder.domain.ladder.RuleId.ROT_01;
import static org.painladder.domain.ladder.RuleId.RSC_03;
import static org.painladder.domain.ladder.RuleId.SAF_01;
import static org.painladder.domain.ladder.RuleId.SAF_03;
import static org.painladder.domain.ladder.RuleId.STD_01;
import static org.painladder.domain.ladder.RuleId.TOL_01;
import static org.painladder.domain.ladder.Vignettes.advice;
import static org.painladder.domain.ladder.Vignettes.analgesia;
import static org.painladder.domain.ladder.Vignettes.factorsChange;
import static org.painladder.domain.ladder.Vignettes.indicator;
import static org.painladder.domain.ladder.Vignettes.move;
import static org.painladder.domain.ladder.Vignettes.neverGives;
import static org.painladder.domain.ladder.Vignettes.noAdvice;
import static org.painladder.domain.ladder.Vignettes.noLadderMove;
import static org.painladder.domain.ladder.Vignettes.rationaleSays;
import static org.painladder.domain.ladder.Vignettes.regimenChange;
import static org.painladder.domain.ladder.Vignettes.safetyCheck;
import static org.painladder.domain.ladder.Vignettes.supersedes;
import static org.painladder.domain.ladder.Vignettes.vignette;
import static org.painladder.domain.pain.AdverseEffectType.CONSTIPATION;
import static org.painladder.domain.pain.AdverseEffectType.DELIRIUM;
import static org.painladder.domain.pain.AdverseEffectType.HALLUCINATIONS;
import static org.painladder.domain.pain.AdverseEffectType.HYPERALGESIA;
import static org.painladder.domain.pain.AdverseEffectType.MYOCLONUS;
import static org.painladder.domain.pain.AdverseEffectType.RESPIRATORY_DEPRESSION;
import static org.painladder.domain.pain.AdverseEffectType.SEDATION;
import static org.painladder.domain.pain.Severity.MILD;
import static org.painladder.domain.pain.Severity.MODERATE;
import static org.painladder.domain.pain.Severity.SEVERE;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.pain.RedFlag;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.HepaticImpairment;
import org.painladder.domain.patient.PainCondition;
import org.painladder.domain.patient.PrimarySite;

/**
 * Rules 2026.12.0 (clinical-rules §8) on patients a palliative-care team would recognise: the outside tester's six
 * wrong answers as regressions, then each new rule on both sides of its threshold (eGFR 29/30 and 59/60, methadone
 * 167/168 h, age 74/75, safetyBlockHours).
 */
class ClinicalSafetyVignettesTest {

    private static final String PATCH_WARNING = "FENTANYL_PATCH_NOT_OPIOID_TOLERANT";

    @ParameterizedTest(name = "{0}")
    @MethodSource({"testerRegressions", "secondTesterRegressions", "neurotoxicity", "organFunction", "acuteCauseScope", "methadoneAndPatch",
            "breakthroughTyping", "coPrescription", "redFlagsAndReferral"})
    void theEngineDecidesAsTheTeamWould(Vignettes vignette) {
        vignette.check();
    }

    private static final UUID PENDING_LAD_06 = UUID.fromString("00000000-0000-0000-0000-00000000a006");
    private static final UUID PENDING_RSC_02 = UUID.fromString("00000000-0000-0000-0000-00000000c002");
    private static final UUID PENDING_SAF_01 = UUID.fromString("00000000-0000-0000-0000-00000000f001");
    private static final UUID PENDING_ADJ_01 = UUID.fromString("00000000-0000-0000-0000-00000000d001");

    private static PendingRecommendation pending(UUID id, RuleId rule) {
        return new PendingRecommendation(id, rule.type(), rule, "pending " + rule.code(), 1);
    }

    /**
     * The second outside tester (2026-12-07): toxicity charted late, rescue advice sized to a dose being cut, advice
     * that outlived the picture that justified it (new organ function, settled pain).
     */
    static Stream<Vignettes> secondTesterRegressions() {
        return Stream.of(
                vignette("Respiratory depression on the latest assessment, charted 25 h late: SAF-01, never LAD-06 "
                                + "120 → 180",
                        onStep3WithMorphine(120),
                        assessments().background(8).with(RESPIRATORY_DEPRESSION, MODERATE).hoursAgo(25),
                        move(SAF_01, "direction", "DOWN", "toDailyDose", 60), noAdvice(LAD_06),
                        rationaleSays(SAF_01, "Hold the next dose")),
                vignette("Respiratory depression 25 h ago and a clean 8/10 since: the 24 h block is over, LAD-06",
                        onStep3WithMorphine(120).with(assessments().background(8)
                                .with(RESPIRATORY_DEPRESSION, MODERATE).hoursAgo(25)),
                        assessments().background(8).btp(0).now(),
                        move(LAD_06, "direction", "UP")),
                vignette("Moderate delirium on the latest assessment, recorded 50 h ago (beyond safetyBlockHours): "
                                + "SAF-03 all the same, no up-titration",
                        onStep3WithMorphine(120),
                        assessments().background(8).with(DELIRIUM, MODERATE).hoursAgo(50),
                        move(SAF_03), noAdvice(LAD_06)),
                vignette("Respiratory depression on oxycodone 60 mg/day with a pending RSC-02 (rescue 5 → 10 mg): "
                                + "the rescue advice sized to the old dose is withdrawn, not raised beside SAF-01",
                        onStep3WithOxycodone(60).pending(pending(PENDING_RSC_02, RuleId.RSC_02)),
                        assessments().background(8).with(RESPIRATORY_DEPRESSION, MODERATE).now(),
                        move(SAF_01), supersedes(PENDING_RSC_02), noAdvice(RuleId.RSC_02),
                        noAdvice(RuleId.RSC_01), noAdvice(RSC_03)),
                vignette("Severe sedation with incident breakthrough pain: SAF-01 and no RSC-03 rescue before the "
                                + "trigger",
                        onStep3WithOxycodone(60),
                        assessments().background(6).with(SEDATION, SEVERE).btp(4).type(BreakthroughType.INCIDENT)
                                .now(),
                        move(SAF_01), noAdvice(RSC_03)),
                vignette("Pending LAD-06 on morphine 120 mg/day, pain 2/10 now: the up-titration is withdrawn",
                        onStep3WithMorphine(120).with(assessments().background(8).btp(0).hoursAgo(10))
                                .pending(pending(PENDING_LAD_06, LAD_06)),
                        assessments().background(2).btp(0).now(),
                        noLadderMove(), supersedes(PENDING_LAD_06)),
                vignette("Pending LAD-06 and a second severe score: the titration stands (not withdrawn)",
                        onStep3WithMorphine(120).with(assessments().background(8).btp(0).hoursAgo(10))
                                .pending(pending(PENDING_LAD_06, LAD_06)),
                        assessments().background(8).btp(0).now(),
                        move(LAD_06)),
                factorsChange("eGFR 10 recorded while LAD-06 (morphine 120 → 180) is pending: ORG-01 to "
                                + "hydromorphone supersedes it",
                        onStep3WithMorphine(120).egfr(10).with(assessments().background(8).btp(0).hoursAgo(10))
                                .pending(pending(PENDING_LAD_06, LAD_06)),
                        move(ORG_01, "fromDrug", "MORPHINE", "drug", "HYDROMORPHONE"), supersedes(PENDING_LAD_06),
                        neverGives("MORPHINE")),
                vignette("Postoperative pain 8/10 on haemodialysis: PCIA fentanyl, not morphine",
                        noAnalgesia().onHaemodialysis(),
                        assessments().background(8).acute(AcuteCause.POSTOPERATIVE).site(PainSite.ABDOMEN_LOWER)
                                .now(),
                        advice(RuleId.CAU_04), neverGives("MORPHINE"),
                        safetyCheck(RuleId.CAU_04, "ORGAN_FUNCTION", "CHANGED"),
                        rationaleSays(RuleId.CAU_04, "IV PCA fentanyl 20 mcg bolus")),
                vignette("Postoperative pain 8/10 at 80, frail: PCIA morphine 0.5 mg and paracetamol at most 3 g",
                        noAnalgesia().frail().aged(80),
                        assessments().background(8).acute(AcuteCause.POSTOPERATIVE).site(PainSite.LIMB_LOWER)
                                .now(),
                        rationaleSays(RuleId.CAU_04, "IV PCA morphine 0.5 mg bolus"),
                        rationaleSays(RuleId.CAU_04, "paracetamol at most 3000 mg/d")),
                vignette("40 kg, mild pain, no analgesic: LAD-01 paracetamol 600 mg every 6 h (2,400 mg/day = "
                                + "60 mg/kg), never 3 g",
                        noAnalgesia().weighing(40), assessments().background(2).now(),
                        move(LAD_01, "drug", "PARACETAMOL", "dose", 600, "toDailyDose", 2400)),
                vignette("Child-Pugh B, persistent moderate pain on paracetamol: morphine 15 mg/day or oxycodone "
                                + "up to 10 mg/day (both halved)",
                        onStep1WithParacetamol().hepatic(HepaticImpairment.MODERATE)
                                .with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).now(),
                        move(LAD_03, "drug", "MORPHINE", "toDailyDose", 15, "alternative",
                                "OXYCODONE up to 10 mg/day")),
                vignette("Fever on ibuprofen with persistent moderate pain: LAD-02 holds the NSAID beside RF-03",
                        onStep1WithParacetamol().nsaid("IBUPROFEN").with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).flag(RedFlag.FEVER).now(),
                        move(RuleId.LAD_02, "holdNsaid", "IBUPROFEN"), rationaleSays(RuleId.LAD_02, "Hold ibuprofen")),
                regimenChange("eGFR 20 on tramadol 400 mg/day without a rescue: RSC-01 gives hydromorphone at half "
                                + "the equianalgesic dose (1 mg, not 2.5)",
                        onStep2WithTramadol(400).egfr(20).withoutRescue(),
                        advice(RuleId.RSC_01, "rescueDrug", "HYDROMORPHONE", "rescueDose", 1)),
                regimenChange("SAF-01 pending after respiratory depression 2 h ago; a regimen that only adds "
                                + "paracetamol does not answer it: SAF-01 stays pending",
                        onStep3WithMorphine(120).with(assessments().background(8)
                                        .with(RESPIRATORY_DEPRESSION, MODERATE).hoursAgo(2))
                                .pending(pending(PENDING_SAF_01, SAF_01)),
                        Vignettes.doesNotSupersede(PENDING_SAF_01), noAdvice(LAD_06)),
                vignette("Traumatic limb pain 8/10 three hours after respiratory depression on morphine: CAU-03 "
                                + "gives paracetamol, not the rescue dose",
                        onStep3WithMorphine(120).with(assessments().background(6)
                                .with(RESPIRATORY_DEPRESSION, MODERATE).hoursAgo(3)),
                        assessments().background(8).acute(AcuteCause.TRAUMATIC).site(PainSite.LIMB_LOWER).now(),
                        analgesia(CAU_03, "PARACETAMOL", 1000), rationaleSays(CAU_03, "no extra opioid"),
                        noAdvice(RuleId.LAD_06)),
                vignette("Postherpetic neuralgia at 82 with eGFR 20: INT-03 gabapentin 100 mg (at most 700 mg/day), "
                                + "pregabalin 25 mg, no amitriptyline",
                        onStep1WithParacetamol().aged(82).egfr(20).with(PainCondition.POSTHERPETIC_NEURALGIA),
                        assessments().background(5).mechanism(PainMechanism.NEUROPATHIC).now(),
                        advice(RuleId.INT_03, "drug", "GABAPENTIN", "dose", 100),
                        rationaleSays(RuleId.INT_03, "at most 700 mg/day"), neverGives("AMITRIPTYLINE"),
                        safetyCheck(RuleId.INT_03, "ORGAN_FUNCTION", "CHANGED")),
                regimenChange("ADJ-01 pending, then gabapentin prescribed: the adjuvant advice is withdrawn",
                        onStep3WithMorphine(60).adjuvant("GABAPENTIN").pending(pending(PENDING_ADJ_01, ADJ_01)),
                        supersedes(PENDING_ADJ_01)),
                factorsChange("Child-Pugh C recorded while LAD-06 (morphine 120 → 180) is pending: replaced by a "
                                + "halved step, 120 → 150 (§8.2 caution, −50 %)",
                        onStep3WithMorphine(120).hepatic(HepaticImpairment.SEVERE)
                                .with(assessments().background(8).btp(0).hoursAgo(10))
                                .pending(pending(PENDING_LAD_06, LAD_06)),
                        supersedes(PENDING_LAD_06), move(LAD_06, "toDailyDose", 150),
                        safetyCheck(LAD_06, "ORGAN_FUNCTION", "CHANGED")),
                vignette("Anticoagulated, mild pain, no analgesic: LAD-01 paracetamol without an NSAID",
                        noAnalgesia().contraindicated(Contraindication.ANTICOAGULATED),
                        assessments().background(2).now(),
                        move(LAD_01, "drug", "PARACETAMOL"), neverGives("NSAID"),
                        rationaleSays(LAD_01, "no NSAID (anticoagulated"),
                        safetyCheck(LAD_01, "ORGAN_FUNCTION", "CHANGED")),
                vignette("Anticoagulated with bone metastases, bone pain 6/10: ADJ-02 dexamethasone, no NSAID",
                        onStep1WithParacetamol().withBoneMetastases().contraindicated(Contraindication.ANTICOAGULATED),
                        assessments().background(6).site(PainSite.BONE_DIFFUSE).now(),
                        advice(ADJ_02, "adjuvant", "DEXAMETHASONE"), neverGives("NSAID")),
                vignette("eGFR 10, neuropathic pain 5/10: ADJ-01 without duloxetine (label: avoid below CrCl 30)",
                        onStep1WithParacetamol().egfr(10),
                        assessments().background(5).mechanism(PainMechanism.NEUROPATHIC).now(),
                        advice(ADJ_01, "drug", "GABAPENTIN", "dose", 100), neverGives("DULOXETINE"),
                        rationaleSays(ADJ_01, "not duloxetine")),
                vignette("Acute herpes zoster with eGFR 20: INT-02 valaciclovir 1 g every 24 h, not three times a day",
                        onStep1WithParacetamol().egfr(20).with(PainCondition.HERPES_ZOSTER_ACUTE),
                        assessments().background(5).now(),
                        advice(RuleId.INT_02, "treatment", "antiviral: VALACICLOVIR 1 g every 24 h (CrCl 10–29) for 7 "
                                + "days (or aciclovir, famciclovir, each at its renal dose), best within 72 h of rash "
                                + "onset")),
                factorsChange("New factors with no pending ladder move propose none",
                        onStep3WithMorphine(120).egfr(10).with(assessments().background(8).btp(0).hoursAgo(10)),
                        noLadderMove()));
    }

    static Stream<Vignettes> testerRegressions() {
        return Stream.of(
                vignette("Tester 1: morphine 120 mg/day, one report of severe delirium and myoclonus, NRS 8: rotate "
                                + "now to oxycodone 40 mg/day (−50 %), never LAD-06 to 180",
                        onStep3WithMorphine(120),
                        assessments().background(8).with(DELIRIUM, SEVERE).with(MYOCLONUS, SEVERE).now(),
                        move(ROT_01, "fromDrug", "MORPHINE", "drug", "OXYCODONE", "toDailyDose", 40,
                                "crossToleranceReductionPct", 50),
                        indicator(ROT_01, "critical"), noAdvice(LAD_06), rationaleSays(ROT_01, "SAF-03"),
                        rationaleSays(ROT_01, "hypercalcaemia"), safetyCheck(ROT_01, "TOXICITY", "CHANGED")),
                vignette("Tester 2a: an infected neck wound (CAU-01) does not freeze new lumbar pain 9/10 on step 3: "
                                + "LAD-06 raises oxycodone 40 → 60",
                        onStep3WithOxycodone(40).with(assessments().background(6).acute(
                                AcuteCause.INFECTIOUS_INFLAMMATORY).site(PainSite.NECK_SHOULDER).daysAgo(2)),
                        assessments().background(9).btp(0).site(PainSite.BACK_LOW).now(),
                        move(LAD_06, "fromDailyDose", 40, "toDailyDose", 60)),
                vignette("Tester 2b: traumatic chest pain 7/10 in an opioid-naive patient: CAU-03 with oral morphine "
                                + "5 mg as needed, not an empty evaluation",
                        noAnalgesia(),
                        assessments().background(7).acute(AcuteCause.TRAUMATIC).site(PainSite.CHEST).now(),
                        advice(CAU_03, "treatment", "look for the injury and treat it"),
                        analgesia(CAU_03, "MORPHINE", 5), safetyCheck(CAU_03, "ACUTE_CAUSE", "PASSED")),
                vignette("Tester 3a: myeloma, eGFR 12, persistent moderate pain on paracetamol: no codeine, "
                                + "low-dose hydromorphone (LAD-03) at half dose",
                        onStep1WithParacetamol().egfr(12).primary(PrimarySite.MYELOMA).withBoneMetastases()
                                .with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).now(),
                        move(LAD_03, "drug", "HYDROMORPHONE", "toDailyDose", 2, "rescueDrug", "HYDROMORPHONE"),
                        neverGives("CODEINE"), neverGives("MORPHINE"), neverGives("NSAID"),
                        neverGives("ZOLEDRONIC_ACID"), safetyCheck(LAD_03, "ORGAN_FUNCTION", "CHANGED")),
                vignette("Tester 3b: myeloma, eGFR 12, bone pain 6/10: dexamethasone and denosumab, no NSAID, no "
                                + "zoledronate",
                        onStep1WithParacetamol().egfr(12).primary(PrimarySite.MYELOMA).withBoneMetastases(),
                        assessments().background(6).site(PainSite.BONE_DIFFUSE).now(),
                        advice(ADJ_02, "adjuvant", "DEXAMETHASONE", "boneTargetedAgent", "DENOSUMAB"),
                        neverGives("NSAID"), neverGives("ZOLEDRONIC_ACID"),
                        safetyCheck(ADJ_02, "ORGAN_FUNCTION", "CHANGED")),
                vignette("Tester 3c: myeloma, eGFR 12, severe pain on step 0: hydromorphone 0.5 mg every 4 h, not "
                                + "morphine",
                        noAnalgesia().egfr(12).primary(PrimarySite.MYELOMA),
                        assessments().background(8).now(),
                        move(LAD_04, "drug", "HYDROMORPHONE", "dose", 0.5, "rescueDrug", "HYDROMORPHONE"),
                        neverGives("MORPHINE")),
                vignette("Tester 3d: on codeine 240 mg/day with eGFR 12 and moderate pain: up to hydromorphone, "
                                + "never across, never morphine",
                        onStep2WithCodeine(240).egfr(12).lastOpioidChangeHoursAgo(10)
                                .with(assessments().background(5).hoursAgo(8)),
                        assessments().background(5).now(),
                        move(LAD_05, "stopDrug", "CODEINE", "drug", "HYDROMORPHONE"), neverGives("MORPHINE")),
                vignette("Tester 4: methadone 30 mg/day changed 5 days (120 h) ago: not yet; never +50 %",
                        onMethadone(30).lastOpioidChangeHoursAgo(120),
                        assessments().background(8).btp(0).now(),
                        noLadderMove()),
                vignette("Tester 5: fentanyl patch 25 mcg/h in an opioid-naive patient, pain 8: remove the patch and "
                                + "titrate IR morphine (TOL-01 critical), never LAD-06",
                        onFentanylPatch(25).regimenWarning(PATCH_WARNING),
                        assessments().background(8).btp(0).now(),
                        move(TOL_01, "removePatch", true, "drug", "MORPHINE", "dose", 5),
                        indicator(TOL_01, "critical"), noAdvice(LAD_06),
                        safetyCheck(TOL_01, "OPIOID_TOLERANCE", "CHANGED")),
                vignette("Tester 6: movement-only (incident) pain, 5 episodes on two days, background 3: no LAD-08; "
                                + "a rescue 20–30 min before the trigger",
                        onStep3WithOxycodone(40).with(assessments().breakthrough(7).btp(5)
                                .type(BreakthroughType.INCIDENT).hoursAgo(26)),
                        assessments().breakthrough(7).btp(5).type(BreakthroughType.INCIDENT).now(),
                        noAdvice(LAD_08), advice(RSC_03, "rescueTiming", "20–30 min before the known trigger")),
                vignette("Tester, smaller: constipation is treated, it never triggers STD-01",
                        onStep3WithMorphine(60).with(assessments().background(2).btp(1).daysAgo(6.5),
                                assessments().background(1).btp(0).daysAgo(4),
                                assessments().background(2).btp(1).with(CONSTIPATION, MILD).daysAgo(1)),
                        assessments().background(1).btp(0).with(CONSTIPATION, MILD).now(),
                        noAdvice(STD_01)),
                vignette("Tester, smaller: aged 80, severe pain on step 0: morphine 2.5 mg every 4 h is applied",
                        noAnalgesia().aged(80),
                        assessments().background(8).now(),
                        move(LAD_04, "drug", "MORPHINE", "dose", 2.5, "toDailyDose", 15, "rescueDose", 2.5)));
    }

    static Stream<Vignettes> neurotoxicity() {
        UUID pendingTitration = new UUID(7, 7);
        return Stream.of(
                vignette("SAF-03 moderate hallucinations on oxycodone 60: reduce 30 % to 40 mg/day, critical",
                        onStep3WithOxycodone(60),
                        assessments().background(5).with(HALLUCINATIONS, MODERATE).now(),
                        move(SAF_03, "direction", "DOWN", "fromDailyDose", 60, "toDailyDose", 40, "reductionPct", 30),
                        indicator(SAF_03, "critical"), rationaleSays(SAF_03, "dehydration")),
                vignette("Mild hallucinations are not SAF-03: severe pain is still titrated",
                        onStep3WithOxycodone(60),
                        assessments().background(8).btp(0).with(HALLUCINATIONS, MILD).now(),
                        move(LAD_06), noAdvice(SAF_03)),
                vignette("SAF-03 hyperalgesia at any severity (mild): the opioid is cut, not raised",
                        onStep3WithMorphine(100),
                        assessments().background(8).btp(0).with(HYPERALGESIA, MILD).now(),
                        move(SAF_03, "toDailyDose", 70), noAdvice(LAD_06)),
                vignette("SAF-03 supersedes a pending up-titration",
                        onStep3WithOxycodone(40).pending(new PendingRecommendation(pendingTitration,
                                RecommendationType.TITRATE_DOSE, LAD_06, "pending LAD-06", 3)),
                        assessments().background(7).with(MYOCLONUS, MODERATE).now(),
                        move(SAF_03), supersedes(pendingTitration)),
                vignette("safetyBlockHours 48: myoclonus 47 h ago still blocks LAD-06 for severe pain now",
                        onStep3WithOxycodone(40).with(assessments().background(5).with(MYOCLONUS, MODERATE)
                                .hoursAgo(47)),
                        assessments().background(8).btp(0).now(),
                        noAdvice(LAD_06)),
                vignette("safetyBlockHours 48: myoclonus 49 h ago no longer blocks LAD-06",
                        onStep3WithOxycodone(40).with(assessments().background(5).with(MYOCLONUS, MODERATE)
                                .hoursAgo(49)),
                        assessments().background(8).btp(0).now(),
                        move(LAD_06)),
                vignette("safetyBlockHours 72 by policy: myoclonus 60 h ago still blocks",
                        onStep3WithOxycodone(40).with(assessments().background(5).with(MYOCLONUS, MODERATE)
                                .hoursAgo(60)),
                        assessments().background(8).btp(0).now(),
                        noAdvice(LAD_06))
                        .under(Policies.with("safetyBlockHours", 72)),
                vignette("neurotoxicityReductionPct 50 by policy: delirium cuts oxycodone 60 to 30",
                        onStep3WithOxycodone(60),
                        assessments().background(5).with(DELIRIUM, MODERATE).now(),
                        move(SAF_03, "toDailyDose", 30))
                        .under(Policies.with("neurotoxicityReductionPct", 50)),
                vignette("Delirium without a scheduled opioid is not opioid toxicity: no SAF-03",
                        onStep1WithParacetamol(),
                        assessments().background(2).with(DELIRIUM, MODERATE).now(),
                        noAdvice(SAF_03)));
    }

    static Stream<Vignettes> organFunction() {
        return Stream.of(
                vignette("eGFR 29 (renal SEVERE): severe pain on step 0 starts hydromorphone 0.5 mg",
                        noAnalgesia().egfr(29), assessments().background(8).now(),
                        move(LAD_04, "drug", "HYDROMORPHONE", "dose", 0.5)),
                vignette("eGFR 30 (renal REDUCED): morphine with caution, 2.5 mg",
                        noAnalgesia().egfr(30), assessments().background(8).now(),
                        move(LAD_04, "drug", "MORPHINE", "dose", 2.5)),
                vignette("eGFR 59 (renal REDUCED): morphine 2.5 mg",
                        noAnalgesia().egfr(59), assessments().background(8).now(),
                        move(LAD_04, "drug", "MORPHINE", "dose", 2.5)),
                vignette("eGFR 60 (normal): morphine 5 mg, organ function passed",
                        noAnalgesia().egfr(60), assessments().background(8).now(),
                        move(LAD_04, "drug", "MORPHINE", "dose", 5), safetyCheck(LAD_04, "ORGAN_FUNCTION", "PASSED")),
                vignette("No organ function recorded: morphine 5 mg, and the check says it was not known",
                        noAnalgesia(), assessments().background(8).now(),
                        move(LAD_04, "dose", 5), safetyCheck(LAD_04, "ORGAN_FUNCTION", "NOT_KNOWN")),
                vignette("Age 74: not elderly for the starting dose, morphine 5 mg",
                        noAnalgesia().aged(74), assessments().background(8).now(),
                        move(LAD_04, "dose", 5)),
                vignette("Age 75: elderly, morphine 2.5 mg",
                        noAnalgesia().aged(75), assessments().background(8).now(),
                        move(LAD_04, "dose", 2.5), safetyCheck(LAD_04, "ORGAN_FUNCTION", "CHANGED")),
                vignette("Frail at 60: morphine 2.5 mg and no NSAID for mild pain",
                        noAnalgesia().aged(60).frail(), assessments().background(2).now(),
                        move(LAD_01), neverGives("NSAID")),
                vignette("Haemodialysis: on morphine 60 mg/day, ORG-01 switches to hydromorphone instead of raising",
                        onStep3WithMorphine(60).onHaemodialysis(),
                        assessments().background(8).btp(0).now(),
                        move(ORG_01, "fromDrug", "MORPHINE", "drug", "HYDROMORPHONE"), noAdvice(LAD_06),
                        neverGives("MORPHINE")),
                vignette("Child-Pugh C: persistent moderate pain goes to a low-dose strong opioid, not codeine or "
                                + "tramadol; paracetamol-based plan without NSAID",
                        onStep1WithParacetamol().hepatic(HepaticImpairment.SEVERE)
                                .with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).now(),
                        move(LAD_03, "drug", "MORPHINE", "toDailyDose", 15), neverGives("CODEINE"),
                        neverGives("TRAMADOL")),
                vignette("Frail with neuropathic pain: gabapentin 100 mg, not amitriptyline",
                        onStep3WithOxycodone(40).frail(),
                        assessments().background(3).mechanism(PainMechanism.NEUROPATHIC).now(),
                        advice(ADJ_01, "drug", "GABAPENTIN", "dose", 100), neverGives("AMITRIPTYLINE"),
                        safetyCheck(ADJ_01, "ORGAN_FUNCTION", "CHANGED")),
                vignette("eGFR 12 on oxycodone with a morphine rescue: the rescue is replaced by hydromorphone",
                        onStep3WithOxycodone(40).egfr(12).withoutRescue().rescue("MORPHINE", "ORAL", "10", "1")
                                .lastOpioidChangeHoursAgo(30),
                        assessments().background(8).btp(0).now(),
                        move(LAD_06, "rescueDrug", "HYDROMORPHONE"), neverGives("MORPHINE")));
    }

    static Stream<Vignettes> acuteCauseScope() {
        return Stream.of(
                vignette("An infected neck wound holds back neck pain at the same site: no ladder move",
                        onStep3WithOxycodone(40).with(assessments().background(6).acute(
                                AcuteCause.INFECTIOUS_INFLAMMATORY).site(PainSite.NECK_SHOULDER).daysAgo(2)),
                        assessments().background(8).btp(0).site(PainSite.NECK_SHOULDER).now(),
                        noLadderMove()),
                vignette("Generalized pain cannot be told apart from the acute cause: held back",
                        onStep3WithOxycodone(40).with(assessments().background(6).acute(
                                AcuteCause.INFECTIOUS_INFLAMMATORY).site(PainSite.NECK_SHOULDER).daysAgo(2)),
                        assessments().background(8).btp(0).site(PainSite.GENERALIZED).now(),
                        noLadderMove()),
                vignette("CAU-01 mild cellulitis pain on step 0: paracetamol 1 g for the band",
                        noAnalgesia(),
                        assessments().background(3).acute(AcuteCause.INFECTIOUS_INFLAMMATORY)
                                .site(PainSite.LIMB_LOWER).now(),
                        advice(CAU_01), analgesia(CAU_01, "PARACETAMOL", 1000)),
                vignette("CAU-01 severe abscess pain on oxycodone: the current oxycodone rescue for the band",
                        onStep3WithOxycodone(40),
                        assessments().background(8).acute(AcuteCause.INFECTIOUS_INFLAMMATORY).now(),
                        advice(CAU_01), analgesia(CAU_01, "OXYCODONE", 5), noLadderMove()),
                vignette("CAU-02 serositis with eGFR 20: corticosteroid, no NSAID",
                        onStep1WithParacetamol().egfr(20),
                        assessments().background(6).acute(AcuteCause.NONINFECTIOUS_INFLAMMATORY).now(),
                        advice(CAU_02, "treatment", "corticosteroid directed at the cause (dexamethasone trial)"),
                        neverGives("NSAID")),
                vignette("CAU-03 at a limb keeps the fracture work-up",
                        onStep1WithParacetamol(),
                        assessments().background(6).acute(AcuteCause.TRAUMATIC).site(PainSite.LIMB_UPPER).now(),
                        advice(CAU_03, "treatment", "imaging; orthopaedic or radiation-oncology opinion"),
                        analgesia(CAU_03, "MORPHINE", 5)));
    }

    static Stream<Vignettes> methadoneAndPatch() {
        return Stream.of(
                vignette("Methadone changed 167 h ago: not yet",
                        onMethadone(30).lastOpioidChangeHoursAgo(167),
                        assessments().background(8).btp(0).now(), noLadderMove()),
                vignette("Methadone 80 mg/day after 168 h: +10 mg/day (smaller than +20 %), QTc caution",
                        onMethadone(80).lastOpioidChangeHoursAgo(200),
                        assessments().background(8).btp(0).now(),
                        move(LAD_06, "toDailyDose", 90, "requiresSpecialist", true), rationaleSays(LAD_06, "QTc")),
                vignette("Methadone with persistent moderate pain after 7 days: LAD-07 at most +20 %",
                        onMethadone(40).lastOpioidChangeHoursAgo(170).with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).btp(0).now(),
                        move(LAD_07, "toDailyDose", 48, "requiresSpecialist", true)),
                vignette("A patch in an opioid-tolerant patient is titrated as before (LAD-06, 72 h)",
                        onFentanylPatch(25).lastOpioidChangeHoursAgo(80),
                        assessments().background(8).btp(0).now(),
                        move(LAD_06, "drug", "FENTANYL"), safetyCheck(LAD_06, "OPIOID_TOLERANCE", "PASSED")),
                vignette("Patch without tolerance: the warning is repeated on the rescue check too",
                        onFentanylPatch(25).regimenWarning(PATCH_WARNING).withoutRescue(),
                        assessments().background(2).btp(0).now(),
                        move(TOL_01), rationaleSays(TOL_01, "Do not raise the patch")),
                regimenChange("Patch without tolerance, no rescue: TOL-01 sets the rescue with the IR restart, so no "
                                + "RSC-01 sized to the patch it removes",
                        onFentanylPatch(25).regimenWarning(PATCH_WARNING).withoutRescue(),
                        move(TOL_01, "rescueDrug", "MORPHINE", "rescueDose", 5), noAdvice(RuleId.RSC_01),
                        rationaleSays(TOL_01, "not opioid-tolerant")));
    }

    static Stream<Vignettes> breakthroughTyping() {
        return Stream.of(
                vignette("Spontaneous episodes still count: LAD-08 on two days",
                        onStep3WithOxycodone(40).with(assessments().background(3).btp(5)
                                .type(BreakthroughType.SPONTANEOUS).hoursAgo(26)),
                        assessments().background(3).btp(5).type(BreakthroughType.SPONTANEOUS).now(),
                        move(LAD_08)),
                vignette("Incident pain at a bone site with bone metastases: fracture risk assessed, no TIRF below "
                                + "60 mg/day",
                        onStep3WithOxycodone(20).withBoneMetastases(),
                        assessments().breakthrough(6).btp(2).type(BreakthroughType.INCIDENT)
                                .site(PainSite.BONE_DIFFUSE).now(),
                        advice(RSC_03, "fractureRiskAssessment", true, "transmucosalFentanyl",
                                "not for a patient who is not opioid-tolerant")),
                vignette("Incident pain on oxycodone 60 mg/day (OMEDD 90): TIRF is an option",
                        onStep3WithOxycodone(60),
                        assessments().breakthrough(6).btp(2).type(BreakthroughType.INCIDENT).now(),
                        advice(RSC_03, "transmucosalFentanyl", "option, titrated from the lowest strength")),
                vignette("End-of-dose failure on morphine 60: LAD-09 shortens the interval or +30 %",
                        onStep3WithMorphine(60),
                        assessments().background(3).btp(2).type(BreakthroughType.END_OF_DOSE).now(),
                        move(LAD_09, "toDailyDose", 80, "alternative",
                                "give the modified-release dose every 8 h instead of every 12 h at the same daily "
                                        + "dose"))); 
    }

    static Stream<Vignettes> coPrescription() {
        return Stream.of(
                regimenChange("ADJ-03 morphine without a laxative: senna ± macrogol",
                        onStep3WithMorphine(60).withoutLaxative(),
                        advice(ADJ_03, "drug", "SENNA")),
                regimenChange("No ADJ-03 when senna is scheduled",
                        onStep3WithMorphine(60), noAdvice(ADJ_03)),
                vignette("LAD-04 names an antiemetic for the first week",
                        noAnalgesia(), assessments().background(8).now(),
                        move(LAD_04), rationaleSays(LAD_04, "antiemetic")),
                vignette("LAD-05 names an antiemetic too",
                        onStep2WithCodeine(360), assessments().background(7).now(),
                        move(LAD_05, "drug", "MORPHINE"), rationaleSays(LAD_05, "metoclopramide")));
    }

    static Stream<Vignettes> redFlagsAndReferral() {
        return Stream.of(
                vignette("RF-01 new back pain 6/10 with bone metastases: MRI within 24 h, dexamethasone 16 mg",
                        onStep3WithOxycodone(40).withBoneMetastases(),
                        assessments().background(6).site(PainSite.BACK_LOW).now(),
                        advice(RF_01, "drug", "DEXAMETHASONE", "dose", 16), indicator(RF_01, "critical")),
                vignette("RF-01 breast primary without known bone metastases and a new leg weakness: MRI now",
                        onStep1WithParacetamol().primary(PrimarySite.BREAST),
                        assessments().background(4).site(PainSite.BACK_LOW).flag(RedFlag.NEW_NEUROLOGICAL_DEFICIT)
                                .now(),
                        advice(RF_01, "imaging", "whole-spine MRI immediately")),
                vignette("No RF-01 for back pain in pancreatic cancer without bone metastases",
                        onStep1WithParacetamol(),
                        assessments().background(4).site(PainSite.BACK_LOW).now(),
                        noAdvice(RF_01)),
                vignette("RF-02 a fall with bone metastases: imaging, immobilise",
                        onStep3WithOxycodone(40).withBoneMetastases(),
                        assessments().background(6).site(PainSite.LIMB_LOWER).flag(RedFlag.FALL_OR_INJURY).now(),
                        advice(RF_02, "immobilise", true), indicator(RF_02, "critical")),
                vignette("RF-03 fever: febrile-neutropenia pathway, NSAIDs held (LAD-01 without NSAID)",
                        noAnalgesia(),
                        assessments().background(2).flag(RedFlag.FEVER).now(),
                        advice(RF_03, "holdNsaids", true), move(LAD_01), neverGives("NSAID")),
                vignette("INT-05 pancreatic pain persisting on step 3: refer for coeliac plexus neurolysis now",
                        onStep3WithOxycodone(40).with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).btp(0).now(),
                        advice(INT_05, "referral", "CELIAC_PLEXUS_NEUROLYSIS")),
                vignette("No INT-05 on step 2",
                        onStep2WithCodeine(120).with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).now(),
                        noAdvice(INT_05)),
                vignette("No INT-05 for lower-abdominal pain",
                        onStep3WithOxycodone(40).with(assessments().background(5).site(PainSite.ABDOMEN_LOWER)
                                .hoursAgo(10)),
                        assessments().background(5).site(PainSite.ABDOMEN_LOWER).now(),
                        noAdvice(INT_05)));
    }
}

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
import static org.painladder.domain.ladder.RuleId.CAU_01;
import static org.painladder.domain.ladder.RuleId.CAU_02;
import static org.painladder.domain.ladder.RuleId.CAU_03;
import static org.painladder.domain.ladder.RuleId.CAU_04;
import static org.painladder.domain.ladder.RuleId.INT_01;
import static org.painladder.domain.ladder.RuleId.INT_02;
import static org.painladder.domain.ladder.RuleId.INT_03;
import static org.painladder.domain.ladder.RuleId.INT_04;
import static org.painladder.domain.ladder.RuleId.LAD_01;
import static org.painladder.domain.ladder.RuleId.LAD_02;
import static org.painladder.domain.ladder.RuleId.LAD_03;
import static org.painladder.domain.ladder.RuleId.LAD_04;
import static org.painladder.domain.ladder.RuleId.LAD_05;
import static org.painladder.domain.ladder.RuleId.LAD_06;
import static org.painladder.domain.ladder.RuleId.LAD_07;
import static org.painladder.domain.ladder.RuleId.LAD_08;
import static org.painladder.domain.ladder.RuleId.MNT_01;
import static org.painladder.domain.ladder.RuleId.ROT_01;
import static org.painladder.domain.ladder.RuleId.ROT_02;
import static org.painladder.domain.ladder.RuleId.ROT_03;
import static org.painladder.domain.ladder.RuleId.RSC_01;
import static org.painladder.domain.ladder.RuleId.RSC_02;
import static org.painladder.domain.ladder.RuleId.SAF_01;
import static org.painladder.domain.ladder.RuleId.SAF_02;
import static org.painladder.domain.ladder.RuleId.SAF_03;
import static org.painladder.domain.ladder.RuleId.STD_01;
import static org.painladder.domain.ladder.Vignettes.advice;
import static org.painladder.domain.ladder.Vignettes.evidenceThreshold;
import static org.painladder.domain.ladder.Vignettes.move;
import static org.painladder.domain.ladder.Vignettes.noAdvice;
import static org.painladder.domain.ladder.Vignettes.noLadderMove;
import static org.painladder.domain.ladder.Vignettes.nothingNew;
import static org.painladder.domain.ladder.Vignettes.rationaleSays;
import static org.painladder.domain.ladder.Vignettes.regimenChange;
import static org.painladder.domain.ladder.Vignettes.vignette;
import static org.painladder.domain.pain.AdverseEffectType.CONSTIPATION;
import static org.painladder.domain.pain.AdverseEffectType.DELIRIUM;
import static org.painladder.domain.pain.AdverseEffectType.MYOCLONUS;
import static org.painladder.domain.pain.AdverseEffectType.NAUSEA;
import static org.painladder.domain.pain.AdverseEffectType.RESPIRATORY_DEPRESSION;
import static org.painladder.domain.pain.AdverseEffectType.SEDATION;
import static org.painladder.domain.pain.Severity.MILD;
import static org.painladder.domain.pain.Severity.MODERATE;
import static org.painladder.domain.pain.Severity.SEVERE;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.BandEdges;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.PainCondition;

/**
 * The rule table on patients a palliative-care team would recognise: one or more vignettes per rule, and the
 * boundaries (scores 3/4 and 6/7, VAS 35/65, the window edges, spacing, late arrivals, the titration intervals).
 */
class LadderVignettesTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource({"safety", "cause", "escalation", "titration", "rotation", "stepDownAndMaintain", "coAdvice"})
    void theEngineDecidesAsTheTeamWould(Vignettes vignette) {
        vignette.check();
    }

    static Stream<Vignettes> safety() {
        return Stream.of(
                vignette("SAF-01 respiratory depression on oxycodone 40 mg/day: hold, naloxone, restart at 20 mg/day",
                        onStep3WithOxycodone(40),
                        assessments().background(4).with(RESPIRATORY_DEPRESSION, MILD).now(),
                        move(SAF_01, "direction", "DOWN", "drug", "OXYCODONE", "fromDailyDose", 40,
                                "toDailyDose", 20, "unit", "mg", "holdNextDose", true),
                        rationaleSays(SAF_01, "naloxone")),
                vignette("SAF-01 severe sedation (POSS 4) on morphine 120 mg/day: restart at 60 mg/day",
                        onStep3WithMorphine(120),
                        assessments().background(2).with(SEDATION, SEVERE).now(),
                        move(SAF_01, "direction", "DOWN", "fromDailyDose", 120, "toDailyDose", 60)),
                vignette("SAF-01 on a fentanyl patch 50 mcg/h: remove the patch, restart at 25 mcg/h",
                        onFentanylPatch(50),
                        assessments().background(3).with(RESPIRATORY_DEPRESSION, MODERATE).now(),
                        move(SAF_01, "toDailyDose", 25, "unit", "mcg/h"),
                        rationaleSays(SAF_01, "Remove the fentanyl patch")),
                vignette("SAF-01 beats severe pain: respiratory depression with pain 8/10 gives the dose cut, "
                        + "not +50 %",
                        onStep3WithOxycodone(40),
                        assessments().background(8).with(RESPIRATORY_DEPRESSION, MILD).now(),
                        move(SAF_01, "direction", "DOWN"), noAdvice(LAD_06)),
                vignette("SAF-01 blocks up-titration for 24 h: severe pain 20 h after respiratory depression",
                        onStep3WithOxycodone(40).with(
                                assessments().background(3).with(RESPIRATORY_DEPRESSION, MILD).hoursAgo(20)),
                        assessments().background(8).now(),
                        noLadderMove()),
                vignette("SAF-01 block is over after 24 h: severe pain 25 h after respiratory depression is titrated",
                        onStep3WithOxycodone(40).with(
                                assessments().background(3).with(RESPIRATORY_DEPRESSION, MILD).hoursAgo(25)),
                        assessments().background(8).now(),
                        move(LAD_06, "direction", "UP", "toDailyDose", 60)),
                vignette("SAF-01 blocks escalation on step 1 too: severe pain with respiratory depression, no opioid",
                        onStep1WithParacetamol(),
                        assessments().background(8).with(RESPIRATORY_DEPRESSION, MILD).now(),
                        noLadderMove()),
                vignette("Out-of-order SAF-01: respiratory depression charted 10 h ago arrives late, the dose is still cut",
                        onStep3WithOxycodone(60).with(assessments().background(4).hoursAgo(2)),
                        assessments().background(3).with(RESPIRATORY_DEPRESSION, MODERATE).hoursAgo(10),
                        move(SAF_01, "fromDailyDose", 60, "toDailyDose", 30)),
                vignette("SAF-02 moderate sedation with pain controlled on morphine 60 mg/day: cut 25 % to 45 mg/day",
                        onStep3WithMorphine(60),
                        assessments().background(2).btp(1).with(SEDATION, MODERATE).now(),
                        move(SAF_02, "direction", "DOWN", "fromDailyDose", 60, "toDailyDose", 45)),
                vignette("Moderate sedation with pain 6/10 once: no SAF-02 (pain uncontrolled), no up-titration either",
                        onStep3WithOxycodone(40).with(assessments().background(6).hoursAgo(8)),
                        assessments().background(6).with(SEDATION, MODERATE).now(),
                        noLadderMove()));
    }

    static Stream<Vignettes> cause() {
        return Stream.of(
                vignette("CAU-01 infected wound, pain 8/10 on oxycodone: antibiotics and source control, no titration",
                        onStep3WithOxycodone(40),
                        assessments().background(8).acute(AcuteCause.INFECTIOUS_INFLAMMATORY).site(PainSite.LIMB_LOWER)
                                .now(),
                        advice(CAU_01, "suppressLadderDays", 7), noLadderMove(),
                        rationaleSays(CAU_01, "antibacterial"), rationaleSays(CAU_01, "do not massage"),
                        evidenceThreshold(CAU_01, "acuteCauseSuppressionDays", 7)),
                vignette("Infection episode must not escalate: cellulitis 3 days ago, background 8 and 7 on step 1",
                        onStep1WithParacetamol().with(
                                assessments().background(7).acute(AcuteCause.INFECTIOUS_INFLAMMATORY).daysAgo(3),
                                assessments().background(7).hoursAgo(10)),
                        assessments().background(8).now(),
                        noLadderMove()),
                vignette("Infection 8 days ago no longer holds the ladder: severe pain on step 1 skips step 2",
                        onStep1WithParacetamol().with(
                                assessments().background(7).acute(AcuteCause.INFECTIOUS_INFLAMMATORY).daysAgo(8)),
                        assessments().background(8).now(),
                        move(LAD_04, "toStep", 3)),
                vignette("CAU-02 radiation mucositis: NSAID or dexamethasone directed at the cause",
                        onStep1WithParacetamol(),
                        assessments().background(6).acute(AcuteCause.NONINFECTIOUS_INFLAMMATORY).site(PainSite.HEAD)
                                .now(),
                        advice(CAU_02), noLadderMove(), rationaleSays(CAU_02, "dexamethasone")),
                vignette("CAU-03 sudden thigh pain after a fall: imaging for a pathological fracture",
                        onStep3WithMorphine(60),
                        assessments().background(9).acute(AcuteCause.TRAUMATIC).site(PainSite.LIMB_LOWER).now(),
                        advice(CAU_03), noLadderMove(), rationaleSays(CAU_03, "pathological fracture")),
                vignette("§8.4: traumatic head pain gets CAU-03 (look for the injury); the abdominal 7/10 elsewhere "
                                + "still escalates",
                        onStep1WithParacetamol().with(assessments().background(7).hoursAgo(30)),
                        assessments().background(5).acute(AcuteCause.TRAUMATIC).site(PainSite.HEAD).now(),
                        advice(CAU_03, "treatment", "look for the injury and treat it"), move(LAD_04)),
                vignette("CAU-04 after a laparotomy: multimodal postoperative analgesia, out of the ladder",
                        onStep2WithCodeine(240),
                        assessments().background(7).acute(AcuteCause.POSTOPERATIVE).now(),
                        advice(CAU_04), noLadderMove(), rationaleSays(CAU_04, "PCA")),
                vignette("Acute pain without a treatable cause counts as background: 8/10 on step 0 skips step 2, "
                                + "with the acute caution",
                        noAnalgesia(),
                        assessments().background(8).acute(null).now(),
                        move(LAD_04, "toStep", 3), rationaleSays(LAD_04, "do not massage")));
    }

    static Stream<Vignettes> escalation() {
        return Stream.of(
                vignette("LAD-01 mild pain 2/10 without analgesia: paracetamol 1 g four times a day",
                        noAnalgesia(),
                        assessments().background(2).now(),
                        move(LAD_01, "toStep", 1, "drug", "PARACETAMOL", "toDailyDose", 4000, "unit", "mg")),
                vignette("Score 3 is still mild (3/4 boundary): step 0 starts step 1",
                        noAnalgesia(),
                        assessments().background(3).now(),
                        move(LAD_01, "toStep", 1)),
                vignette("A single moderate 4/10 without analgesia: start step 1 and reassess (not yet persistent)",
                        noAnalgesia(),
                        assessments().background(4).now(),
                        move(LAD_01, "toStep", 1)),
                vignette("LAD-02 persistent moderate pain 5 and 5, 8 h apart, on paracetamol: codeine 180 mg/day",
                        onStep1WithParacetamol().with(assessments().background(5).hoursAgo(8)),
                        assessments().background(5).now(),
                        move(LAD_02, "toStep", 2, "drug", "CODEINE", "toDailyDose", 180, "ceilingDailyDose", 360),
                        evidenceThreshold(LAD_02, "minSpacingHours", 4)),
                vignette("LAD-02 on step 0: persistent moderate pain adds a weak opioid and paracetamol",
                        noAnalgesia().with(assessments().background(6).hoursAgo(12)),
                        assessments().background(5).now(),
                        move(LAD_02, "toStep", 2, "keepNonOpioid", false), rationaleSays(LAD_02, "paracetamol too")),
                vignette("Scores 3 and 3 on paracetamol (3/4 boundary): mild and controlled, continue step 1",
                        onStep1WithParacetamol().with(assessments().background(3).hoursAgo(8)),
                        assessments().background(3).now(),
                        move(MNT_01), noAdvice(LAD_02)),
                vignette("Scores 4 and 4 on paracetamol (3/4 boundary): moderate and persistent, escalate",
                        onStep1WithParacetamol().with(assessments().background(4).hoursAgo(8)),
                        assessments().background(4).now(),
                        move(LAD_02, "toStep", 2)),
                vignette("Spacing under 4 h: 5 and 5 three hours apart are one episode, no escalation",
                        onStep1WithParacetamol().with(assessments().background(5).hoursAgo(3)),
                        assessments().background(5).now(),
                        noLadderMove()),
                vignette("Spacing of exactly 4 h counts: escalate",
                        onStep1WithParacetamol().with(assessments().background(5).hoursAgo(4)),
                        assessments().background(5).now(),
                        move(LAD_02)),
                vignette("Window edge: a moderate score exactly 48 h ago still counts",
                        onStep1WithParacetamol().with(assessments().background(5).hoursAgo(48)),
                        assessments().background(5).now(),
                        move(LAD_02)),
                vignette("Window edge: a moderate score 49 h ago has left the window",
                        onStep1WithParacetamol().with(assessments().background(5).hoursAgo(49)),
                        assessments().background(5).now(),
                        noLadderMove()),
                vignette("Pain settled: two moderate scores then 2/10 now, no escalation",
                        onStep1WithParacetamol().with(assessments().background(5).hoursAgo(20),
                                assessments().background(5).hoursAgo(10)),
                        assessments().background(2).now(),
                        noLadderMove()),
                vignette("Breakthrough flares do not count as background: two 6/10 flares on paracetamol",
                        onStep1WithParacetamol().with(assessments().breakthrough(6).hoursAgo(8),
                                assessments().background(2).hoursAgo(6)),
                        assessments().breakthrough(6).now(),
                        noLadderMove()),
                vignette("LAD-03 low-dose strong opioid policy: morphine 30 mg/day instead of codeine",
                        onStep1WithParacetamol().with(assessments().background(5).hoursAgo(8)),
                        assessments().background(5).now(),
                        move(LAD_03, "toStep", 3, "drug", "MORPHINE", "toDailyDose", 30, "rescueDose", 5))
                        .under(Policies.with("moderatePainStrategy", ModeratePainStrategy.LOW_DOSE_STRONG_OPIOID)),
                vignette("LAD-04 severe pain 7/10 without analgesia: skip step 2, oral morphine 5 mg every 4 h",
                        noAnalgesia(),
                        assessments().background(7).now(),
                        move(LAD_04, "toStep", 3, "drug", "MORPHINE", "dose", 5, "toDailyDose", 30, "rescueDose", 5)),
                vignette("Score 6 once on paracetamol (6/7 boundary): moderate, not persistent, no move",
                        onStep1WithParacetamol(),
                        assessments().background(6).now(),
                        noLadderMove()),
                vignette("Score 7 once on paracetamol (6/7 boundary): severe, skip step 2",
                        onStep1WithParacetamol(),
                        assessments().background(7).now(),
                        move(LAD_04, "toStep", 3, "keepNonOpioid", true)),
                vignette("VAS 65 mm is severe (7): skip step 2",
                        onStep1WithParacetamol(),
                        assessments().vas(65).now(),
                        move(LAD_04)),
                vignette("VAS 64 mm is moderate (6): no skip on a single score",
                        onStep1WithParacetamol(),
                        assessments().vas(64).now(),
                        noLadderMove()),
                vignette("VAS 35 mm twice is moderate (4): escalate to step 2",
                        onStep1WithParacetamol().with(assessments().vas(35).hoursAgo(6)),
                        assessments().vas(35).now(),
                        move(LAD_02)),
                vignette("VAS 34 mm is mild (3): step 0 starts step 1",
                        noAnalgesia(),
                        assessments().vas(34).now(),
                        move(LAD_01)),
                vignette("Out-of-order arrival: a 5/10 recorded 6 h ago arrives after today's 5/10 and completes "
                                + "the persistence",
                        onStep1WithParacetamol().with(assessments().background(5).now()),
                        assessments().background(5).hoursAgo(6),
                        move(LAD_02)),
                vignette("Out-of-order arrival: an old 1/10 arriving late does not hide today's persistent pain",
                        onStep1WithParacetamol().with(assessments().background(5).hoursAgo(8),
                                assessments().background(5).now()),
                        assessments().background(1).hoursAgo(10),
                        move(LAD_02)),
                vignette("Severe score from 60 h ago arriving late is outside the window: no skip",
                        onStep1WithParacetamol().with(assessments().background(2).hoursAgo(2)),
                        assessments().background(8).hoursAgo(60),
                        noLadderMove()),
                vignette("LAD-05 codeine 240 mg/day for 3 days, pain persists: up to morphine 20 mg/day (codeine 0.1 "
                                + "out, MR doses of 10 mg), never across",
                        onStep2WithCodeine(240).with(assessments().background(5).hoursAgo(8)),
                        assessments().background(6).now(),
                        move(LAD_05, "toStep", 3, "stopDrug", "CODEINE", "drug", "MORPHINE", "fromOmeddMg", 36,
                                "toDailyDose", 20)),
                vignette("LAD-05 under the UK_PCF profile: codeine 240 mg/day is 24 mg morphine, start 20 mg/day",
                        onStep2WithCodeine(240).with(assessments().background(5).hoursAgo(8)),
                        assessments().background(6).now(),
                        move(LAD_05, "fromOmeddMg", 24, "equianalgesicDailyDose", 24, "toDailyDose", 20))
                        .under(Policies.with("mmeFactorProfile", "UK_PCF")),
                vignette("Weak opioid at ceiling: tramadol 400 mg/day started yesterday, severe pain: morphine "
                        + "40 mg/day (tramadol 0.1 out)",
                        onStep2WithTramadol(400).lastOpioidChangeHoursAgo(20),
                        assessments().background(8).now(),
                        move(LAD_05, "stopDrug", "TRAMADOL", "drug", "MORPHINE", "toDailyDose", 40)),
                vignette("Codeine 180 mg/day started 24 h ago, below ceiling: give it the window, no move",
                        onStep2WithCodeine(180).lastOpioidChangeHoursAgo(24)
                                .with(assessments().background(5).hoursAgo(8)),
                        assessments().background(5).now(),
                        noLadderMove()),
                vignette("Accepted escalation not yet prescribed (live step 3, regimen step 1): no new ladder move",
                        onStep1WithParacetamol().liveStep(3),
                        assessments().background(8).now(),
                        noLadderMove()));
    }

    static Stream<Vignettes> titration() {
        return Stream.of(
                vignette("LAD-06 oxycodone 40 mg/day, severe pain 8/10: +50 % to 60 mg/day, rescue 10 mg",
                        onStep3WithOxycodone(40),
                        assessments().background(8).btp(2).now(),
                        move(LAD_06, "direction", "UP", "drug", "OXYCODONE", "route", "ORAL", "fromDailyDose", 40,
                                "toDailyDose", 60, "unit", "mg", "rescueDrug", "OXYCODONE", "rescueDose", 10),
                        evidenceThreshold(LAD_06, "titrationPctSevere", 50)),
                vignette("LAD-06 six rescues of 5 mg in 24 h outweigh +50 %: oxycodone 40 → 70 mg/day",
                        onStep3WithOxycodone(40),
                        assessments().background(8).btp(6).now(),
                        move(LAD_06, "fromDailyDose", 40, "toDailyDose", 70)),
                vignette("LAD-06 capped at maxDailyIncreasePct 50: ten rescues would give 90, the cap is 60",
                        onStep3WithOxycodone(40),
                        assessments().background(9).btp(10).now(),
                        move(LAD_06, "toDailyDose", 60))
                        .under(Policies.with("maxDailyIncreasePct", 50)),
                vignette("LAD-06 morphine 120 mg/day, severe pain: 180 mg/day",
                        onStep3WithMorphine(120),
                        assessments().background(7).btp(1).now(),
                        move(LAD_06, "fromDailyDose", 120, "toDailyDose", 180, "newOmeddMg", 180)),
                vignette("LAD-07 oxycodone 40 mg/day, moderate pain 5 and 6: +30 % rounded to 50 mg/day",
                        onStep3WithOxycodone(40).with(assessments().background(5).hoursAgo(10)),
                        assessments().background(6).btp(1).now(),
                        move(LAD_07, "direction", "UP", "fromDailyDose", 40, "toDailyDose", 50),
                        evidenceThreshold(LAD_07, "titrationPctModerate", 30)),
                vignette("LAD-07 morphine 60 mg/day, moderate pain persisting: 80 mg/day",
                        onStep3WithMorphine(60).with(assessments().background(5).hoursAgo(10)),
                        assessments().background(5).btp(0).now(),
                        move(LAD_07, "toDailyDose", 80)),
                vignette("Fentanyl patch 25 mcg/h, severe pain, changed 71 h ago: too early to titrate",
                        onFentanylPatch(25).lastOpioidChangeHoursAgo(71),
                        assessments().background(8).btp(0).now(),
                        noLadderMove()),
                vignette("Fentanyl patch 25 mcg/h, severe pain, changed 72 h ago: 37.5 mcg/h",
                        onFentanylPatch(25).lastOpioidChangeHoursAgo(72),
                        assessments().background(8).btp(0).now(),
                        move(LAD_06, "drug", "FENTANYL", "route", "TRANSDERMAL", "fromDailyDose", 25,
                                "toDailyDose", 37.5, "unit", "mcg/h"),
                        evidenceThreshold(LAD_06, "minHoursBetweenTitrations", 72)),
                vignette("Oral oxycodone changed 23 h ago: wait for steady state",
                        onStep3WithOxycodone(40).lastOpioidChangeHoursAgo(23),
                        assessments().background(8).now(),
                        noLadderMove()),
                vignette("Oral oxycodone changed 24 h ago: titrate",
                        onStep3WithOxycodone(40).lastOpioidChangeHoursAgo(24),
                        assessments().background(8).btp(0).now(),
                        move(LAD_06, "toDailyDose", 60)),
                vignette("Methadone 30 mg/day changed 119 h ago: not before 7 days",
                        onMethadone(30).lastOpioidChangeHoursAgo(119),
                        assessments().background(8).btp(0).now(),
                        noLadderMove()),
                vignette("§8.5: methadone 30 mg/day changed 168 h ago: 36 mg/day (+20 %), through a specialist",
                        onMethadone(30).lastOpioidChangeHoursAgo(168),
                        assessments().background(8).btp(0).now(),
                        move(LAD_06, "drug", "METHADONE", "toDailyDose", 36, "requiresSpecialist", true)),
                vignette("LAD-08 five rescues a day on two days with background 3/10: oxycodone 40 → 65 mg/day",
                        onStep3WithOxycodone(40).with(assessments().background(3).btp(5).hoursAgo(26)),
                        assessments().background(3).btp(5).now(),
                        move(LAD_08, "direction", "UP", "fromDailyDose", 40, "toDailyDose", 65),
                        evidenceThreshold(LAD_08, "btpEpisodesTitrateThreshold", 3)),
                vignette("Five rescues on one day only: no LAD-08",
                        onStep3WithOxycodone(40).with(assessments().background(3).btp(1).hoursAgo(26)),
                        assessments().background(3).btp(5).now(),
                        noLadderMove()),
                vignette("Exactly 3 rescues a day (not more than 3): no LAD-08, pain controlled",
                        onStep3WithOxycodone(40).with(assessments().background(3).btp(3).hoursAgo(26)),
                        assessments().background(3).btp(3).now(),
                        noAdvice(LAD_08)),
                vignette("Serlin band edges (mild 1–4): two 4/10 are mild, no titration",
                        onStep3WithOxycodone(40).with(assessments().background(4).hoursAgo(10)),
                        assessments().background(4).btp(0).now(),
                        noAdvice(LAD_07))
                        .under(Policies.with("bandEdges", new BandEdges(4, 6))));
    }

    static Stream<Vignettes> rotation() {
        return Stream.of(
                vignette("ROT-01 delirium on morphine 120 mg/day on two assessments: oxycodone 40 mg/day (−50 %)",
                        onStep3WithMorphine(120).with(assessments().background(5).with(DELIRIUM,
                                MODERATE).hoursAgo(12)),
                        assessments().background(5).with(DELIRIUM, MODERATE).now(),
                        move(ROT_01, "fromDrug", "MORPHINE", "drug", "OXYCODONE", "equianalgesicDailyDose", 80,
                                "crossToleranceReductionPct", 50, "toDailyDose", 40, "rescueDose", 5)),
                vignette("ROT-01 myoclonus on oxycodone 60 mg/day: hydromorphone 8 mg/day",
                        onStep3WithOxycodone(60).with(assessments().background(4).with(MYOCLONUS,
                                MODERATE).hoursAgo(20)),
                        assessments().background(4).with(MYOCLONUS, SEVERE).now(),
                        move(ROT_01, "drug", "HYDROMORPHONE", "fromOmeddMg", 90, "equianalgesicDailyDose", 18,
                                "toDailyDose", 8)),
                vignette("ROT-01 beats titration: severe pain with delirium on two assessments is rotated, not raised",
                        onStep3WithMorphine(120).with(assessments().background(8).with(DELIRIUM, SEVERE).hoursAgo(6)),
                        assessments().background(8).with(DELIRIUM, MODERATE).now(),
                        move(ROT_01)),
                vignette("§8.3: delirium once, moderate: SAF-03 cuts morphine 60 by 30 % to 40 mg/day, not raised",
                        onStep3WithMorphine(60).with(assessments().background(7).hoursAgo(6)),
                        assessments().background(7).btp(0).with(DELIRIUM, MODERATE).now(),
                        move(SAF_03, "direction", "DOWN", "toDailyDose", 40)),
                vignette("ROT-01 from a fentanyl patch 50 mcg/h: oral oxycodone 40 mg/day, start 12 h after removal",
                        onFentanylPatch(50).with(assessments().background(4).with(DELIRIUM, MODERATE).hoursAgo(12)),
                        assessments().background(4).with(DELIRIUM, MODERATE).now(),
                        move(ROT_01, "fromDrug", "FENTANYL", "drug", "OXYCODONE", "fromOmeddMg", 120,
                                "toDailyDose", 40),
                        rationaleSays(ROT_01, "12 h later")),
                vignette("ROT-02 two dose increases each followed by moderate nausea, pain uncontrolled: "
                                + "morphine 120 → oxycodone 60 mg/day (−25 %)",
                        onStep3WithMorphine(120).doseIncreasedHoursAgo(100, 40)
                                .with(assessments().background(6).with(NAUSEA, MODERATE).hoursAgo(80),
                                        assessments().background(6).with(NAUSEA, MODERATE).hoursAgo(20)),
                        assessments().background(6).now(),
                        move(ROT_02, "drug", "OXYCODONE", "equianalgesicDailyDose", 80,
                                "crossToleranceReductionPct", 25, "toDailyDose", 60)),
                // Oral:SC morphine is published as 2:1-3:1; the cautious end applies (rules 2026.12.0 §8.1.3).
                vignette("ROT-03 severe nausea on oral morphine 60 mg/day: same morphine by syringe driver, 20 "
                        + "mg/day SC",
                        onStep3WithMorphine(60),
                        assessments().background(4).with(NAUSEA, SEVERE).now(),
                        move(ROT_03, "drug", "MORPHINE", "route", "SC", "toDailyDose", 20,
                                "crossToleranceReductionPct", 0, "rescueRoute", "SC", "rescueDose", 3)));
    }

    static Stream<Vignettes> stepDownAndMaintain() {
        return Stream.of(
                vignette("MNT-01 oxycodone regimen v3, two controlled scores: continue, once for this version",
                        onStep3WithOxycodone(40).with(assessments().background(2).btp(1).hoursAgo(20)),
                        assessments().background(1).btp(1).now(),
                        move(MNT_01, "regimenVersion", 3L)),
                vignette("MNT-01 not repeated: a third controlled score under the same regimen",
                        onStep3WithOxycodone(40).with(assessments().background(2).hoursAgo(40),
                                assessments().background(2).hoursAgo(20)),
                        assessments().background(1).now(),
                        noLadderMove()),
                vignette("No MNT-01 with moderate constipation on the latest score",
                        onStep3WithOxycodone(40).with(assessments().background(2).hoursAgo(20)),
                        assessments().background(1).with(CONSTIPATION, MODERATE).now(),
                        noLadderMove()),
                vignette("STD-01 controlled 7 days on morphine 60 mg/day with lasting mild nausea: reduce 20 % to 45",
                        onStep3WithMorphine(60).with(assessments().background(2).btp(1).daysAgo(6.5),
                                assessments().background(1).btp(0).daysAgo(4),
                                assessments().background(2).btp(1).with(NAUSEA, MILD).daysAgo(1)),
                        assessments().background(1).btp(0).with(NAUSEA, MILD).now(),
                        move(STD_01, "direction", "DOWN", "fromDailyDose", 60, "toDailyDose", 45, "toStep", 3)),
                vignette("STD-01 pain-free 7 days on codeine with mild nausea: stop codeine, back to step 1",
                        onStep2WithCodeine(180).lastOpioidChangeHoursAgo(200).with(
                                assessments().background(0).btp(0).daysAgo(6.5),
                                assessments().background(0).btp(0).with(NAUSEA, MILD).daysAgo(2)),
                        assessments().background(0).btp(0).with(NAUSEA, MILD).now(),
                        move(STD_01, "toStep", 1, "toDailyDose", 0, "drug", "CODEINE")),
                vignette("No step-down within 3 days of the last dose change",
                        onStep3WithMorphine(60).lastOpioidChangeHoursAgo(48).with(
                                assessments().background(2).btp(1).daysAgo(6.5),
                                assessments().background(2).btp(1).with(CONSTIPATION, MILD).daysAgo(1)),
                        assessments().background(1).btp(0).with(CONSTIPATION, MILD).now(),
                        noAdvice(STD_01)));
    }

    static Stream<Vignettes> coAdvice() {
        return Stream.of(
                vignette("ADJ-01 neuropathic pain 3/10 on paracetamol: gabapentin beside the ladder",
                        onStep1WithParacetamol(),
                        assessments().background(3).mechanism(PainMechanism.NEUROPATHIC).now(),
                        advice(ADJ_01, "drug", "GABAPENTIN")),
                vignette("ADJ-01 sits beside an escalation: mixed pain 8/10 on paracetamol",
                        onStep1WithParacetamol(),
                        assessments().background(8).mechanism(PainMechanism.MIXED).now(),
                        move(LAD_04), advice(ADJ_01)),
                vignette("No ADJ-01 when pregabalin is already scheduled",
                        onStep1WithParacetamol().adjuvant("PREGABALIN"),
                        assessments().background(5).mechanism(PainMechanism.NEUROPATHIC).now(),
                        noAdvice(ADJ_01)),
                vignette("ADJ-02 bone metastases with moderate pain: NSAID/dexamethasone and 8 Gy × 1",
                        onStep3WithOxycodone(40).withBoneMetastases(),
                        assessments().background(5).site(PainSite.BONE_DIFFUSE).now(),
                        advice(ADJ_02, "radiotherapy", "8 Gy × 1")),
                vignette("No ADJ-02 for mild bone pain",
                        onStep3WithOxycodone(40).withBoneMetastases(),
                        assessments().background(3).site(PainSite.BONE_DIFFUSE).now(),
                        noAdvice(ADJ_02)),
                vignette("INT-01 trigeminal neuralgia: carbamazepine first line",
                        onStep1WithParacetamol().with(PainCondition.TRIGEMINAL_NEURALGIA),
                        assessments().background(4).site(PainSite.HEAD).now(),
                        advice(INT_01, "drug", "CARBAMAZEPINE")),
                vignette("INT-02 acute herpes zoster: antiviral within 72 h",
                        onStep1WithParacetamol().with(PainCondition.HERPES_ZOSTER_ACUTE),
                        assessments().background(5).site(PainSite.CHEST).now(),
                        advice(INT_02), rationaleSays(INT_02, "antiviral")),
                vignette("INT-03 postherpetic neuralgia without an adjuvant: gabapentinoid or lidocaine plaster",
                        onStep1WithParacetamol().with(PainCondition.POSTHERPETIC_NEURALGIA),
                        assessments().background(3).site(PainSite.CHEST).now(),
                        advice(INT_03)),
                vignette("INT-04 disc herniation with moderate radicular pain: NSAID, epidural steroid referral",
                        onStep1WithParacetamol().with(PainCondition.DISC_HERNIATION_RADICULOPATHY),
                        assessments().background(5).site(PainSite.BACK_LOW).now(),
                        advice(INT_04)),
                vignette("No INT-04 for mild radicular pain",
                        onStep1WithParacetamol().with(PainCondition.DISC_HERNIATION_RADICULOPATHY),
                        assessments().background(2).site(PainSite.BACK_LOW).now(),
                        noAdvice(INT_04)),
                regimenChange("RSC-01 oxycodone 40 mg/day prescribed without a rescue: add oxycodone 5 mg as needed",
                        onStep3WithOxycodone(40).withoutRescue(),
                        advice(RSC_01, "rescueDrug", "OXYCODONE", "rescueDose", 5, "rescueUnit", "mg")),
                regimenChange("RSC-02 morphine 60 mg/day with a 20 mg rescue (33 %): rescale to 10 mg",
                        onStep3WithMorphine(60).withoutRescue().rescue("MORPHINE", "ORAL", "20", "1"),
                        advice(RSC_02, "fromRescueDose", 20, "rescueDose", 10)),
                regimenChange("RSC-02 exempts transmucosal fentanyl (not dose-proportional)",
                        onStep3WithMorphine(60).transmucosalFentanylRescue(100),
                        nothingNew()),
                regimenChange("A proportionate rescue needs no advice: oxycodone 40 mg/day with 5 mg (12.5 %)",
                        onStep3WithOxycodone(40),
                        nothingNew()));
    }
}

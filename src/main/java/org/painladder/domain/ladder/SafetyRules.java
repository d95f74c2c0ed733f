package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.painladder.domain.pain.AdverseEffect;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.pain.Severity;
import org.painladder.domain.regimen.DoseSteps;

/**
 * SAFETY, precedence 1 (SAF-01, SAF-02, SAF-03): opioid toxicity comes before analgesia gains. It stops escalation
 * and up-titration: for 24 h after respiratory depression or severe sedation (SAF-01), for safetyBlockHours after
 * opioid-induced neurotoxicity (SAF-03, one report is enough), and while the latest assessment shows moderate sedation
 * (POSS 3 is "unacceptable", Pasero 2009), whatever the pain. The blocks run from the time the effect was recorded;
 * an effect on the latest assessment stops them however old it is (§8.1 principle 1): no later assessment says it
 * has passed, and a report charted a day late is as current as the chart gets.
 */
final class SafetyRules {

    static final Duration SAF_01_BLOCK = Duration.ofHours(24);
    private static final int SAF_01_CUT_PCT = 50;
    private static final int SAF_02_CUT_PCT = 25;
    private static final String NALOXONE = "titrated naloxone if respiratory rate < 8/min or not rousable";

    private SafetyRules() {
    }

    /** @param recommendation the SAF dose cut the new assessment calls for, if any */
    record Verdict(Optional<ProposedRecommendation> recommendation, List<PainAssessment> triggers) {
        boolean blocksUp() {
            return !triggers.isEmpty();
        }
    }

    static boolean isSaf01Trigger(PainAssessment a) {
        return ClinicalPicture.has(a, AdverseEffectType.RESPIRATORY_DEPRESSION, Severity.MILD)
                || ClinicalPicture.has(a, AdverseEffectType.SEDATION, Severity.SEVERE);
    }

    /** §8.3: delirium, myoclonus or hallucinations moderate or worse, or hyperalgesia at any severity. */
    static boolean isNeurotoxicity(AdverseEffect effect) {
        return switch (effect.type()) {
            case DELIRIUM, MYOCLONUS, HALLUCINATIONS -> effect.severity().atLeast(Severity.MODERATE);
            case HYPERALGESIA -> true;
            default -> false;
        };
    }

    static boolean isSaf03Trigger(PainAssessment a) {
        return a.adverseEffects().stream().anyMatch(SafetyRules::isNeurotoxicity);
    }

    /** The effects on an assessment that limit the opioid dose (§8.1): none of them may meet a dose increase. */
    static String doseLimitingEffects(PainAssessment a) {
        return String.join(", ", a.adverseEffects().stream()
                .filter(e -> isNeurotoxicity(e) || e.type() == AdverseEffectType.RESPIRATORY_DEPRESSION
                        || (e.type() == AdverseEffectType.SEDATION && e.severity().atLeast(Severity.MODERATE)))
                .map(e -> e.type().name() + " " + e.severity().name()).toList());
    }

    /** The assessments of the window that trigger, recorded within {@code block} of now or the latest one. */
    private static List<PainAssessment> triggers(ClinicalPicture picture, Duration block,
                                                 Predicate<PainAssessment> trigger) {
        Instant from = picture.now().minus(block);
        Optional<PainAssessment> latest = picture.latest();
        return picture.window().stream().filter(trigger)
                .filter(a -> !a.recordedAt().isBefore(from) || latest.filter(l -> l == a).isPresent()).toList();
    }

    private static List<PainAssessment> saf01Triggers(ClinicalPicture picture) {
        return triggers(picture, SAF_01_BLOCK, SafetyRules::isSaf01Trigger);
    }

    private static List<PainAssessment> saf03Triggers(ClinicalPicture picture) {
        return picture.regimen().hasScheduledOpioid() ? triggers(picture,
                Duration.ofHours(picture.policy().safetyBlockHours()), SafetyRules::isSaf03Trigger) : List.of();
    }

    /** Why escalation and up-titration are withheld now, in words, or empty when they are not. */
    static Optional<String> upBlockReason(ClinicalPicture picture) {
        List<PainAssessment> saf01 = saf01Triggers(picture);
        if (!saf01.isEmpty()) {
            return Optional.of("respiratory depression or severe sedation " + when(picture, saf01, SAF_01_BLOCK)
                    + " (SAF-01: " + Advice.effects(saf01.get(saf01.size() - 1)) + ")");
        }
        List<PainAssessment> saf03 = saf03Triggers(picture);
        if (!saf03.isEmpty()) {
            return Optional.of("opioid-induced neurotoxicity " + when(picture, saf03,
                    Duration.ofHours(picture.policy().safetyBlockHours())) + " (SAF-03: "
                    + doseLimitingEffects(saf03.get(saf03.size() - 1)) + ")");
        }
        return picture.latest().filter(a -> ClinicalPicture.has(a, AdverseEffectType.SEDATION, Severity.MODERATE))
                .map(a -> "moderate sedation on the latest assessment (POSS 3)");
    }

    private static String when(ClinicalPicture picture, List<PainAssessment> triggers, Duration block) {
        boolean withinBlock = !triggers.get(triggers.size() - 1).recordedAt().isBefore(picture.now().minus(block));
        return withinBlock ? "within " + block.toHours() + " h" : "on the latest assessment, recorded more than "
                + block.toHours() + " h ago";
    }

    static Verdict evaluate(ClinicalPicture picture) {
        List<PainAssessment> saf01 = saf01Triggers(picture);
        List<PainAssessment> saf03 = saf03Triggers(picture);
        List<PainAssessment> moderateSedation = picture.latest()
                .filter(a -> ClinicalPicture.has(a, AdverseEffectType.SEDATION, Severity.MODERATE))
                .map(List::of).orElse(List.of());
        List<PainAssessment> triggers = new java.util.ArrayList<>(saf01);
        saf03.stream().filter(a -> !triggers.contains(a)).forEach(triggers::add);
        moderateSedation.stream().filter(a -> !triggers.contains(a)).forEach(triggers::add);
        return new Verdict(recommendation(picture, saf01, saf03), triggers);
    }

    private static Optional<ProposedRecommendation> recommendation(ClinicalPicture picture,
            List<PainAssessment> saf01, List<PainAssessment> saf03) {
        Optional<PainAssessment> fresh = picture.newAssessment();
        Optional<ScheduledDrug> opioid = PrimaryOpioid.of(picture.regimen())
                .or(() -> PrimaryOpioid.untitrated(picture.regimen()));
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        PainAssessment assessment = fresh.get();
        if (opioid.isEmpty()) {
            return picture.regimen().rescues().stream().findFirst().filter(rescue -> saf01.contains(assessment))
                    .map(rescue -> saf01AsNeeded(picture, assessment, rescue));
        }
        if (saf01.contains(assessment)) {
            return Optional.of(opioid.get().isFentanylPatch() && picture.regimen().patchWithoutTolerance()
                    ? saf01PatchWithoutTolerance(picture, assessment, opioid.get())
                    : saf01(picture, assessment, opioid.get()));
        }
        if (saf03.contains(assessment)) {
            return Optional.of(Neurotoxicity.recommend(picture, assessment, opioid.get()));
        }
        boolean moderateSedation = ClinicalPicture.worst(assessment, AdverseEffectType.SEDATION)
                .filter(e -> e.severity() == Severity.MODERATE).isPresent();
        boolean isLatest = picture.latest().filter(assessment::equals).isPresent();
        if (moderateSedation && isLatest && picture.painControl() == PainControl.CONTROLLED) {
            return Optional.of(saf02(picture, assessment, opioid.get()));
        }
        return Optional.empty();
    }

    private static ProposedRecommendation saf01(ClinicalPicture picture, PainAssessment trigger, ScheduledDrug drug) {
        boolean patch = "TRANSDERMAL".equals(drug.route());
        String hold = patch
                ? "Remove the " + Advice.drugName(drug.code()) + " patch now (the skin depot keeps releasing drug for "
                        + "12–36 h, so keep monitoring)"
                : !drug.titratable() ? "Stop the " + Advice.drugName(drug.code()) + " " + drug.route() + " line's"
                        + " demand doses and have the pain team halve the rate now (spinal and PCA lines follow their"
                        + " protocol)"
                : "Hold the next dose of " + Advice.drugName(drug.code());
        BigDecimal restart = Titration.down(drug, SAF_01_CUT_PCT);
        Optional<Rotation.Plan> subcutaneous = NonOral.cutUnderTheSkin(picture, drug, restart);
        return NonOral.addCut(saf01Advice(picture, trigger,
                "Opioid toxicity: " + describe(trigger) + " on " + Advice.daily(drug.dailyDose(), drug.unit())
                        + " of " + Advice.drugName(drug.code()) + ". " + hold + "; give titrated naloxone if the "
                        + "respiratory rate is below 8/min or the patient cannot be roused; restart at "
                        + Advice.daily(restart, drug.unit()) + " (" + Titration.cutText(drug.dailyDose(), restart,
                        SAF_01_CUT_PCT) + " below the current dose), once alert."
                        + NonOral.cutWords(drug, restart, subcutaneous) + " No escalation or up-titration for 24 h.")
                .doseChange("DOWN", drug, restart), drug, subcutaneous)
                .propose("reductionPct", SAF_01_CUT_PCT)
                .propose("holdNextDose", true)
                .propose("naloxone", NALOXONE)
                .build();
    }

    /** SAF-01 as every line it acts on gives it: why, the assessment read, the thresholds crossed, the effects. */
    private static Advice saf01Advice(ClinicalPicture picture, PainAssessment trigger, String because) {
        return Advice.of(RuleId.SAF_01, picture)
                .because(because)
                .read(trigger)
                .threshold("respiratoryDepression", "any severity")
                .threshold("sedation", "SEVERE (POSS 4 / RASS ≤ −3)")
                .threshold("safetyBlockHours", SAF_01_BLOCK.toHours())
                .fact("adverseEffects", Advice.effects(trigger));
    }

    /**
     * §8.1.1, §8.5: a patch started without opioid tolerance is not restarted, even at half; as TOL-01, it comes off
     * and an immediate-release opioid is titrated, here from half the opioid-naive start since the patient has just
     * shown toxicity.
     */
    private static ProposedRecommendation saf01PatchWithoutTolerance(ClinicalPicture picture, PainAssessment trigger,
                                                                     ScheduledDrug patch) {
        Analgesia.Start start = Analgesia.strongOpioidStart(picture.snapshot().organFunctionBands());
        // Half the opioid-naive start, under the skin for a patient who cannot swallow, every 6 h in a caution band.
        Analgesia.Given given = Analgesia.Given.of(new Analgesia.Start(start.drug(),
                OrganFunction.halved(start.singleDoseMg()), start.why()), picture);
        return saf01Advice(picture, trigger,
                "Opioid toxicity: " + describe(trigger) + " on a fentanyl patch "
                        + Advice.dose(patch.dailyDose(), patch.unit()) + " started when the patient was not "
                        + "opioid-tolerant. Remove the patch now and do not restart it (the skin depot keeps releasing "
                        + "fentanyl for 12–36 h, so keep monitoring); give titrated naloxone if the respiratory rate is "
                        + "below 8/min or the patient cannot be roused. Once alert, and about 12 h after removal, "
                        + "titrate " + given.words() + ", half the opioid-naive start"
                        + (start.why().isEmpty() ? "" : " (" + start.why() + ")") + ". No "
                        + "escalation or up-titration for 24 h.")
                .fact("regimenWarning", "FENTANYL_PATCH_NOT_OPIOID_TOLERANT")
                .propose("direction", "DOWN")
                .propose("removePatch", true)
                .propose("stopDrug", patch.code())
                .propose("fromDrug", patch.code())
                .propose("fromRoute", patch.route())
                .propose("fromDailyDose", DoseSteps.plain(patch.dailyDose()))
                .propose("fromUnit", patch.unit())
                .propose("drug", given.drug())
                .propose("route", given.route())
                .propose("formulation", given.subcutaneous() ? null : "immediate-release")
                .propose("dose", given.singleDose())
                .propose("doseUnit", "mg")
                .propose("frequency", given.interval() + ", by the clock, once alert and about 12 h after removal")
                .propose("toDailyDose", given.dailyDose())
                .propose("unit", "mg")
                .propose("reductionPct", SAF_01_CUT_PCT)
                .propose("holdNextDose", true)
                .propose("naloxone", NALOXONE)
                .check(SafetyCheck.OPIOID_TOLERANCE, SafetyCheck.CHANGED, SafetyReview.patchWarning(picture))
                .build();
    }

    /**
     * SAF-01 on an as-needed opioid alone: the toxicity is the same whichever way the dose was given. Like a PCA's
     * demand doses, the as-needed doses stop now and come back at half.
     */
    private static ProposedRecommendation saf01AsNeeded(ClinicalPicture picture, PainAssessment trigger,
                                                        RescueDose rescue) {
        BigDecimal half = Titration.percentOf(rescue.singleDose(), 100 - SAF_01_CUT_PCT);
        BigDecimal rounded = DoseSteps.floor(half, DoseSteps.rescueStep(rescue.code(), rescue.route()));
        // Back at half, as the patient can take it: under the skin if they cannot swallow.
        RescuePlan back = new RescuePlan(rescue.code(), rescue.route(), rounded.signum() > 0 ? rounded
                : DoseSteps.plain(half), rescue.unit(), RescuePlan.frequency(rescue.route())).forPatient(picture);
        BigDecimal restart = back.singleDose();
        boolean moved = !back.route().equals(rescue.route());
        return saf01Advice(picture, trigger,
                "Opioid toxicity: " + describe(trigger) + " on as-needed " + Advice.drugName(rescue.code())
                        + " " + Advice.dose(rescue.singleDose(), rescue.unit()) + " " + rescue.route()
                        .toLowerCase(java.util.Locale.ROOT) + ". Give no further as-needed dose now; give titrated "
                        + "naloxone if the respiratory rate is below 8/min or the patient cannot be roused; monitor "
                        + "sedation and breathing; once alert, allow as-needed doses at half, "
                        + (moved ? Advice.drugName(back.drug()) + " " + Advice.dose(restart, back.unit())
                        + " subcutaneously (the patient cannot swallow: half the oral dose, converted)"
                        : Advice.dose(restart, rescue.unit())) + ". No escalation or up-titration for 24 h.")
                .propose("direction", "DOWN")
                .propose("fromDrug", moved ? rescue.code() : null)
                .propose("fromRoute", moved ? rescue.route() : null)
                .propose("drug", back.drug())
                .propose("route", back.route())
                .propose("asNeededOnly", true)
                .propose("fromDose", DoseSteps.plain(rescue.singleDose()))
                .propose("dose", restart)
                .propose("doseUnit", back.unit())
                .propose("frequency", back.frequency() + ", once alert")
                .propose("reductionPct", SAF_01_CUT_PCT)
                .propose("holdNextDose", true)
                .propose("naloxone", NALOXONE)
                .build();
    }

    private static ProposedRecommendation saf02(ClinicalPicture picture, PainAssessment trigger, ScheduledDrug drug) {
        BigDecimal to = Titration.down(drug, SAF_02_CUT_PCT);
        Optional<Rotation.Plan> subcutaneous = NonOral.cutUnderTheSkin(picture, drug, to);
        return NonOral.addCut(Advice.of(RuleId.SAF_02, picture)
                .because("Moderate sedation (POSS 3: often drowsy, drifts off mid-conversation) while pain is "
                        + "controlled (" + trigger.score() + "/10): the dose is more than the pain needs. Reduce "
                        + Advice.drugName(drug.code()) + " by "
                        + Titration.cutText(drug.dailyDose(), to, SAF_02_CUT_PCT)
                        + " from " + Advice.daily(drug.dailyDose(), drug.unit())
                        + " to " + Advice.daily(to, drug.unit()) + " and reassess sedation and pain within 24 h."
                        + NonOral.cutWords(drug, to, subcutaneous))
                .read(trigger)
                .threshold("sedation", "MODERATE (POSS 3)")
                .threshold("painControl", "CONTROLLED (latest background ≤ bandMildMax "
                        + picture.policy().bandEdges().mildMax() + ", btp24h ≤ 3)")
                .fact("adverseEffects", Advice.effects(trigger))
                .doseChange("DOWN", drug, to), drug, subcutaneous)
                .propose("reductionPct", SAF_02_CUT_PCT)
                .propose("reassessWithinHours", 24)
                .build();
    }

    private static String describe(PainAssessment trigger) {
        StringBuilder text = new StringBuilder();
        trigger.adverseEffects().stream()
                .filter(e -> e.type() == AdverseEffectType.RESPIRATORY_DEPRESSION
                        || (e.type() == AdverseEffectType.SEDATION && e.severity() == Severity.SEVERE))
                .forEach(e -> text.append(text.length() == 0 ? "" : " and ")
                        .append(e.severity().name().toLowerCase(java.util.Locale.ROOT)).append(' ')
                        .append(e.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')));
        return text.toString();
    }
}

package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.painladder.domain.pain.AdverseEffect;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.Severity;

/**
 * SAF-03 (clinical-rules §8.3): opioid-induced neurotoxicity on one assessment. Moderate: cut the scheduled opioid by
 * neurotoxicityReductionPct, with rotation named as the alternative. Severe, or reported again within 72 h, on a
 * strong opioid that can be switched: rotate now with the adverse-effect cut (severe: without waiting for the second
 * report ROT-01 needs). Both carry the reversible-cause checklist and are critical.
 */
final class Neurotoxicity {

    static final String REVERSIBLE_CAUSES = "renal function (opioid metabolites), hypercalcaemia, infection, "
            + "dehydration, interacting drugs (anticholinergics, benzodiazepines, steroids)";

    private Neurotoxicity() {
    }

    /** The assessment before this one, within 72 h, already reported neurotoxicity (ROT-01's second report). */
    private static boolean reportedBefore(ClinicalPicture picture, PainAssessment trigger) {
        java.util.List<PainAssessment> earlier = picture.window().stream()
                .filter(a -> a.recordedAt().isBefore(trigger.recordedAt())).toList();
        return !earlier.isEmpty() && SafetyRules.isSaf03Trigger(earlier.get(earlier.size() - 1))
                && !earlier.get(earlier.size() - 1).recordedAt()
                .isBefore(trigger.recordedAt().minus(java.time.Duration.ofHours(72)));
    }

    static ProposedRecommendation recommend(ClinicalPicture picture, PainAssessment trigger, ScheduledDrug drug) {
        AdverseEffect worst = trigger.adverseEffects().stream().filter(SafetyRules::isNeurotoxicity)
                .max(java.util.Comparator.comparing(AdverseEffect::severity)).orElseThrow();
        LadderPolicy policy = picture.policy();
        String effects = SafetyRules.doseLimitingEffects(trigger);
        String named = worst.severity().name().toLowerCase(Locale.ROOT) + " "
                + worst.type().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String common = " No escalation or up-titration for " + policy.safetyBlockHours() + " h. Look for reversible "
                + "causes: " + REVERSIBLE_CAUSES + "; hydrate; haloperidol for distressing delirium.";
        boolean again = reportedBefore(picture, trigger);
        if ((worst.severity() == Severity.SEVERE || again) && drug.isStrongOpioid()) {
            int cut = policy.rotationReductionPctAdverseEffects();
            Optional<Rotation.Plan> plan = Rotation.plan(drug, Rotation.nextOpioid(drug,
                    picture.regimen().strongOpioidsTriedSinceStep3(), picture.snapshot().organFunctionBands()),
                    Rotation.keptRoute(drug, picture.snapshot().factors()), cut, policy);
            if (plan.isPresent()) {
                return Rotation.addTo(Advice.of(RuleId.ROT_01, picture)
                        .because("Opioid-induced neurotoxicity (SAF-03): " + named + " on "
                                + Advice.daily(drug.dailyDose(), drug.unit()) + " of " + Advice.drugName(drug.code())
                                + (again ? ", reported again within 72 h" : "") + ". "
                                + (again ? "Persisting neurotoxicity: rotate now" : "One severe report is enough: "
                                + "rotate now") + ", do not raise this opioid. "
                                + Rotation.describe(drug, plan.get()) + Rotation.routeNote(drug, plan.get())
                                + " The cut is " + cut + " % because the "
                                + "switch is for adverse effects." + common)
                        .read(trigger)
                        .threshold("rotationReductionPctAdverseEffects", cut)
                        .threshold("safetyBlockHours", policy.safetyBlockHours())
                        .fact("adverseEffects", effects)
                        .fact("trigger", "SAF-03")
                        .check(SafetyCheck.TOXICITY, SafetyCheck.CHANGED, "SAF-03: " + effects + " on "
                                + Advice.drugName(drug.code()) + ": switched at once, up-moves withheld for "
                                + policy.safetyBlockHours() + " h"), drug, plan.get())
                        .propose("critical", true)
                        .propose("frequency", Rotation.infusion(plan.get().toRoute()))
                        .propose("reversibleCauses", REVERSIBLE_CAUSES)
                        .build();
            }
        }
        int cut = policy.neurotoxicityReductionPct();
        BigDecimal to = Titration.down(drug, cut);
        boolean patch = drug.isFentanylPatch();
        Optional<Rotation.Plan> subcutaneous = NonOral.cutUnderTheSkin(picture, drug, to);
        return NonOral.addCut(Advice.of(RuleId.SAF_03, picture)
                .because("Opioid-induced neurotoxicity: " + named + " on " + Advice.daily(drug.dailyDose(), drug.unit())
                        + " of " + Advice.drugName(drug.code()) + ". One report is enough. Reduce "
                        + Advice.drugName(drug.code()) + (patch ? " patch" : "") + " by "
                        + Titration.cutText(drug.dailyDose(), to, cut) + " to "
                        + Advice.daily(to, drug.unit()) + ", or switch to another opioid with the adverse-effect cut ("
                        + policy.rotationReductionPctAdverseEffects() + " %)."
                        + NonOral.cutWords(drug, to, subcutaneous) + common)
                .read(trigger)
                .threshold("neurotoxicityReductionPct", cut)
                .threshold("safetyBlockHours", policy.safetyBlockHours())
                .fact("adverseEffects", effects)
                .check(SafetyCheck.TOXICITY, SafetyCheck.CHANGED, "SAF-03: " + effects + " on "
                        + Advice.drugName(drug.code()) + ": dose cut " + cut + " %, up-moves withheld for "
                        + policy.safetyBlockHours() + " h")
                .doseChange("DOWN", drug, to), drug, subcutaneous)
                .propose("reductionPct", cut)
                .propose("alternative", "rotate to another strong opioid less "
                        + policy.rotationReductionPctAdverseEffects() + " %")
                .propose("reversibleCauses", REVERSIBLE_CAUSES)
                .propose("haloperidol", "for distressing delirium")
                .build();
    }
}

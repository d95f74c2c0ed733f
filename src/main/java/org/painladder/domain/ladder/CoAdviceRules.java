package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.PainCondition;

/**
 * CO-ADVICE, precedence 5: adjuvants (ADJ-01/02), the intractable non-cancer conditions (INT-01..04) and the rescue
 * check (RSC-01/02). These sit beside any ladder move and never supersede one. They read the latest assessment of
 * any kind: a neuropathic breakthrough flare calls for an adjuvant as much as neuropathic background pain.
 */
final class CoAdviceRules {

    static final Set<String> NEUROPATHIC_ADJUVANTS = Set.of("GABAPENTIN", "PREGABALIN", "AMITRIPTYLINE",
            "NORTRIPTYLINE", "DULOXETINE");
    static final Set<String> TRIGEMINAL_FIRST_LINE = Set.of("CARBAMAZEPINE", "OXCARBAZEPINE");
    static final Set<String> NSAIDS = Set.of("IBUPROFEN", "NAPROXEN", "DICLOFENAC", "CELECOXIB", "KETOROLAC");

    private CoAdviceRules() {
    }

    static List<ProposedRecommendation> onAssessment(ClinicalPicture picture) {
        List<ProposedRecommendation> advice = new ArrayList<>();
        Optional<PainAssessment> latest = picture.latest();
        if (latest.isEmpty()) {
            return advice;
        }
        PainAssessment a = latest.get();
        PainBand band = picture.band(a);
        RegimenFacts regimen = picture.regimen();
        Set<PainCondition> conditions = picture.snapshot().painConditions();
        if (a.mechanism().hasNeuropathicComponent() && band.atLeast(PainBand.MILD) && !regimen.adjuvantScheduled()
                && regimen.scheduled().stream().noneMatch(ScheduledDrug::isAdjuvant)) {
            advice.add(neuropathic(picture, a, band));
        }
        if ((a.site() == PainSite.BONE_DIFFUSE || picture.snapshot().boneMetastases())
                && band.atLeast(PainBand.MODERATE)) {
            advice.add(bone(picture, a, band));
        }
        if (conditions.contains(PainCondition.TRIGEMINAL_NEURALGIA) && band.atLeast(PainBand.MILD)
                && TRIGEMINAL_FIRST_LINE.stream().noneMatch(regimen::isScheduled)) {
            advice.add(trigeminal(picture, a));
        }
        if (conditions.contains(PainCondition.HERPES_ZOSTER_ACUTE)) {
            advice.add(zoster(picture, a, band));
        }
        if (conditions.contains(PainCondition.POSTHERPETIC_NEURALGIA) && band.atLeast(PainBand.MILD)
                && NEUROPATHIC_ADJUVANTS.stream().noneMatch(regimen::isScheduled)) {
            advice.add(postherpetic(picture, a));
        }
        if (conditions.contains(PainCondition.DISC_HERNIATION_RADICULOPATHY) && band.atLeast(PainBand.MODERATE)) {
            advice.add(radicular(picture, a, regimen));
        }
        return advice;
    }

    private static ProposedRecommendation neuropathic(ClinicalPicture picture, PainAssessment a, PainBand band) {
        return Advice.of(RuleId.ADJ_01, picture)
                .because(mechanism(a) + " pain (" + a.score() + "/10) without an adjuvant: neuropathic pain responds "
                        + "only partly to opioids. Add gabapentin 100–300 mg at night and titrate (adjust to renal "
                        + "function), or pregabalin 75 mg twice a day, or amitriptyline 10–25 mg at night, or "
                        + "duloxetine 30 mg; dexamethasone if nerve compression is suspected. Keep the opioid. "
                        + "(ESMO 2018 and EAPC 2012 recommend this; WHO 2018 found the evidence insufficient.)")
                .read(a)
                .fact("mechanism", a.mechanism().name())
                .fact("band", band.name())
                .propose("drug", "GABAPENTIN")
                .propose("route", "ORAL")
                .propose("dose", BigDecimal.valueOf(300))
                .propose("doseUnit", "mg")
                .propose("frequency", "at night, titrate to 1800–3600 mg/day")
                .propose("alternatives", "PREGABALIN 75 mg twice a day; AMITRIPTYLINE 10–25 mg at night; "
                        + "DULOXETINE 30 mg/day; DEXAMETHASONE if nerve compression")
                .build();
    }

    private static ProposedRecommendation bone(ClinicalPicture picture, PainAssessment a, PainBand band) {
        boolean nsaidScheduled = NSAIDS.stream().anyMatch(picture.regimen()::isScheduled);
        String why = a.site() == PainSite.BONE_DIFFUSE ? "Bone pain" : "Pain with bone metastases";
        return Advice.of(RuleId.ADJ_02, picture)
                .because(why + " (" + a.score() + "/10): bone pain has specific treatments. "
                        + (nsaidScheduled ? "Keep the NSAID; " : "Add a regular NSAID if safe and/or dexamethasone; ")
                        + "a bisphosphonate (zoledronate) or denosumab; and offer single-fraction palliative "
                        + "radiotherapy (8 Gy × 1) for a localised painful lesion. This is not a refractory case.")
                .read(a)
                .fact("site", a.site() == null ? null : a.site().name())
                .fact("boneMetastases", picture.snapshot().boneMetastases())
                .fact("band", band.name())
                .propose("adjuvant", nsaidScheduled ? "DEXAMETHASONE" : "NSAID and/or DEXAMETHASONE")
                .propose("boneTargetedAgent", "ZOLEDRONATE or DENOSUMAB")
                .propose("referral", "PALLIATIVE_RADIOTHERAPY")
                .propose("radiotherapy", "8 Gy × 1")
                .build();
    }

    private static ProposedRecommendation trigeminal(ClinicalPicture picture, PainAssessment a) {
        return Advice.of(RuleId.INT_01, picture)
                .because("Trigeminal neuralgia (" + a.score() + "/10): opioids help little. Carbamazepine is first "
                        + "line (start 100–200 mg twice a day and titrate), oxcarbazepine the alternative; refer for a "
                        + "neurosurgical opinion (microvascular decompression, radiosurgery) when drugs fail or "
                        + "are not "
                        + "tolerated. The ladder continues for the cancer pain.")
                .read(a)
                .fact("painCondition", PainCondition.TRIGEMINAL_NEURALGIA.name())
                .propose("drug", "CARBAMAZEPINE")
                .propose("route", "ORAL")
                .propose("dose", BigDecimal.valueOf(100))
                .propose("doseUnit", "mg")
                .propose("frequency", "twice a day, titrate")
                .propose("alternative", "OXCARBAZEPINE")
                .propose("referral", "neurosurgical opinion if drugs fail or are not tolerated")
                .build();
    }

    private static ProposedRecommendation zoster(ClinicalPicture picture, PainAssessment a, PainBand band) {
        return Advice.of(RuleId.INT_02, picture)
                .because("Acute herpes zoster: start an antiviral (aciclovir, valaciclovir or famciclovir), best "
                        + "within 72 h of rash onset. " + CauseRules.symptomaticAnalgesia(band, picture.regimen())
                        + " Add a gabapentinoid or a TCA if the pain has neuropathic features.")
                .read(a)
                .fact("painCondition", PainCondition.HERPES_ZOSTER_ACUTE.name())
                .propose("treatment", "antiviral: VALACICLOVIR 1 g three times a day for 7 days (or aciclovir, "
                        + "famciclovir), best within 72 h of rash onset")
                .propose("symptomaticAnalgesia", CauseRules.symptomaticAnalgesia(band, picture.regimen()))
                .build();
    }

    private static ProposedRecommendation postherpetic(ClinicalPicture picture, PainAssessment a) {
        return Advice.of(RuleId.INT_03, picture)
                .because("Postherpetic neuralgia (" + a.score() + "/10) without a neuropathic adjuvant: gabapentin or "
                        + "pregabalin, or a tricyclic (amitriptyline 10–25 mg at night); for localised pain a "
                        + "lidocaine 5 % plaster or a capsaicin 8 % patch.")
                .read(a)
                .fact("painCondition", PainCondition.POSTHERPETIC_NEURALGIA.name())
                .propose("drug", "GABAPENTIN")
                .propose("route", "ORAL")
                .propose("alternatives", "PREGABALIN; AMITRIPTYLINE; topical LIDOCAINE 5 % plaster or CAPSAICIN "
                        + "8 % patch")
                .build();
    }

    private static ProposedRecommendation radicular(ClinicalPicture picture, PainAssessment a, RegimenFacts regimen) {
        boolean nsaid = NSAIDS.stream().anyMatch(regimen::isScheduled);
        return Advice.of(RuleId.INT_04, picture)
                .because("Radicular pain from disc herniation (" + a.score() + "/10): "
                        + (nsaid ? "keep the NSAID; " : "an NSAID if safe; ")
                        + "refer for an epidural steroid injection if the radicular pain persists; an urgent surgical "
                        + "opinion with red flags (cauda equina symptoms, progressive motor deficit).")
                .read(a)
                .fact("painCondition", PainCondition.DISC_HERNIATION_RADICULOPATHY.name())
                .propose("treatment", nsaid ? "continue NSAID" : "NSAID if safe")
                .propose("referral", "epidural steroid injection; urgent surgical opinion with red flags")
                .build();
    }

    /** RSC-01/02 judge the regimen itself, so they run when it changes (not again at every pain score). */
    static List<ProposedRecommendation> onRegimen(ClinicalPicture picture) {
        RegimenFacts regimen = picture.regimen();
        Optional<ScheduledDrug> opioid = PrimaryOpioid.of(regimen);
        if (opioid.isEmpty() || regimen.omeddMg().signum() <= 0) {
            return List.of();
        }
        LadderPolicy policy = picture.policy();
        if (regimen.rescues().isEmpty()) {
            RescuePlan plan = RescuePlan.forDailyOmedd(regimen.omeddMg(), opioid.get(), regimen, policy);
            return List.of(Advice.of(RuleId.RSC_01, picture)
                    .because("A scheduled opioid (OMEDD " + DoseSteps.plain(regimen.omeddMg()).toPlainString()
                            + " mg/day) without a rescue: every opioid regimen needs one for breakthrough pain. Add "
                            + plan.describe() + " (10–20 % of the daily dose, target 15 %).")
                    .threshold("rescueFractionMin", policy.rescueFractionMin())
                    .threshold("rescueFractionMax", policy.rescueFractionMax())
                    .threshold("rescueFractionTarget", policy.rescueFractionTarget())
                    .rescue(plan)
                    .build());
        }
        Optional<RescueDose> rescue = Titration.primaryRescue(regimen);
        if (rescue.isEmpty()) {
            return List.of();
        }
        BigDecimal fraction = rescue.get().singleDoseOmeddMg().divide(regimen.omeddMg(), 4, RoundingMode.HALF_UP);
        if (fraction.compareTo(policy.rescueFractionMin()) >= 0
                && fraction.compareTo(policy.rescueFractionMax()) <= 0) {
            return List.of();
        }
        RescuePlan plan = RescuePlan.forDailyOmedd(regimen.omeddMg(), opioid.get(), regimen, policy);
        String pct = fraction.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString();
        return List.of(Advice.of(RuleId.RSC_02, picture)
                .because("The rescue dose (" + Advice.drugName(rescue.get().code()) + " "
                        + Advice.dose(rescue.get().singleDose(), rescue.get().unit()) + ") is " + pct + " % of the "
                        + "scheduled OMEDD of " + DoseSteps.plain(regimen.omeddMg()).toPlainString() + " mg/day, "
                        + "outside 10–20 %: rescale to " + plan.describe() + " (15 %).")
                .threshold("rescueFractionMin", policy.rescueFractionMin())
                .threshold("rescueFractionMax", policy.rescueFractionMax())
                .threshold("rescueFractionTarget", policy.rescueFractionTarget())
                .fact("rescueFraction", fraction)
                .propose("fromRescueDose", DoseSteps.plain(rescue.get().singleDose()))
                .rescue(plan)
                .build());
    }

    private static String mechanism(PainAssessment a) {
        return switch (a.mechanism()) {
            case NEUROPATHIC -> "Neuropathic";
            default -> "Mixed nociceptive and neuropathic";
        };
    }
}

package org.painladder.domain.ladder;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.pain.RedFlag;
import org.painladder.domain.patient.PrimarySite;

/**
 * Red flags (clinical-rules §8.8): the emergencies behind a pain score. Cards beside any ladder move, all critical:
 * suspected spinal cord compression (RF-01), possible pathological fracture (RF-02), fever (RF-03).
 */
final class RedFlags {

    /** Primaries that commonly spread to bone (NICE NG234 names breast, prostate, lung, kidney, myeloma). */
    static final Set<PrimarySite> SPREADS_TO_BONE = EnumSet.of(PrimarySite.BREAST, PrimarySite.PROSTATE,
            PrimarySite.LUNG, PrimarySite.KIDNEY, PrimarySite.MYELOMA);
    static final Set<PainSite> SPINE = EnumSet.of(PainSite.BACK_LOW, PainSite.NECK_SHOULDER);
    static final Set<PainSite> BONE_SITES = EnumSet.of(PainSite.BONE_DIFFUSE, PainSite.BACK_LOW, PainSite.LIMB_UPPER,
            PainSite.LIMB_LOWER);

    private RedFlags() {
    }

    static List<ProposedRecommendation> evaluate(ClinicalPicture picture) {
        List<ProposedRecommendation> cards = new ArrayList<>();
        Optional<PainAssessment> latest = picture.latest();
        if (latest.isEmpty()) {
            return cards;
        }
        PainAssessment a = latest.get();
        boolean boneRisk = picture.snapshot().boneMetastases()
                || SPREADS_TO_BONE.contains(picture.snapshot().primarySite());
        boolean neuro = a.redFlags().contains(RedFlag.NEW_NEUROLOGICAL_DEFICIT)
                || a.redFlags().contains(RedFlag.SPHINCTER_DYSFUNCTION);
        if (boneRisk && (neuro || (SPINE.contains(a.site()) && newOrWorse(picture, a)))) {
            cards.add(cordCompression(picture, a, neuro));
        }
        boolean movementPain = a.breakthroughType() == BreakthroughType.INCIDENT
                && picture.band(a) == PainBand.SEVERE && BONE_SITES.contains(a.site());
        if (picture.snapshot().boneMetastases() && (a.redFlags().contains(RedFlag.FALL_OR_INJURY) || movementPain)) {
            cards.add(fracture(picture, a));
        }
        if (a.redFlags().contains(RedFlag.FEVER)) {
            cards.add(fever(picture, a));
        }
        return cards;
    }

    /** New at this site in the window, or higher than the previous score there. */
    private static boolean newOrWorse(ClinicalPicture picture, PainAssessment a) {
        Optional<PainAssessment> previous = picture.window().stream()
                .filter(x -> x != a && x.site() == a.site() && x.recordedAt().isBefore(a.recordedAt()))
                .reduce((x, y) -> y);
        return a.score() > 0 && previous.map(p -> a.score() > p.score()).orElse(true);
    }

    private static ProposedRecommendation cordCompression(ClinicalPicture picture, PainAssessment a, boolean neuro) {
        return Advice.of(RuleId.RF_01, picture)
                .because("Suspected metastatic spinal cord compression: " + (neuro ? "a new neurological deficit or "
                        + "sphincter dysfunction" : "new or worsening " + (a.site() == PainSite.BACK_LOW ? "back"
                        : "neck") + " pain (" + a.score() + "/10)") + " in a patient "
                        + (picture.snapshot().boneMetastases() ? "with bone metastases" : "whose cancer often spreads "
                        + "to bone") + ". Whole-spine MRI within 24 h (immediately if there are neurological "
                        + "symptoms); dexamethasone 16 mg a day " + (picture.cannotSwallow() ? "SC or IV (the patient "
                        + "cannot swallow) with intravenous gastric protection" : "with gastric protection")
                        + "; urgent oncology and spinal "
                        + "referral; lie flat with neutral spine alignment if there is mechanical pain or a deficit.")
                .read(a)
                .fact("site", a.site() == null ? null : a.site().name())
                .fact("redFlags", String.join(", ", a.redFlags().stream().sorted().map(Enum::name).toList()))
                .propose("critical", true)
                .propose("imaging", neuro ? "whole-spine MRI immediately" : "whole-spine MRI within 24 h")
                .propose("drug", "DEXAMETHASONE")
                .propose("route", picture.cannotSwallow() ? Equianalgesia.SC : Equianalgesia.ORAL)
                .propose("dose", java.math.BigDecimal.valueOf(16))
                .propose("doseUnit", "mg")
                .propose("frequency", "daily, with gastric protection")
                .propose("referral", "urgent oncology and spinal team")
                .check(SafetyCheck.RED_FLAGS, SafetyCheck.WARNING, "suspected spinal cord compression (NICE NG234)")
                .build();
    }

    private static ProposedRecommendation fracture(ClinicalPicture picture, PainAssessment a) {
        Analgesia.ForBand analgesia = Analgesia.forBand(picture, picture.band(a));
        return Advice.of(RuleId.RF_02, picture)
                .because("Possible pathological fracture: " + (a.redFlags().contains(RedFlag.FALL_OR_INJURY)
                        ? "a fall or injury" : "new severe pain on movement at a bone site") + " (" + a.score()
                        + "/10) with bone metastases. Immobilise the part, arrange imaging and an orthopaedic "
                        + "opinion (fixation, radiotherapy, vertebral augmentation). " + analgesia.text())
                .read(a)
                .fact("site", a.site() == null ? null : a.site().name())
                .propose("critical", true)
                .propose("imaging", "plain films or CT of the painful site")
                .propose("referral", "orthopaedic opinion")
                .propose("immobilise", true)
                .propose("analgesia", analgesia.proposal())
                .check(SafetyCheck.RED_FLAGS, SafetyCheck.WARNING, "possible pathological fracture")
                .build();
    }

    private static ProposedRecommendation fever(ClinicalPicture picture, PainAssessment a) {
        return Advice.of(RuleId.RF_03, picture)
                .because("Fever with cancer pain: follow the local febrile-neutropenia pathway (full blood count, "
                        + "cultures, empirical antibiotics within 1 h if neutropenic). Hold NSAIDs until neutropenia "
                        + "is "
                        + "excluded: they mask fever and add bleeding risk; paracetamol also masks fever, so record "
                        + "the temperature before each dose.")
                .read(a)
                .propose("critical", true)
                .propose("pathway", "local febrile-neutropenia pathway")
                .propose("holdNsaids", true)
                .check(SafetyCheck.RED_FLAGS, SafetyCheck.WARNING, "fever: NSAIDs held until neutropenia is excluded")
                .build();
    }
}

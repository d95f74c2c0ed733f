package org.painladder.domain.ladder;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.pain.PainCourse;
import org.painladder.domain.pain.PainSite;

/**
 * CAUSE, precedence 2 (CAU-01..04): acute pain with a treatable cause is treated at its cause, with analgesia for the
 * band, and does not move the ladder. An episode suppresses ladder moves for {@code acuteCauseSuppressionDays} after
 * it was recorded; analgesia is never withheld (the proposal names the symptomatic analgesia for the band).
 */
final class CauseRules {

    /** CAU-03 applies where a traumatic acute pain may be a pathological fracture (an EnumSet: site may be null). */
    static final Set<PainSite> FRACTURE_SITES = EnumSet.of(PainSite.BONE_DIFFUSE, PainSite.BACK_LOW, PainSite.LIMB_UPPER,
            PainSite.LIMB_LOWER);

    private CauseRules() {
    }

    /** @param episodes the cause-driven acute assessments inside the suppression window, oldest first */
    record Verdict(Optional<ProposedRecommendation> recommendation, List<PainAssessment> episodes) {
        boolean suppressesLadder() {
            return !episodes.isEmpty();
        }
    }

    /** Acute pain with a recorded cause: treat the cause, whether or not a CAU rule names the treatment. */
    static boolean hasTreatableCause(PainAssessment a) {
        return a.course() == PainCourse.ACUTE && a.acuteCause() != null;
    }

    static Optional<RuleId> ruleFor(PainAssessment a) {
        if (a.course() != PainCourse.ACUTE || a.acuteCause() == null) {
            return Optional.empty();
        }
        return switch (a.acuteCause()) {
            case INFECTIOUS_INFLAMMATORY -> Optional.of(RuleId.CAU_01);
            case NONINFECTIOUS_INFLAMMATORY -> Optional.of(RuleId.CAU_02);
            case TRAUMATIC -> FRACTURE_SITES.contains(a.site()) ? Optional.of(RuleId.CAU_03) : Optional.empty();
            case POSTOPERATIVE -> Optional.of(RuleId.CAU_04);
        };
    }

    static Verdict evaluate(ClinicalPicture picture) {
        int days = picture.policy().acuteCauseSuppressionDays();
        Instant from = picture.now().minus(Duration.ofDays(days));
        List<PainAssessment> episodes = picture.window().stream()
                .filter(a -> !a.recordedAt().isBefore(from) && hasTreatableCause(a)).toList();
        Optional<ProposedRecommendation> recommendation = picture.latest()
                .flatMap(latest -> ruleFor(latest).map(rule -> recommend(picture, latest, rule)));
        return new Verdict(recommendation, episodes);
    }

    private static ProposedRecommendation recommend(ClinicalPicture picture, PainAssessment latest, RuleId rule) {
        int days = picture.policy().acuteCauseSuppressionDays();
        PainBand band = picture.band(latest);
        String analgesia = symptomaticAnalgesia(band, picture.regimen());
        String hold = " Do not climb the ladder and do not count these scores toward refractory pain for "
                + days + " days.";
        Advice advice = Advice.of(rule, picture).read(latest)
                .threshold("acuteCauseSuppressionDays", days)
                .fact("acuteCause", latest.acuteCause().name())
                .fact("site", latest.site() == null ? null : latest.site().name())
                .fact("band", band.name());
        switch (rule) {
            case CAU_01 -> advice
                    .because("Acute inflammatory pain of infectious origin (" + latest.score() + "/10): treat the "
                            + "infection with antibacterial therapy and source control per local protocol (for example "
                            + "abscess drainage, cellulitis, infected wound, cholangitis, superinfected mucositis). "
                            + analgesia + hold + " Infection-driven pain settles when the infection is treated; "
                            + "escalating opioids treats the symptom, not the cause.")
                    .propose("treatment", "antibacterial therapy and source control per local protocol");
            case CAU_02 -> advice
                    .because("Acute non-infectious inflammatory pain (" + latest.score() + "/10): treat the cause with "
                            + "an NSAID or a corticosteroid (for example radiation mucositis or serositis; a "
                            + "dexamethasone trial). " + analgesia + hold)
                    .propose("treatment", "NSAID or corticosteroid directed at the cause (dexamethasone trial)");
            case CAU_03 -> advice
                    .because("Acute traumatic pain in " + siteName(latest) + " (" + latest.score() + "/10) in a "
                            + "patient with cancer may be a pathological fracture: arrange imaging and an orthopaedic "
                            + "or radiation-oncology opinion (fixation, radiotherapy, vertebral augmentation). "
                            + analgesia + hold)
                    .propose("treatment", "imaging; orthopaedic or radiation-oncology opinion");
            default -> advice
                    .because("Acute postoperative pain (" + latest.score() + "/10): multimodal postoperative "
                            + "analgesia: regular paracetamol ± NSAID, IV PCA when a parenteral route is needed, PCEA "
                            + "or a regional block after major thoracic or abdominal surgery; no routine basal "
                            + "infusion in an opioid-naive patient. " + analgesia + hold)
                    .propose("treatment", "multimodal postoperative analgesia (paracetamol ± NSAID, PCA, PCEA "
                            + "or regional)");
        }
        return advice.propose("symptomaticAnalgesia", analgesia)
                .propose("suppressLadderDays", days)
                .build();
    }

    private static String siteName(PainAssessment a) {
        return switch (a.site()) {
            case LIMB_LOWER -> "the lower limb";
            case LIMB_UPPER -> "the upper limb";
            case BACK_LOW -> "the lower back";
            default -> "the bones";
        };
    }

    /** Analgesia for the band without moving the ladder: the current rescue on step 3, a short-acting opioid below. */
    static String symptomaticAnalgesia(PainBand band, RegimenFacts regimen) {
        boolean onStrongOpioid = PrimaryOpioid.strong(regimen).isPresent();
        return switch (band) {
            case NONE, MILD -> "Analgesia for mild pain: regular paracetamol, with an NSAID if safe.";
            case MODERATE -> onStrongOpioid
                    ? "Analgesia for moderate pain: keep the regimen and use the rescue dose as needed."
                    : "Analgesia for moderate pain: regular paracetamol ± NSAID, with a short-acting opioid as needed.";
            case SEVERE -> onStrongOpioid
                    ? "Analgesia for severe pain: use the rescue dose as needed, up to hourly, and reassess at 60 min."
                    : "Analgesia for severe pain: oral morphine immediate-release 5 mg as needed, up to hourly, "
                            + "reassessed at 60 min.";
        };
    }
}

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

        /**
         * §8.4: an acute cause holds back the ladder only for a background score at its site (or GENERALIZED, which
         * cannot be told apart); a score elsewhere is evaluated as usual.
         */
        boolean suppresses(Optional<PainAssessment> background) {
            return background.isPresent() && episodes.stream().anyMatch(e -> sameSite(e, background.get()));
        }
    }

    static boolean sameSite(PainAssessment episode, PainAssessment score) {
        return episode.site() == null || score.site() == null || episode.site() == score.site()
                || episode.site() == PainSite.GENERALIZED || score.site() == PainSite.GENERALIZED;
    }

    /** Acute pain with a recorded cause: treat the cause, whether or not a CAU rule names the treatment. */
    static boolean hasTreatableCause(PainAssessment a) {
        return a.course() == PainCourse.ACUTE && a.acuteCause() != null;
    }

    static Optional<RuleId> ruleFor(PainAssessment a) {
        if (a.course() != PainCourse.ACUTE || a.acuteCause() == null) {
            return Optional.empty();
        }
        return Optional.of(switch (a.acuteCause()) {
            case INFECTIOUS_INFLAMMATORY -> RuleId.CAU_01;
            case NONINFECTIOUS_INFLAMMATORY -> RuleId.CAU_02;
            case TRAUMATIC -> RuleId.CAU_03;
            case POSTOPERATIVE -> RuleId.CAU_04;
        });
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
        Analgesia.ForBand forBand = rule == RuleId.CAU_04 ? Analgesia.forBandWithPcia(picture, band)
                : Analgesia.forBand(picture, band);
        String analgesia = forBand.text();
        String site = latest.site() == null ? "this site" : latest.site().name();
        String hold = " Do not climb the ladder for pain at " + site + " and do not count these scores toward "
                + "refractory pain for " + days + " days; pain at another site is assessed as usual.";
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
            case CAU_02 -> {
                Optional<String> nsaidBarred = picture.nsaidBarred();
                boolean nsaid = nsaidBarred.isEmpty();
                String corticosteroid = picture.cannotSwallow() ? "a corticosteroid (dexamethasone SC: the patient "
                        + "cannot swallow)" : "a corticosteroid";
                advice.because("Acute non-infectious inflammatory pain (" + latest.score() + "/10): treat the cause "
                                + "with " + (nsaid ? (picture.cannotSwallow() ? "an NSAID (" + NonOral.RECTAL_NSAID_TEXT
                                + ") or " : "an NSAID or ") + corticosteroid : corticosteroid + " (no NSAID: "
                                + nsaidBarred.get() + ")")
                                + " (for example radiation mucositis or serositis; a dexamethasone trial). " + analgesia
                                + hold)
                        .propose("treatment", nsaid ? "NSAID or corticosteroid directed at the cause (dexamethasone "
                                + "trial)" : "corticosteroid directed at the cause (dexamethasone trial)");
            }
            case CAU_03 -> {
                if (FRACTURE_SITES.contains(latest.site())) {
                    advice.because("Acute traumatic pain in " + siteName(latest) + " (" + latest.score() + "/10) in a "
                            + "patient with cancer may be a pathological fracture: arrange imaging and an orthopaedic "
                            + "or radiation-oncology opinion (fixation, radiotherapy, vertebral augmentation). "
                            + analgesia + hold)
                    .propose("treatment", "imaging; orthopaedic or radiation-oncology opinion");
                } else {
                    advice.because("Acute traumatic pain (" + latest.score() + "/10" + (latest.site() == null ? ""
                            : ", " + latest.site().name()) + "): look for the injury (examine; imaging as the "
                            + "findings suggest, for example rib fracture or pneumothorax after chest trauma) and "
                            + "treat it. " + analgesia + hold)
                    .propose("treatment", "look for the injury and treat it");
                }
            }
            default -> advice
                    .because("Acute postoperative pain (" + latest.score() + "/10): multimodal postoperative "
                            + "analgesia (APS 2016): " + PostoperativeAnalgesia.standard().addTo(advice, picture, latest)
                            + " " + analgesia + hold)
                    .propose("treatment", "multimodal postoperative analgesia (paracetamol ± NSAID, PCA, PCEA "
                            + "or regional)");
        }
        return advice.propose("symptomaticAnalgesia", analgesia)
                .propose("analgesia", forBand.proposal())
                .propose("suppressLadderDays", days)
                .propose("suppressLadderSite", site)
                .check(SafetyCheck.ACUTE_CAUSE, SafetyCheck.PASSED, "analgesia for the " + band.name() + " band is "
                        + "proposed; the ladder is held back only for pain at " + site + " for " + days + " days")
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

    /** Analgesia for the band without moving the ladder (INT-02 says it in words too). */
    static String symptomaticAnalgesia(ClinicalPicture picture, PainBand band) {
        return Analgesia.forBand(picture, band).text();
    }
}

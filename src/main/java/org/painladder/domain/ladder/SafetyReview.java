package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.patient.PatientFactors;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.Interactions;

/**
 * The clinical-rules §8.1 checks every recommendation carries (organ function, toxicity, opioid tolerance), in that
 * order, with what each found. A rule that changed its proposal because of a check says so itself ({@code CHANGED});
 * the others are filled in here from the proposal and the patient.
 */
final class SafetyReview {

    static final String PATCH_WARNING = "Warning: fentanyl patch in a patient who was not opioid-tolerant when it "
            + "was started (at least 60 mg/day oral morphine or equivalent for a week, §1.10): remove the patch and "
            + "titrate an immediate-release opioid; the patch is never titrated up.";

    private SafetyReview() {
    }

    /** The patch warning as the patient can act on it: a short-acting opioid under the skin if they cannot swallow. */
    static String patchWarning(ClinicalPicture picture) {
        return picture.cannotSwallow() ? PATCH_WARNING.replace("titrate an immediate-release opioid",
                "titrate a short-acting opioid subcutaneously (the patient cannot swallow)") : PATCH_WARNING;
    }

    static List<SafetyCheck> complete(ClinicalPicture picture, RuleId rule, Map<String, Object> proposal,
                                      Map<String, SafetyCheck> byRule, boolean aboutPatch) {
        Map<String, SafetyCheck> all = new LinkedHashMap<>();
        all.put(SafetyCheck.ORGAN_FUNCTION, byRule.getOrDefault(SafetyCheck.ORGAN_FUNCTION,
                organFunction(picture, rule, proposal)));
        all.put(SafetyCheck.TOXICITY, byRule.getOrDefault(SafetyCheck.TOXICITY, toxicity(picture, rule, proposal)));
        all.put(SafetyCheck.OPIOID_TOLERANCE, byRule.getOrDefault(SafetyCheck.OPIOID_TOLERANCE,
                tolerance(picture, aboutPatch)));
        interaction(picture, rule, proposal).ifPresent(found -> all.put(SafetyCheck.INTERACTION,
                byRule.getOrDefault(SafetyCheck.INTERACTION, found)));
        byRule.forEach(all::putIfAbsent);
        return new ArrayList<>(all.values());
    }

    static boolean goesUp(RecommendationType type, Map<String, Object> proposal) {
        return type == RecommendationType.ESCALATE_TO_STEP_2 || type == RecommendationType.ESCALATE_TO_STEP_3
                || (type == RecommendationType.TITRATE_DOSE && "UP".equals(proposal.get("direction")));
    }

    /** Rescue advice that adds a rescue opioid (RSC-01, RSC-03) or raises the rescue dose (RSC-02). */
    static boolean raisesRescue(ProposedRecommendation r) {
        return switch (r.ruleId()) {
            case RSC_01, RSC_03 -> true;
            case RSC_02 -> !(r.proposal().get("fromRescueDose") instanceof BigDecimal from
                    && r.proposal().get("rescueDose") instanceof BigDecimal to && to.compareTo(from) <= 0);
            default -> false;
        };
    }

    /** The drugs a proposal would add or raise: its drug (unless it goes down), its rescue and its PCA. */
    static List<String> drugsGiven(RecommendationType type, Map<String, Object> proposal) {
        boolean down = "DOWN".equals(proposal.get("direction"));
        Object pca = proposal.get("pcia") instanceof Map<?, ?> pcia ? pcia.get("drug") : null;
        return Stream.of(down ? null : proposal.get("drug"), proposal.get("rescueDrug"), pca)
                .filter(Objects::nonNull).map(Object::toString).distinct().toList();
    }

    private static SafetyCheck organFunction(ClinicalPicture picture, RuleId rule, Map<String, Object> proposal) {
        var bands = picture.snapshot().organFunctionBands();
        List<String> drugs = drugsGiven(rule.type(), proposal);
        String named = drugs.isEmpty() ? "no drug named" : String.join(", ", drugs.stream()
                .map(d -> d.toLowerCase(Locale.ROOT)).toList());
        if (bands.isEmpty()) {
            PatientFactors factors = picture.snapshot().factors();
            boolean unknown = factors.renalFunction() == null && factors.hepaticImpairment() == null
                    && factors.frail() == null;
            return unknown
                    ? new SafetyCheck(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.NOT_KNOWN, "no renal function, hepatic "
                            + "impairment or frailty recorded: " + named + " chosen for normal organ function")
                    : new SafetyCheck(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.PASSED, "no organ-function band; "
                            + named + " checked against the ORG table");
        }
        String bandText = OrganFunction.bandsText(bands).orElse("");
        for (String drug : drugs) {
            OrganFunction.Judgement judgement = OrganFunction.judge(drug, bands);
            if (judgement.avoid()) {
                return new SafetyCheck(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.WARNING, bandText + ": "
                        + judgement.reason() + "; choose the table's alternative");
            }
            if (judgement.caution()) {
                return new SafetyCheck(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.WARNING, bandText + ": "
                        + judgement.reason());
            }
        }
        return new SafetyCheck(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.PASSED, bandText + ": " + named
                + " is not on the table's avoid or caution list for these bands");
    }

    /**
     * What a drug the proposal adds would start with the regimen ({@link Interactions}): a WARNING naming each
     * interaction, with what to watch for; nothing when it adds none (most proposals), so the check is listed only
     * where it found something.
     */
    private static Optional<SafetyCheck> interaction(ClinicalPicture picture, RuleId rule,
                                                     Map<String, Object> proposal) {
        Set<String> taken = picture.regimen().drugsTaken();
        List<String> found = new ArrayList<>();
        for (String drug : drugsGiven(rule.type(), proposal)) {
            List<String> opioids = Stream.concat(taken.stream(), Stream.of(drug)).filter(Formulary::isOpioid)
                    .toList();
            Interactions.adding(drug, taken, opioids).forEach(finding -> found.add(finding.message()));
        }
        return found.isEmpty() ? Optional.empty()
                : Optional.of(new SafetyCheck(SafetyCheck.INTERACTION, SafetyCheck.WARNING, String.join("; ", found)));
    }

    private static SafetyCheck toxicity(ClinicalPicture picture, RuleId rule, Map<String, Object> proposal) {
        Optional<PainAssessment> latest = picture.latest();
        String limiting = latest.map(SafetyRules::doseLimitingEffects).orElse("");
        Optional<String> block = picture.upBlockReason();
        if (block.isPresent()) {
            return new SafetyCheck(SafetyCheck.TOXICITY, goesUp(rule.type(), proposal) ? SafetyCheck.WARNING
                    : SafetyCheck.BLOCKED, block.get() + ": escalation and up-titration withheld");
        }
        if (!limiting.isEmpty()) {
            return new SafetyCheck(SafetyCheck.TOXICITY, SafetyCheck.PASSED, "adverse effects on the latest "
                    + "assessment (" + limiting + ") do not call for a dose cut here");
        }
        return new SafetyCheck(SafetyCheck.TOXICITY, SafetyCheck.PASSED, "no dose-limiting adverse effect on the "
                + "latest assessment");
    }

    private static SafetyCheck tolerance(ClinicalPicture picture, boolean aboutPatch) {
        RegimenFacts regimen = picture.regimen();
        if (aboutPatch && regimen.patchWithoutTolerance()) {
            return new SafetyCheck(SafetyCheck.OPIOID_TOLERANCE, SafetyCheck.WARNING, patchWarning(picture));
        }
        if (hasPatch(regimen)) {
            return new SafetyCheck(SafetyCheck.OPIOID_TOLERANCE, SafetyCheck.PASSED, regimen.patchWithoutTolerance()
                    ? "the fentanyl patch is not changed by this recommendation"
                    : "fentanyl patch in an opioid-tolerant patient");
        }
        return new SafetyCheck(SafetyCheck.OPIOID_TOLERANCE, SafetyCheck.PASSED, "no fentanyl patch or "
                + "transmucosal fentanyl for a patient who is not opioid-tolerant");
    }

    static boolean hasPatch(RegimenFacts regimen) {
        return regimen.scheduled().stream().anyMatch(ScheduledDrug::isFentanylPatch);
    }

    /** The recommendation is about the patch: it names fentanyl, or changes the opioid regimen the patch is on. */
    static boolean concernsPatch(RegimenFacts regimen, Map<String, Object> proposal, RuleId rule) {
        if (!hasPatch(regimen)) {
            return false;
        }
        boolean namesFentanyl = Stream.of("drug", "fromDrug", "stopDrug")
                .anyMatch(key -> "FENTANYL".equals(proposal.get(key)));
        return namesFentanyl || rule.type().isLadderMove()
                || rule.type() == RecommendationType.ADJUST_RESCUE_DOSE;
    }
}

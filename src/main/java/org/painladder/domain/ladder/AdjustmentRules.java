package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.painladder.domain.pain.AdverseEffect;
import org.painladder.domain.pain.AdverseEffectType;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.pain.PainControl;
import org.painladder.domain.pain.Severity;
import org.painladder.domain.regimen.DoseSteps;

/**
 * The ladder moves that change the opioid rather than climb: rotation (ROT-01..03, before any titration: a drug that
 * causes neurotoxicity is not pushed higher), step-down (STD-01) and maintain (MNT-01, once per regimen version).
 */
final class AdjustmentRules {

    private static final Duration ROTATION_LOOKBACK = Duration.ofHours(72);
    private static final Duration NAUSEA_PERSISTING = Duration.ofHours(48);
    private static final Duration TITRATION_LOOKBACK = Duration.ofDays(7);
    private static final Duration STEP_DOWN_INTERVAL = Duration.ofDays(3);
    private static final int MAX_STABLE_BREAKTHROUGH = 2;
    /** Constipation is prevented and treated with laxatives; it never justifies a switch or a stop to titration. */
    private static final Set<AdverseEffectType> NOT_DOSE_LIMITING = EnumSet.of(AdverseEffectType.CONSTIPATION);

    private AdjustmentRules() {
    }

    /**
     * TOL-01 (§1.10, §8.5): a fentanyl patch started in a patient who was not opioid-tolerant is never titrated up;
     * remove it and titrate an immediate-release opioid from the opioid-naive starting dose.
     */
    static Optional<ProposedRecommendation> patchWithoutTolerance(ClinicalPicture picture) {
        RegimenFacts regimen = picture.regimen();
        Optional<ScheduledDrug> patch = regimen.scheduled().stream().filter(ScheduledDrug::isFentanylPatch)
                .findFirst();
        if (patch.isEmpty() || !regimen.patchWithoutTolerance()) {
            return Optional.empty();
        }
        Analgesia.Start start = Analgesia.strongOpioidStart(picture.snapshot().organFunctionBands());
        // §8.2: under the skin for a patient who cannot swallow, every 6 h where the drug is a caution.
        Analgesia.Given given = Analgesia.Given.of(start, picture);
        ScheduledDrug fentanyl = patch.get();
        Advice advice = Advice.of(RuleId.TOL_01, picture)
                .because("Fentanyl patch " + Advice.dose(fentanyl.dailyDose(), fentanyl.unit()) + " in a patient who "
                        + "was not opioid-tolerant when it was started: a patch cannot be titrated safely from "
                        + "opioid-naive, and the depot keeps releasing fentanyl for 12–24 h after removal. Remove the "
                        + "patch, watch for sedation and slow breathing, and about 12 h later titrate "
                        + given.words() + " with the same dose as rescue "
                        + given.rescueFrequency().replace("as needed, ", "")
                        + (start.why().isEmpty() ? "" : " (" + start.why() + ")") + ". Do not raise the patch.")
                .threshold("opioidTolerantOmeddMg", 60)
                .threshold("opioidTolerantDays", 7)
                .fact("regimenWarning", "FENTANYL_PATCH_NOT_OPIOID_TOLERANT")
                .propose("critical", true)
                .propose("removePatch", true)
                .propose("stopDrug", "FENTANYL")
                .propose("fromDrug", "FENTANYL")
                .propose("fromRoute", fentanyl.route())
                .propose("fromDailyDose", DoseSteps.plain(fentanyl.dailyDose()))
                .propose("fromUnit", fentanyl.unit())
                .propose("drug", given.drug())
                .propose("route", given.route())
                .propose("formulation", given.subcutaneous() ? null : "immediate-release")
                .propose("dose", given.singleDose())
                .propose("doseUnit", "mg")
                .propose("frequency", given.interval() + ", by the clock, starting about 12 h after removal")
                .propose("toDailyDose", given.dailyDose())
                .propose("unit", "mg")
                .propose("rescueDrug", given.drug())
                .propose("rescueRoute", given.route())
                .propose("rescueDose", given.singleDose())
                .propose("rescueUnit", "mg")
                .propose("rescueFrequency", given.rescueFrequency());
        if (given.longerInterval()) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, Advice.drugName(given.drug()) + " "
                    + given.interval() + " instead of every 4 h: " + OrganFunction.judge(given.drug(),
                    picture.snapshot().organFunctionBands()).reason());
        }
        return Optional.of(advice
                .check(SafetyCheck.OPIOID_TOLERANCE, SafetyCheck.CHANGED, SafetyReview.patchWarning(picture))
                .build());
    }

    /**
     * ORG-01 (§8.2): a scheduled strong opioid the organ function says to avoid (morphine with eGFR < 30 or
     * dialysis) is switched to the preferred one rather than titrated; the cut is the adverse-effect one, since
     * metabolites are already accumulating.
     */
    static Optional<ProposedRecommendation> organFunctionSwitch(ClinicalPicture picture) {
        Optional<ScheduledDrug> strong = PrimaryOpioid.strong(picture.regimen());
        var bands = picture.snapshot().organFunctionBands();
        if (strong.isEmpty() || !OrganFunction.judge(strong.get().code(), bands).avoid()) {
            return Optional.empty();
        }
        ScheduledDrug drug = strong.get();
        OrganFunction.Judgement verdict = OrganFunction.judge(drug.code(), bands);
        int cut = picture.policy().rotationReductionPctAdverseEffects();
        String toRoute = Rotation.keptRoute(drug, picture.snapshot().factors());
        return Rotation.plan(drug, Rotation.nextOpioid(drug, picture.regimen().strongOpioidsTriedSinceStep3(), bands),
                toRoute, cut, picture.policy()).map(plan -> Rotation.addTo(Advice.of(RuleId.ORG_01, picture)
                .because(Advice.drugName(drug.code()) + " is to be avoided: " + verdict.reason() + ". Do not raise it. "
                        + Rotation.describe(drug, plan) + Rotation.routeNote(drug, plan) + " The cut is " + cut
                        + " % (metabolites already accumulating); a fentanyl or buprenorphine patch is the alternative "
                        + "once pain is stable.")
                .read(picture.latest().map(List::of).orElse(List.of()))
                .threshold("rotationReductionPctAdverseEffects", cut)
                .fact("organFunctionBands", OrganFunction.bandsText(bands).orElse(""))
                .check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, Advice.drugName(drug.code()) + " replaced by "
                        + Advice.drugName(plan.toDrug()) + ": " + verdict.reason()), drug, plan)
                .propose("frequency", Rotation.infusion(plan.toRoute()))
                .build());
    }

    static Optional<ProposedRecommendation> rotation(ClinicalPicture picture) {
        Optional<ScheduledDrug> strong = PrimaryOpioid.strong(picture.regimen());
        Optional<ProposedRecommendation> rot01 = strong.flatMap(drug -> intolerance(picture, drug));
        if (rot01.isPresent()) {
            return rot01;
        }
        Optional<ProposedRecommendation> rot02 = strong.flatMap(drug -> titrationBlocked(picture, drug));
        return rot02.isPresent() ? rot02 : routeChange(picture);
    }

    /** ROT-01: the same intolerable effect on the latest two assessments, both within 72 h. */
    private static Optional<ProposedRecommendation> intolerance(ClinicalPicture picture, ScheduledDrug drug) {
        List<PainAssessment> window = picture.window();
        if (window.size() < 2) {
            return Optional.empty();
        }
        PainAssessment previous = window.get(window.size() - 2);
        PainAssessment latest = window.get(window.size() - 1);
        if (previous.recordedAt().isBefore(picture.now().minus(ROTATION_LOOKBACK))) {
            return Optional.empty();
        }
        PainControl control = picture.painControl();
        Optional<AdverseEffect> effect = latest.adverseEffects().stream()
                .filter(e -> intolerable(e, control, picture))
                .filter(e -> previous.adverseEffects().stream().anyMatch(p -> p.type() == e.type()
                        && intolerable(p, control, picture)))
                .findFirst();
        if (effect.isEmpty()) {
            return Optional.empty();
        }
        int cut = picture.policy().rotationReductionPctAdverseEffects();
        AdverseEffect culprit = effect.get();
        return Rotation.plan(drug, Rotation.nextOpioid(drug, picture.regimen().strongOpioidsTriedSinceStep3(),
                picture.snapshot().organFunctionBands()),
                Rotation.keptRoute(drug, picture.snapshot().factors()), cut, picture.policy())
                .map(plan -> Rotation.addTo(Advice.of(RuleId.ROT_01, picture)
                .because("Dose-limiting " + name(culprit) + " on the last two assessments: switching opioid helps "
                        + "in about 50–80 %. " + Rotation.describe(drug, plan) + Rotation.routeNote(drug, plan)
                        + " The cut is " + cut + " % because the switch is for adverse effects.")
                .read(List.of(previous, latest))
                .threshold("rotationReductionPctAdverseEffects", cut)
                .fact("adverseEffect", culprit.type().name() + " " + culprit.severity().name())
                .fact("painControl", control.name()), drug, plan)
                .propose("frequency", Rotation.infusion(plan.toRoute()))
                .build());
    }

    private static boolean intolerable(AdverseEffect effect, PainControl control, ClinicalPicture picture) {
        return switch (effect.type()) {
            case DELIRIUM, MYOCLONUS -> effect.severity().atLeast(Severity.MODERATE);
            case SEDATION -> effect.severity() == Severity.MODERATE && control == PainControl.UNCONTROLLED;
            case PRURITUS -> effect.severity() == Severity.SEVERE;
            case URINARY_RETENTION -> true;
            case NAUSEA -> effect.severity() == Severity.SEVERE && severeNauseaSince(picture)
                    .map(since -> !since.isAfter(picture.now().minus(NAUSEA_PERSISTING))).orElse(false);
            default -> false;
        };
    }

    /** Start of the unbroken run of assessments, ending with the latest, that report severe nausea. */
    private static Optional<Instant> severeNauseaSince(ClinicalPicture picture) {
        Instant since = null;
        List<PainAssessment> window = picture.window();
        for (int i = window.size() - 1; i >= 0; i--) {
            if (!ClinicalPicture.has(window.get(i), AdverseEffectType.NAUSEA, Severity.SEVERE)) {
                break;
            }
            since = window.get(i).recordedAt();
        }
        return Optional.ofNullable(since);
    }

    /** ROT-02: pain uncontrolled after ≥ 2 dose increases within 7 days, each followed by a moderate adverse effect. */
    private static Optional<ProposedRecommendation> titrationBlocked(ClinicalPicture picture, ScheduledDrug drug) {
        if (picture.painControl() != PainControl.UNCONTROLLED) {
            return Optional.empty();
        }
        Instant from = picture.now().minus(TITRATION_LOOKBACK);
        List<Instant> increases = picture.regimen().opioidDoseIncreasesAt().stream()
                .filter(at -> !at.isBefore(from) && !at.isAfter(picture.now())).toList();
        int followedByHarm = 0;
        for (int i = 0; i < increases.size(); i++) {
            Instant start = increases.get(i);
            Instant end = i + 1 < increases.size() ? increases.get(i + 1) : picture.now();
            boolean harm = picture.window().stream()
                    .filter(a -> a.recordedAt().isAfter(start) && !a.recordedAt().isAfter(end))
                    .anyMatch(a -> a.adverseEffects().stream().anyMatch(e -> e.severity().atLeast(Severity.MODERATE)
                            && !NOT_DOSE_LIMITING.contains(e.type())));
            if (harm) {
                followedByHarm++;
            }
        }
        if (followedByHarm < 2) {
            return Optional.empty();
        }
        int cut = picture.policy().rotationReductionPct();
        int harmed = followedByHarm;
        return Rotation.plan(drug, Rotation.nextOpioid(drug, picture.regimen().strongOpioidsTriedSinceStep3(),
                picture.snapshot().organFunctionBands()),
                Rotation.keptRoute(drug, picture.snapshot().factors()), cut, picture.policy())
                .map(plan -> Rotation.addTo(Advice.of(RuleId.ROT_02, picture)
                .because("Pain still uncontrolled after " + harmed + " dose increases in 7 days, each "
                        + "followed by a moderate or worse adverse effect: titration is blocked by toxicity. "
                        + Rotation.describe(drug, plan) + Rotation.routeNote(drug, plan))
                .read(picture.latest().map(List::of).orElse(List.of()))
                .threshold("rotationReductionPct", cut)
                .fact("doseIncreasesIn7Days", increases.size())
                .fact("increasesFollowedByAdverseEffects", harmed), drug, plan)
                .propose("frequency", Rotation.infusion(plan.toRoute()))
                .build());
    }

    /**
     * ROT-03: an opioid by mouth while the patient cannot take it: flagged unable to swallow (§8.2), or severe nausea
     * (CTCAE grade 3, oral intake inadequate) on the latest assessment. A weak opioid goes too: codeine and tramadol
     * have no parenteral form here. Same opioid subcutaneously (no cross-tolerance cut for the same drug), else the
     * strong opioid the organ function allows, less 25 %.
     */
    static Optional<ProposedRecommendation> routeChange(ClinicalPicture picture) {
        Optional<ScheduledDrug> oral = PrimaryOpioid.of(picture.regimen())
                .filter(drug -> Equianalgesia.ORAL.equals(drug.route()));
        Optional<PainAssessment> latest = picture.latest();
        boolean cannotSwallow = picture.snapshot().factors().isUnableToSwallow();
        boolean nausea = latest.filter(a -> ClinicalPicture.has(a, AdverseEffectType.NAUSEA, Severity.SEVERE))
                .isPresent();
        if (oral.isEmpty() || !(cannotSwallow || nausea)) {
            return Optional.empty();
        }
        ScheduledDrug drug = oral.get();
        String pain = latest.map(a -> " with pain " + a.score() + "/10").orElse("");
        String why = cannotSwallow ? "The patient cannot swallow" + pain + ": oral doses cannot be given."
                : "Severe nausea (CTCAE grade 3)" + pain + ": oral doses cannot be relied on.";
        return Rotation.underTheSkin(drug, picture.snapshot().organFunctionBands(), picture.policy())
                .map(plan -> Rotation.addTo(Advice.of(RuleId.ROT_03, picture)
                        .because(why + " Give " + Advice.drugName(plan.toDrug()) + " "
                                + Advice.daily(plan.toDailyDose(), "mg") + " by continuous subcutaneous infusion over "
                                + "24 h (oral " + Advice.drugName(drug.code()) + " "
                                + Advice.daily(drug.dailyDose(), drug.unit()) + ", equianalgesic "
                                + Advice.daily(plan.equianalgesicDailyDose(), "mg") + " subcutaneously"
                                + (plan.reductionPct() == 0 ? ", no cut for the same opioid by another route"
                                        : ", less " + plan.reductionPct() + " % for a new opioid")
                                + "), rescue " + plan.rescue().describe()
                                + (nausea ? ", and treat the nausea (" + Antiemetic.of(picture.snapshot().organFunctionBands(), true).drugs() + ")" : "")
                                + ". A transdermal route is an alternative once the patient is stable and "
                                + "opioid-tolerant.")
                        .read(latest.map(List::of).orElse(List.of()))
                        .threshold(cannotSwallow ? "unableToSwallow" : "nausea", cannotSwallow ? Boolean.TRUE
                                : "SEVERE (CTCAE grade 3: inadequate oral intake)")
                        .threshold("rotationReductionPct", plan.reductionPct()), drug, plan)
                        .propose("frequency", Rotation.infusion(plan.toRoute()))
                        .build());
    }

    /**
     * STD-01: controlled for stepDownStableDays (every background score mild or none, at most 2 breakthrough
     * episodes a day) with a persistent adverse effect; at most one reduction every 3 days. The api records no
     * completed cause-directed treatment, so only the adverse-effect arm can fire.
     */
    static Optional<ProposedRecommendation> stepDown(ClinicalPicture picture, int step) {
        LadderPolicy policy = picture.policy();
        Optional<ScheduledDrug> opioid = step == 3 ? PrimaryOpioid.strong(picture.regimen())
                : step == 2 ? PrimaryOpioid.weak(picture.regimen()) : Optional.empty();
        if (opioid.isEmpty()) {
            return Optional.empty();
        }
        Duration stable = Duration.ofDays(policy.stepDownStableDays());
        Instant from = picture.now().minus(stable);
        List<PainAssessment> period = picture.backgroundSince(from);
        boolean covered = period.size() >= 2
                && !period.get(0).recordedAt().isAfter(from.plus(Duration.ofDays(1)));
        boolean allMild = period.stream().allMatch(a -> picture.band(a).compareTo(PainBand.MILD) <= 0);
        boolean fewFlares = picture.window().stream().filter(a -> !a.recordedAt().isBefore(from))
                .allMatch(a -> a.breakthroughEpisodesOrZero() <= MAX_STABLE_BREAKTHROUGH);
        Optional<AdverseEffectType> persistent = persistentAdverseEffect(picture);
        Optional<Instant> lastChange = Optional.ofNullable(picture.regimen().lastScheduledOpioidChangeAt());
        boolean spaced = lastChange.map(at -> !at.isAfter(picture.now().minus(STEP_DOWN_INTERVAL))).orElse(true);
        if (!covered || !allMild || !fewFlares || persistent.isEmpty() || !spaced) {
            return Optional.empty();
        }
        ScheduledDrug drug = opioid.get();
        boolean painFree = period.stream().allMatch(a -> a.score() == 0);
        boolean stopWeak = step == 2 && painFree;
        BigDecimal to = stopWeak ? BigDecimal.ZERO : Titration.down(drug, policy.stepDownReductionPct());
        String action = stopWeak
                ? "stop " + Advice.drugName(drug.code()) + " and keep the non-opioid (step 1)"
                : "reduce " + Advice.drugName(drug.code()) + " by " + Titration.cutText(drug.dailyDose(), to,
                        policy.stepDownReductionPct()) + " from "
                        + Advice.daily(drug.dailyDose(), drug.unit()) + " to " + Advice.daily(to, drug.unit())
                        + ", no more often than every 3 days, never stopping abruptly after long use";
        return Optional.of(Advice.of(RuleId.STD_01, picture)
                .because("Pain controlled for " + policy.stepDownStableDays() + " days (background scores "
                        + LadderMoveRules.scores(period) + "/10, at most " + MAX_STABLE_BREAKTHROUGH
                        + " breakthrough episodes a day) with persistent "
                        + persistent.get().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + ": aim for the lowest effective dose; " + action + ".")
                .read(period)
                .threshold("stepDownStableDays", policy.stepDownStableDays())
                .threshold("stepDownReductionPct", policy.stepDownReductionPct())
                .threshold("bandMildMax", policy.bandEdges().mildMax())
                .fact("persistentAdverseEffect", persistent.get().name())
                .propose("toStep", stopWeak ? 1 : step)
                .doseChange("DOWN", drug, to)
                .propose("reductionPct", stopWeak ? 100 : policy.stepDownReductionPct())
                .propose("keepNonOpioid", stopWeak ? Boolean.TRUE : null)
                .build());
    }

    /**
     * An adverse effect (mild or worse) reported on each of the latest two assessments; constipation never counts
     * (§8.7: it is treated with laxatives, not by lowering the opioid).
     */
    private static Optional<AdverseEffectType> persistentAdverseEffect(ClinicalPicture picture) {
        List<PainAssessment> window = picture.window();
        if (window.size() < 2) {
            return Optional.empty();
        }
        PainAssessment previous = window.get(window.size() - 2);
        PainAssessment latest = window.get(window.size() - 1);
        return latest.adverseEffects().stream().map(AdverseEffect::type)
                .filter(t -> !NOT_DOSE_LIMITING.contains(t))
                .filter(t -> previous.adverseEffects().stream().anyMatch(p -> p.type() == t))
                .sorted().findFirst();
    }

    /**
     * MNT-01: controlled on the latest two background scores, no moderate or worse adverse effect on them. Emitted when
     * the new assessment first completes such a pair under the current regimen version, so once per version.
     */
    static Optional<ProposedRecommendation> maintain(ClinicalPicture picture) {
        RegimenFacts regimen = picture.regimen();
        Optional<PainAssessment> fresh = picture.newAssessment();
        if (!regimen.hasRegimen() || fresh.isEmpty() || picture.painControl() != PainControl.CONTROLLED) {
            return Optional.empty();
        }
        Instant since = regimen.effectiveAt() == null ? Instant.MIN : regimen.effectiveAt();
        List<PainAssessment> underRegimen = picture.backgroundSince(since);
        Optional<Integer> firstPair = firstControlledPair(picture, underRegimen);
        if (firstPair.isEmpty() || !underRegimen.get(firstPair.get()).equals(fresh.get())) {
            return Optional.empty();
        }
        int last = underRegimen.size() - 1;
        if (firstPair.get() != last) {
            return Optional.empty();
        }
        List<PainAssessment> pair = underRegimen.subList(last - 1, last + 1);
        return Optional.of(Advice.of(RuleId.MNT_01, picture)
                .because("Pain controlled on the last two background scores (" + LadderMoveRules.scores(pair)
                        + "/10; breakthrough episodes in 24 h: " + picture.btp24h() + ") without troublesome adverse "
                        + "effects: continue the current regimen and reassess at the next visit.")
                .read(pair)
                .threshold("bandMildMax", picture.policy().bandEdges().mildMax())
                .fact("painControl", PainControl.CONTROLLED.name())
                .propose("regimenVersion", regimen.regimenVersion())
                .propose("action", "continue the current regimen")
                .build());
    }

    private static Optional<Integer> firstControlledPair(ClinicalPicture picture, List<PainAssessment> background) {
        for (int i = 1; i < background.size(); i++) {
            if (controlled(picture, background.get(i - 1)) && controlled(picture, background.get(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static boolean controlled(ClinicalPicture picture, PainAssessment a) {
        return picture.band(a).compareTo(PainBand.MILD) <= 0
                && a.adverseEffects().stream().noneMatch(e -> e.severity().atLeast(Severity.MODERATE));
    }

    private static String name(AdverseEffect effect) {
        return effect.severity().name().toLowerCase(java.util.Locale.ROOT) + " "
                + effect.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}

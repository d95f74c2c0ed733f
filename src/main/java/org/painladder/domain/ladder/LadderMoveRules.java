package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.regimen.OpioidConversion;

/**
 * LADDER moves, precedence 4 (LAD-01..08), in this order: escalation and skip (LAD-04 before LAD-02/03, then LAD-05),
 * titration (LAD-06, LAD-07, LAD-08), start of step 1 (LAD-01). Rotation, step-down and maintain live in
 * {@link AdjustmentRules}. The caller has already applied SAFETY and CAUSE.
 */
final class LadderMoveRules {

    private static final int LAD_08_MIN_PCT = 25;

    private LadderMoveRules() {
    }

    /**
     * @param upAllowed false while SAFETY blocks escalation and up-titration
     */
    static Optional<ProposedRecommendation> evaluate(ClinicalPicture picture, int step, boolean upAllowed) {
        Optional<PainAssessment> latest = picture.latestRecentBackground();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        PainBand band = picture.band(latest.get());
        boolean painNow = band.atLeast(PainBand.MODERATE);
        if (upAllowed) {
            Optional<ProposedRecommendation> up = painNow ? escalateOrTitrate(picture, step, latest.get(), band)
                    : Optional.empty();
            if (up.isEmpty() && step == 3 && band != PainBand.SEVERE) {
                up = frequentBreakthrough(picture, latest.get(), band);
            }
            if (up.isPresent()) {
                return up;
            }
        }
        if (step == 0 && (band == PainBand.MILD
                || (band == PainBand.MODERATE && picture.persistentBand(PainBand.MODERATE).isEmpty()))) {
            return Optional.of(startStep1(picture, latest.get(), band));
        }
        return Optional.empty();
    }

    private static Optional<ProposedRecommendation> escalateOrTitrate(ClinicalPicture picture, int step,
                                                                      PainAssessment latest, PainBand band) {
        List<PainAssessment> severe = picture.severeInWindow();
        List<PainAssessment> persistent = picture.persistentBand(PainBand.MODERATE);
        if (step <= 1) {
            if (!severe.isEmpty()) {
                return Optional.of(skipStep2(picture, step, severe, latest));
            }
            if (!persistent.isEmpty()) {
                return Optional.of(picture.policy().moderatePainStrategy() == ModeratePainStrategy.WEAK_OPIOID
                        ? weakOpioid(picture, step, persistent) : lowDoseStrongOpioid(picture, step, persistent));
            }
            return Optional.empty();
        }
        if (step == 2) {
            return (!severe.isEmpty() || !persistent.isEmpty())
                    ? weakToStrong(picture, severe.isEmpty() ? persistent : severe, latest) : Optional.empty();
        }
        return titrate(picture, latest, band, persistent);
    }

    private static ProposedRecommendation startStep1(ClinicalPicture picture, PainAssessment latest, PainBand band) {
        boolean bone = picture.snapshot().boneMetastases();
        String why = band == PainBand.MILD ? "Mild background pain (" + latest.score() + "/10) without analgesia"
                : "Moderate background pain (" + latest.score() + "/10) without analgesia, not yet persistent";
        return Advice.of(RuleId.LAD_01, picture)
                .because(why + ": start step 1 by the clock: paracetamol 1 g four times a day (4 g/day; 3 g/day if "
                        + "frail, under 50 kg or with liver disease)" + (bone ? ", with an NSAID for bone pain "
                        + "if there "
                        + "is no contraindication" : " and/or an NSAID if there is no contraindication")
                        + ". Reassess the pain within 24–48 h; if it persists, the next step follows.")
                .read(latest)
                .threshold("bandMildMax", picture.policy().bandEdges().mildMax())
                .fact("band", band.name())
                .propose("toStep", 1)
                .prescription("PARACETAMOL", 1000, "every 6 h, by the clock", 4000)
                .propose("alternative", bone ? "add an NSAID (ibuprofen 400 mg three times a day) for bone pain if safe"
                        : "an NSAID (ibuprofen 400 mg three times a day) if safe")
                .build();
    }

    /** LAD-04: severe pain on step 0–1 skips step 2 (WHO 2018 chooses by severity). */
    private static ProposedRecommendation skipStep2(ClinicalPicture picture, int step, List<PainAssessment> severe,
                                                   PainAssessment latest) {
        return Advice.of(RuleId.LAD_04, picture)
                .because("Severe background pain (" + scores(severe) + "/10 in the last "
                        + picture.policy().escalationWindowHours() + " h) on step " + step + ": skip step 2 and start "
                        + "a strong opioid. Opioid-naive: oral morphine immediate-release 5 mg every 4 h (2.5 mg if "
                        + "frail or elderly) with a rescue of the same dose up to hourly, reassessed 60 min after each "
                        + "dose (IV 2–5 mg reassessed at 15 min if rapid control is needed). Convert the 24-h total to "
                        + "modified-release after 24–48 h. Prescribe a laxative"
                        + (step == 1 ? " and keep the non-opioid." : "."))
                .read(severe).read(latest)
                .threshold("bandModerateMax", picture.policy().bandEdges().moderateMax())
                .threshold("escalationWindowHours", picture.policy().escalationWindowHours())
                .propose("toStep", 3)
                .prescription("MORPHINE", 5, "every 4 h, by the clock", 30)
                .propose("formulation", "immediate-release")
                .propose("rescueDrug", "MORPHINE")
                .propose("rescueRoute", "ORAL")
                .propose("rescueDose", BigDecimal.valueOf(5))
                .propose("rescueUnit", "mg")
                .propose("rescueFrequency", "as needed, up to hourly")
                .propose("reassessAfterMinutes", 60)
                .propose("laxative", true)
                .propose("keepNonOpioid", step == 1)
                .build();
    }

    /** LAD-02: persistent moderate pain on step 0–1, weak-opioid strategy. */
    private static ProposedRecommendation weakOpioid(ClinicalPicture picture, int step,
            List<PainAssessment> persistent) {
        return persistence(Advice.of(RuleId.LAD_02, picture), picture, persistent)
                .because("Moderate background pain persisting (" + scores(persistent) + "/10 at least "
                        + picture.policy().minSpacingHours() + " h apart within "
                        + picture.policy().escalationWindowHours()
                        + " h) on step " + step + ": add a scheduled weak opioid: codeine 30 mg every 4 h (180 mg/day; "
                        + "raise to 60 mg, ceiling 360 mg/day) or tramadol 50 mg every 6 h (ceiling 400 mg/day). "
                        + (step == 0 ? "Add regular paracetamol too. " : "Keep the non-opioid. ")
                        + "Rescue: the same weak opioid as needed within its ceiling. Prescribe a laxative.")
                .propose("toStep", 2)
                .prescription("CODEINE", 30, "every 4 h, by the clock", 180)
                .propose("ceilingDailyDose", BigDecimal.valueOf(360))
                .propose("alternative", "TRAMADOL 50 mg every 6 h, ceiling 400 mg/day")
                .propose("keepNonOpioid", step == 1)
                .propose("laxative", true)
                .build();
    }

    /** LAD-03: persistent moderate pain on step 0–1, low-dose strong-opioid strategy (ESMO 2018; Bandieri 2016). */
    private static ProposedRecommendation lowDoseStrongOpioid(ClinicalPicture picture, int step,
                                                              List<PainAssessment> persistent) {
        LadderPolicy.LowDoseStrongOpioidLimits limits = picture.policy().lowDoseStrongOpioidMaxMg();
        BigDecimal daily = DoseSteps.plain(limits.morphineMg());
        ScheduledDrug morphine = new ScheduledDrug("MORPHINE", ScheduledDrug.STRONG_OPIOID, "ORAL", daily, "mg", daily,
                false);
        RescuePlan rescue = RescuePlan.forDailyOmedd(daily, morphine, RegimenFacts.none(), picture.policy());
        return persistence(Advice.of(RuleId.LAD_03, picture), picture, persistent)
                .because("Moderate background pain persisting (" + scores(persistent) + "/10) on step " + step
                        + ": the policy replaces step 2 by a low-dose strong opioid, which relieves moderate pain "
                        + "faster and better than a weak opioid (Bandieri 2016: 88 % vs 58 % responders). Start oral "
                        + "morphine modified-release " + Advice.daily(daily, "mg") + " (or oxycodone up to "
                        + Advice.daily(limits.oxycodoneMg(), "mg") + "), rescue " + rescue.describe()
                        + ", and a laxative" + (step == 1 ? "; keep the non-opioid." : "."))
                .threshold("moderatePainStrategy", ModeratePainStrategy.LOW_DOSE_STRONG_OPIOID.name())
                .threshold("lowDoseStrongOpioidMaxMg.morphine", limits.morphineMg())
                .propose("toStep", 3)
                .propose("drug", "MORPHINE")
                .propose("route", "ORAL")
                .propose("formulation", "modified-release")
                .propose("frequency", "every 12 h, by the clock")
                .propose("toDailyDose", daily)
                .propose("unit", "mg")
                .propose("alternative", "OXYCODONE up to " + limits.oxycodoneMg().toPlainString() + " mg/day")
                .rescue(rescue)
                .propose("laxative", true)
                .propose("keepNonOpioid", step == 1)
                .build();
    }

    /** LAD-05: a weak opioid that has had its chance (ceiling or a whole window) goes up, never across. */
    private static Optional<ProposedRecommendation> weakToStrong(ClinicalPicture picture, List<PainAssessment> read,
                                                                PainAssessment latest) {
        Optional<ScheduledDrug> weak = PrimaryOpioid.weak(picture.regimen());
        if (weak.isEmpty()) {
            return Optional.empty();
        }
        ScheduledDrug drug = weak.get();
        LadderPolicy policy = picture.policy();
        Optional<Long> hoursOnIt = Titration.hoursSinceLastChange(picture.regimen(), picture.now());
        boolean hadItsWindow = hoursOnIt.map(h -> h >= policy.escalationWindowHours()).orElse(true);
        if (!drug.atCeiling() && !hadItsWindow) {
            return Optional.empty();
        }
        Optional<OpioidConversion> conversion = Equianalgesia.convert(drug, "MORPHINE", Equianalgesia.ORAL,
                policy.rotationReductionPct(), policy.mmeFactorProfile());
        BigDecimal weakOmedd = conversion.map(OpioidConversion::fromOmeddMg)
                .orElse(drug.omeddMg() == null ? BigDecimal.ZERO : drug.omeddMg());
        BigDecimal equianalgesic = conversion.map(OpioidConversion::equianalgesicDailyDose).orElse(weakOmedd);
        BigDecimal morphineDaily = DoseSteps.nearest(equianalgesic, DoseSteps.dailyStep("MORPHINE", "ORAL"));
        ScheduledDrug morphine = new ScheduledDrug("MORPHINE", ScheduledDrug.STRONG_OPIOID, "ORAL", morphineDaily, "mg",
                morphineDaily, false);
        RescuePlan rescue = RescuePlan.forDailyOmedd(morphineDaily, morphine, RegimenFacts.none(), policy);
        String why = drug.atCeiling() ? "at its ceiling dose" : "given for " + hoursOnIt.orElse(0L) + " h";
        return Optional.of(Advice.of(RuleId.LAD_05, picture)
                .because("Pain not controlled (" + scores(read) + "/10) on " + Advice.drugName(drug.code()) + " "
                        + Advice.daily(drug.dailyDose(), drug.unit()) + ", " + why + ": go up to step 3, never across "
                        + "to another weak opioid. Stop " + Advice.drugName(drug.code()) + " and start oral morphine "
                        + "modified-release " + Advice.daily(morphineDaily, "mg") + " (equianalgesic to "
                        + weakOmedd.stripTrailingZeros().toPlainString() + " mg/day OMEDD; no cross-tolerance cut "
                        + "is needed at these doses), rescue " + rescue.describe() + ", and a laxative.")
                .read(read).read(latest)
                .threshold("escalationWindowHours", policy.escalationWindowHours())
                .threshold("minScoresForPersistence", policy.minScoresForPersistence())
                .threshold("minSpacingHours", policy.minSpacingHours())
                .fact("weakAtCeiling", drug.atCeiling())
                .fact("hoursOnWeakOpioid", hoursOnIt.orElse(null))
                .propose("toStep", 3)
                .propose("stopDrug", drug.code())
                .propose("fromDailyDose", DoseSteps.plain(drug.dailyDose()))
                .propose("fromUnit", drug.unit())
                .propose("fromOmeddMg", DoseSteps.plain(weakOmedd))
                .propose("drug", "MORPHINE")
                .propose("route", "ORAL")
                .propose("formulation", "modified-release")
                .propose("frequency", "every 12 h, by the clock")
                .propose("equianalgesicDailyDose", DoseSteps.plain(equianalgesic))
                .propose("factorsUsed", conversion.map(OpioidConversion::factorsUsed).orElse(null))
                .propose("toDailyDose", morphineDaily)
                .propose("unit", "mg")
                .rescue(rescue)
                .propose("laxative", true)
                .build());
    }

    /** LAD-06/07/08: percentage titration by band, or the 24-h rescue total, capped, at the formulation's interval. */
    private static Optional<ProposedRecommendation> titrate(ClinicalPicture picture, PainAssessment latest,
                                                           PainBand band, List<PainAssessment> persistent) {
        Optional<ScheduledDrug> strong = PrimaryOpioid.strong(picture.regimen());
        if (strong.isEmpty()) {
            return Optional.empty();
        }
        ScheduledDrug drug = strong.get();
        LadderPolicy policy = picture.policy();
        RuleId rule;
        int pct;
        List<PainAssessment> read;
        if (band == PainBand.SEVERE) {
            rule = RuleId.LAD_06;
            pct = policy.titrationPctSevere();
            read = List.of(latest);
        } else if (!persistent.isEmpty()) {
            rule = RuleId.LAD_07;
            pct = policy.titrationPctModerate();
            read = persistent;
        } else {
            return Optional.empty();
        }
        return titration(picture, drug, rule, pct, read, band);
    }

    /**
     * LAD-08: more than btpEpisodesTitrateThreshold episodes a day on 2 of the last 3 days: add the 24-h rescue total,
     * at least +25 % (changes below 25 % are rarely noticed, Fast Fact #20).
     */
    private static Optional<ProposedRecommendation> frequentBreakthrough(ClinicalPicture picture, PainAssessment latest,
                                                                        PainBand band) {
        Optional<ScheduledDrug> strong = PrimaryOpioid.strong(picture.regimen());
        int threshold = picture.policy().btpEpisodesTitrateThreshold();
        if (strong.isEmpty() || picture.daysWithBreakthroughAbove(threshold) < 2) {
            return Optional.empty();
        }
        List<PainAssessment> read = picture.window().stream()
                .filter(a -> a.breakthroughEpisodes24h() != null && a.breakthroughEpisodes24h() > threshold)
                .filter(a -> a.recordedAt().isAfter(picture.now().minus(Duration.ofHours(72))))
                .toList();
        return titration(picture, strong.get(), RuleId.LAD_08, LAD_08_MIN_PCT, read.isEmpty() ? List.of(latest) : read,
                band);
    }

    static Optional<ProposedRecommendation> titration(ClinicalPicture picture, ScheduledDrug drug, RuleId rule, int pct,
                                                      List<PainAssessment> read, PainBand band) {
        LadderPolicy policy = picture.policy();
        RegimenFacts regimen = picture.regimen();
        if (!Titration.intervalElapsed(drug, regimen, policy, picture.now())) {
            return Optional.empty();
        }
        int btp = picture.btp24h();
        Optional<BigDecimal> rescueUsed = Titration.rescueUsed24h(drug, regimen, btp);
        Titration.Up up = Titration.up(drug, pct, rescueUsed.orElse(null), policy.maxDailyIncreasePct());
        BigDecimal newOmedd = newOmedd(regimen, drug, up.toDailyDose());
        boolean methadone = "METHADONE".equals(drug.code());
        RescuePlan rescue = RescuePlan.forDailyOmedd(newOmedd, drug, regimen, policy);
        String rescueAdvice = methadone
                ? "Keep the current rescue: methadone's MME factor is for display only and its rescue is set by the "
                        + "specialist. "
                : "Rescue " + rescue.describe() + " (15 % of the new total). ";
        String firedName = switch (rule) {
            case LAD_06 -> "titrationPctSevere";
            case LAD_07 -> "titrationPctModerate";
            default -> "btpEpisodesTitrateThreshold";
        };
        int firedValue = rule == RuleId.LAD_08 ? policy.btpEpisodesTitrateThreshold() : pct;
        String rescueTaken = rescueUsed.map(r -> Advice.dose(r, drug.unit()) + " of rescue taken in 24 h ("
                + btp + (btp == 1 ? " dose)" : " doses)")).orElse("");
        String basis = up.rescueDecided() ? "adding the " + rescueTaken + " is more than +" + pct + " %"
                : "+" + pct + " %" + (rescueTaken.isEmpty() ? "" : ", more than adding the " + rescueTaken);
        String capped = up.toDailyDose().compareTo(up.cap()) == 0 && up.byPercentage().max(
                up.byRescue() == null ? up.byPercentage() : up.byRescue()).compareTo(up.cap()) > 0
                ? ", capped at +" + policy.maxDailyIncreasePct() + " % a day" : "";
        String reassess = "TRANSDERMAL".equals(drug.route())
                ? "The new patch strength reaches steady state in about 72 h; cover with rescues meanwhile."
                : "Reassess 60 min after the next oral rescue (15 min if IV) and the pain band within 24 h.";
        String opening = switch (rule) {
            case LAD_06 -> "Severe background pain (" + scores(read) + "/10) on step 3";
            case LAD_07 -> "Moderate background pain persisting (" + scores(read) + "/10) on step 3";
            default -> "Frequent breakthrough pain (more than " + policy.btpEpisodesTitrateThreshold()
                    + " episodes a day on 2 of the last 3 days) on step 3: the background dose is too low";
        };
        Advice advice = Advice.of(rule, picture)
                .because(opening + ": raise " + Advice.drugName(drug.code()) + " from "
                        + Advice.daily(drug.dailyDose(), drug.unit()) + " to " + Advice.daily(up.toDailyDose(),
                        drug.unit())
                        + " (" + basis + capped + "). " + rescueAdvice
                        + reassess)
                .read(read)
                .threshold(firedName, firedValue)
                .threshold("maxDailyIncreasePct", policy.maxDailyIncreasePct())
                .threshold("minHoursBetweenTitrations", Titration.minHoursBetweenChanges(drug, policy))
                .threshold("rescueFractionTarget", policy.rescueFractionTarget())
                .fact("band", band.name())
                .fact("btp24h", btp)
                .fact("rescueUsed24h", rescueUsed.map(DoseSteps::plain).orElse(null))
                .fact("hoursSinceLastOpioidChange", Titration.hoursSinceLastChange(regimen, picture.now()).orElse(null))
                .fact("byPercentage", up.byPercentage())
                .fact("byRescue", up.byRescue())
                .fact("cap", up.cap())
                .doseChange("UP", drug, up.toDailyDose())
                .propose("newOmeddMg", DoseSteps.plain(newOmedd));
        return Optional.of((methadone ? advice : advice.rescue(rescue)).build());
    }

    static BigDecimal newOmedd(RegimenFacts regimen, ScheduledDrug drug, BigDecimal newDailyDose) {
        if (drug.omeddMg() == null || drug.dailyDose().signum() == 0) {
            return regimen.omeddMg();
        }
        BigDecimal scaled = drug.omeddMg().multiply(newDailyDose).divide(drug.dailyDose(), 4,
                java.math.RoundingMode.HALF_UP);
        return regimen.omeddMg().subtract(drug.omeddMg()).add(scaled);
    }

    private static Advice persistence(Advice advice, ClinicalPicture picture, List<PainAssessment> persistent) {
        LadderPolicy policy = picture.policy();
        return advice.read(persistent)
                .threshold("bandMildMax", policy.bandEdges().mildMax())
                .threshold("escalationWindowHours", policy.escalationWindowHours())
                .threshold("minScoresForPersistence", policy.minScoresForPersistence())
                .threshold("minSpacingHours", policy.minSpacingHours());
    }

    static String scores(List<PainAssessment> read) {
        return String.join(", ", read.stream().map(a -> Integer.toString(a.score())).toList());
    }
}

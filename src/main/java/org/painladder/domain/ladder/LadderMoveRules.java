package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.BreakthroughType;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.regimen.Interactions;
import org.painladder.domain.regimen.DoseSteps;
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
            if (up.isEmpty() && step == 3 && picture.latestBreakthroughType()
                    .filter(t -> t == BreakthroughType.END_OF_DOSE).isPresent()) {
                up = endOfDose(picture, band);
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

    /**
     * LAD-05 before ROT-03 for a patient who cannot swallow: a weak opioid (only ever by mouth) that has had its
     * chance goes up to a strong opioid under the skin at the equianalgesic dose, rather than across to SC morphine
     * less ROT-03's cross-tolerance cut while the pain is uncontrolled (WHO 1996: up, not across).
     */
    static Optional<ProposedRecommendation> weakOpioidOffTheMouth(ClinicalPicture picture, int step,
                                                                  boolean upAllowed) {
        Optional<PainAssessment> latest = picture.latestRecentBackground();
        if (!upAllowed || step != 2 || !picture.cannotSwallow() || latest.isEmpty()
                || !picture.band(latest.get()).atLeast(PainBand.MODERATE)) {
            return Optional.empty();
        }
        List<PainAssessment> severe = picture.severeInWindow();
        List<PainAssessment> persistent = picture.persistentBand(PainBand.MODERATE);
        return !severe.isEmpty() || !persistent.isEmpty()
                ? weakToStrong(picture, severe.isEmpty() ? persistent : severe, latest.get()) : Optional.empty();
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
                OrganFunction.Judgement codeine = OrganFunction.judge("CODEINE",
                        picture.snapshot().organFunctionBands());
                // Codeine and tramadol only come by mouth: a patient who cannot swallow gets the low-dose strong
                // opioid under the skin instead (ESMO 2018's alternative to step 2; WHO 2018: SC when oral is not
                // possible).
                if (picture.policy().moderatePainStrategy() == ModeratePainStrategy.WEAK_OPIOID && !codeine.avoid()
                        && !picture.cannotSwallow()) {
                    return Optional.of(weakOpioid(picture, step, persistent, codeine));
                }
                return Optional.of(lowDoseStrongOpioid(picture, step, persistent, codeine.avoid() ? Optional.of(
                        codeine) : Optional.empty()));
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
        var bands = picture.snapshot().organFunctionBands();
        Optional<String> nsaidBarred = picture.nsaidBarred();
        boolean nsaid = nsaidBarred.isEmpty();
        int max = Analgesia.paracetamolMaxMg(picture);
        int single = Analgesia.paracetamolSingleMg(max);
        String frequency = Analgesia.paracetamolFrequency(max) + ", by the clock";
        String why = band == PainBand.MILD ? "Mild background pain (" + latest.score() + "/10) without analgesia"
                : "Moderate background pain (" + latest.score() + "/10) without analgesia, not yet persistent";
        // §8.2 unableToSwallow: paracetamol intravenously (or rectally), an NSAID as a suppository.
        boolean cannotSwallow = picture.cannotSwallow();
        String nsaidName = cannotSwallow ? "an NSAID (" + NonOral.RECTAL_NSAID_TEXT + ")" : "an NSAID";
        String nsaidText = nsaid ? (bone ? ", with " + nsaidName + " for bone pain if there is no contraindication"
                : " and/or " + nsaidName + " if there is no contraindication")
                : "; no NSAID (" + nsaidBarred.orElseThrow() + ")";
        Advice advice = Advice.of(RuleId.LAD_01, picture)
                .because(why + ": start step 1 by the clock: paracetamol " + single + " mg "
                        + (cannotSwallow ? "IV " : "") + frequency + " ("
                        + Analgesia.paracetamolDailyMg(max) + " mg/day" + (max < 4000 ? ", within " + max
                        + " mg/day, lowered for liver disease, weight under 50 kg or frailty"
                        : "; 3 g/day if frail, under 50 kg or with liver disease")
                        + (cannotSwallow ? "; or the same dose rectally: the patient cannot swallow" : "") + ")"
                        + nsaidText
                        + ". Reassess the pain within 24–48 h; if it persists, the next step follows.")
                .read(latest)
                .threshold("bandMildMax", picture.policy().bandEdges().mildMax())
                .fact("band", band.name())
                .propose("toStep", 1)
                .prescription("PARACETAMOL", cannotSwallow ? "IV" : Equianalgesia.ORAL, single, frequency,
                        Analgesia.paracetamolDailyMg(max));
        if (cannotSwallow) {
            advice.propose("alternativeRoute", "RECTAL, the same dose");
        }
        if (nsaid) {
            String nsaidDrug = cannotSwallow ? "DICLOFENAC 50 mg rectally three times a day"
                    : "ibuprofen 400 mg three times a day";
            advice.propose("alternative", bone ? "add an NSAID (" + nsaidDrug + ") for bone pain if safe"
                    : "an NSAID (" + nsaidDrug + ") if safe");
        } else {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "NSAID left out: "
                    + nsaidBarred.orElseThrow());
        }
        if (max < 4000) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "paracetamol at most " + max + " mg/day "
                    + "(hepatic impairment, weight under 50 kg or elderly/frail)");
        }
        return advice.build();
    }

    /** LAD-04: severe pain on step 0–1 skips step 2 (WHO 2018 chooses by severity). */
    private static ProposedRecommendation skipStep2(ClinicalPicture picture, int step, List<PainAssessment> severe,
                                                   PainAssessment latest) {
        Analgesia.Start start = Analgesia.strongOpioidStart(picture.snapshot().organFunctionBands());
        Antiemetic antiemetic = Antiemetic.of(picture);
        // §8.2: under the skin for a patient who cannot swallow (ROT-03's first choice), at the longer interval where
        // the drug is a caution for the patient's organ function.
        Analgesia.Given given = Analgesia.Given.of(start, picture);
        String startText = given.words() + (start.why().isEmpty() ? given.subcutaneous() ? ""
                : " (2.5 mg if frail or elderly)" : " (" + start.why() + ")");
        Advice advice = Advice.of(RuleId.LAD_04, picture)
                .because("Severe background pain (" + scores(severe) + "/10 in the last "
                        + picture.policy().escalationWindowHours() + " h) on step " + step + ": skip step 2 and start "
                        + "a strong opioid. Opioid-naive: " + startText + " with a rescue of the same dose "
                        + given.rescueFrequency().replace("as needed, ", "") + ", reassessed "
                        + given.reassessAfterMinutes() + " min after each dose (" + Analgesia.intravenousStart(start,
                        picture.policy()) + " reassessed at 15 min if rapid control is needed and the kidneys allow). "
                        + (given.subcutaneous() ? "Once stable, a syringe driver or a patch takes over the 24-h total."
                        : "Convert the 24-h total to modified-release after 24–48 h.") + " Prescribe "
                        + NonOral.laxative(picture) + " and " + antiemetic.text()
                        + (step == 1 ? "; keep the non-opioid." : "."))
                .read(severe).read(latest)
                .threshold("bandModerateMax", picture.policy().bandEdges().moderateMax())
                .threshold("escalationWindowHours", picture.policy().escalationWindowHours())
                .propose("toStep", 3)
                .propose("drug", given.drug())
                .propose("route", given.route())
                .propose("dose", given.singleDose())
                .propose("doseUnit", "mg")
                .propose("frequency", given.interval() + ", by the clock")
                .propose("toDailyDose", given.dailyDose())
                .propose("unit", "mg")
                .propose("formulation", given.subcutaneous() ? null : "immediate-release")
                .propose("rescueDrug", given.drug())
                .propose("rescueRoute", given.route())
                .propose("rescueDose", given.singleDose())
                .propose("rescueUnit", "mg")
                .propose("rescueFrequency", given.rescueFrequency())
                .propose("reassessAfterMinutes", given.reassessAfterMinutes())
                .propose("laxative", true)
                .propose("rectalLaxative", NonOral.rectalLaxative(picture))
                .propose("keepNonOpioid", step == 1);
        antiemetic.addTo(advice);
        if (given.longerInterval()) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, given.drug().toLowerCase(
                    java.util.Locale.ROOT) + " " + given.interval() + " instead of every 4 h: " + OrganFunction.judge(
                    given.drug(), picture.snapshot().organFunctionBands()).reason());
        }
        if (!start.why().isEmpty()) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, start.why());
        }
        return advice.build();
    }

    /** LAD-02: persistent moderate pain on step 0–1, weak-opioid strategy. */
    private static ProposedRecommendation weakOpioid(ClinicalPicture picture, int step,
            List<PainAssessment> persistent, OrganFunction.Judgement codeine) {
        boolean caution = codeine.caution();
        // §8.2 ELDERLY_OR_FRAIL: start doses −50 %, as LAD-03/04 start; an organ caution lengthens the interval too.
        boolean frail = picture.snapshot().organFunctionBands()
                .contains(org.painladder.domain.patient.OrganFunctionBand.ELDERLY_OR_FRAIL);
        int single = frail ? 15 : 30;
        int daily = single * (caution ? 4 : 6);
        String interval = caution ? "every 6 h" : "every 4 h";
        OrganFunction.Judgement tramadol = OrganFunction.judge("TRAMADOL", picture.snapshot().organFunctionBands());
        // §1.4: tramadol with serotonergic drugs is a weak opioid to leave out; codeine does the same work.
        Optional<Interactions.Finding> tramadolInteraction = Interactions.leaveOut("TRAMADOL",
                picture.regimen().drugsTaken());
        boolean tramadolFree = tramadol.verdict() == OrganFunction.Verdict.FREE && tramadolInteraction.isEmpty();
        String tramadolText = tramadolFree ? " or tramadol 50 mg every 6 h (ceiling 400 mg/day)"
                : " (not tramadol: " + (tramadol.verdict() == OrganFunction.Verdict.FREE
                ? tramadolInteraction.get().reason() + " beside the patient's " + tramadolInteraction.get().drugs()
                        .stream().filter(d -> !d.equals("TRAMADOL")).map(Advice::drugName).findFirst().orElse("")
                : tramadol.reason()) + ")";
        Advice advice = persistence(Advice.of(RuleId.LAD_02, picture), picture, persistent)
                .because("Moderate background pain persisting (" + scores(persistent) + "/10 at least "
                        + picture.policy().minSpacingHours() + " h apart within "
                        + picture.policy().escalationWindowHours()
                        + " h) on step " + step + ": add a scheduled weak opioid: "
                        + "codeine " + single + " mg " + interval + " (" + daily + " mg/day"
                        + (frail ? ", half the usual start: elderly or frail" : "")
                        + (caution ? ", a longer interval: " + codeine.reason()
                        : "; raise to " + (single * 2) + " mg, ceiling 360 mg/day") + ")"
                        + tramadolText + ". "
                        + (step == 0 ? "Add regular paracetamol too. " : "Keep the non-opioid. ")
                        + "Rescue: the same weak opioid as needed within its ceiling. Prescribe a laxative.")
                .propose("toStep", 2)
                .prescription("CODEINE", single, interval + ", by the clock", daily)
                .propose("ceilingDailyDose", BigDecimal.valueOf(360))
                .propose("alternative", tramadolFree ? "TRAMADOL 50 mg every 6 h, ceiling 400 mg/day" : null)
                .propose("keepNonOpioid", step == 1)
                .propose("laxative", true);
        if (caution) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "codeine every 6 h instead of every 4 h: "
                    + codeine.reason());
        }
        tramadolInteraction.ifPresent(finding -> advice.check(SafetyCheck.INTERACTION, SafetyCheck.CHANGED,
                "tramadol left out: " + finding.message()));
        if (frail) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "codeine 15 mg instead of 30 mg: "
                    + "elderly or frail, start doses −50 % (§8.2, NCCN frail start)");
        }
        return advice.build();
    }

    /** LAD-03: persistent moderate pain on step 0–1, low-dose strong-opioid strategy (ESMO 2018; Bandieri 2016). */
    /**
     * @param weakAvoided the ORG verdict that rules out a weak opioid, when that (not the policy) is why a low-dose
     *                    strong opioid is started
     */
    private static ProposedRecommendation lowDoseStrongOpioid(ClinicalPicture picture, int step,
                                                              List<PainAssessment> persistent,
                                                              Optional<OrganFunction.Judgement> weakAvoided) {
        LadderPolicy.LowDoseStrongOpioidLimits limits = picture.policy().lowDoseStrongOpioidMaxMg();
        var bands = picture.snapshot().organFunctionBands();
        Antiemetic antiemetic = Antiemetic.of(picture);
        String drug = OrganFunction.startingStrongOpioid(bands);
        BigDecimal limit = "MORPHINE".equals(drug) ? limits.morphineMg() : limits.hydromorphoneMg();
        boolean halve = OrganFunction.halveStartingDose(drug, bands);
        BigDecimal daily = DoseSteps.plain(halve ? limit.divide(BigDecimal.valueOf(2)) : limit);
        // The alternative is held to the same ORG caution as the first choice (§8.2: oxycodone −50 % in the liver).
        BigDecimal oxycodoneLimit = OrganFunction.halveStartingDose("OXYCODONE", bands)
                ? OrganFunction.halved(limits.oxycodoneMg()) : limits.oxycodoneMg();
        BigDecimal factor = Equianalgesia.factor(drug, Equianalgesia.ORAL, picture.policy().mmeFactorProfile())
                .orElse(BigDecimal.ONE);
        ScheduledDrug opioid = new ScheduledDrug(drug, ScheduledDrug.STRONG_OPIOID, "ORAL", daily, "mg",
                daily.multiply(factor), false);
        RescuePlan rescue = RescuePlan.forDailyOmedd(daily.multiply(factor), opioid, RegimenFacts.none(),
                picture.policy()).forPatient(picture);
        // §8.2 unableToSwallow: the same low dose under the skin by a syringe driver, converted as ROT-03 converts
        // (the same opioid, no cut, the conservative end of the oral:SC ratio), with an SC rescue.
        Optional<Rotation.Plan> subcutaneous = picture.cannotSwallow()
                ? Rotation.plan(opioid, drug, Equianalgesia.SC, 0, picture.policy()) : Optional.empty();
        if (subcutaneous.isPresent()) {
            rescue = subcutaneous.get().rescue().forPatient(picture);
        }
        boolean weakPolicy = picture.policy().moderatePainStrategy() == ModeratePainStrategy.WEAK_OPIOID;
        String why = weakAvoided.map(j -> "a weak opioid is to be avoided (" + j.reason() + "), so start a low-dose "
                        + "strong opioid instead (ESMO 2018)")
                .orElse(picture.cannotSwallow() && weakPolicy ? "a weak opioid cannot be given (codeine and tramadol "
                        + "come only as tablets or oral liquids, and the patient cannot swallow), so start a low-dose "
                        + "strong opioid under the skin instead (ESMO 2018: the alternative to step 2; WHO 2018: SC "
                        + "when the oral route is not possible)"
                        : "the policy replaces step 2 by a low-dose strong opioid, which relieves moderate pain faster "
                        + "and better than a weak opioid (Bandieri 2016: 88 % vs 58 % responders)");
        String oxycodoneSc = subcutaneous.isPresent() && "MORPHINE".equals(drug)
                ? Rotation.plan(new ScheduledDrug("OXYCODONE", ScheduledDrug.STRONG_OPIOID, "ORAL", oxycodoneLimit,
                        "mg", null, false), "OXYCODONE", Equianalgesia.SC, 0, picture.policy())
                        .map(p -> p.toDailyDose().toPlainString()).orElse(null) : null;
        String changes = (!"MORPHINE".equals(drug) ? "hydromorphone instead of morphine (" + OrganFunction.judge(
                "MORPHINE", bands).reason() + ")" : "") + (halve ? (!"MORPHINE".equals(drug) ? "; " : "")
                + "dose halved (" + (bands.contains(org.painladder.domain.patient.OrganFunctionBand.ELDERLY_OR_FRAIL)
                ? "elderly or frail" : OrganFunction.judge(drug, bands).reason()) + ")" : "");
        String startText = subcutaneous.map(p -> "Start " + Advice.drugName(drug) + " "
                        + Advice.daily(p.toDailyDose(), "mg") + " by " + Rotation.infusion(Equianalgesia.SC)
                        + " (oral " + Advice.daily(daily, "mg") + " converted at the cautious end of the oral:SC "
                        + "ratio, no cut for the same opioid)" + (oxycodoneSc == null ? "" : " (or oxycodone up "
                        + "to " + oxycodoneSc + " mg/day subcutaneously)"))
                .orElse("Start oral " + Advice.drugName(drug) + " modified-release " + Advice.daily(daily, "mg")
                        + ("MORPHINE".equals(drug) ? " (or oxycodone up to " + Advice.daily(oxycodoneLimit, "mg") + ")"
                        : ""));
        Advice advice = persistence(Advice.of(RuleId.LAD_03, picture), picture, persistent)
                .because("Moderate background pain persisting (" + scores(persistent) + "/10) on step " + step
                        + ": " + why + ". " + startText
                        + (changes.isEmpty() ? "" : " (" + changes + ")") + ", rescue " + rescue.describe()
                        + ", " + NonOral.laxative(picture) + " and " + antiemetic.text()
                        + (step == 1 ? "; keep the non-opioid." : "."))
                .threshold("moderatePainStrategy", picture.policy().moderatePainStrategy().name())
                .threshold("lowDoseStrongOpioidMaxMg." + drug.toLowerCase(java.util.Locale.ROOT), limit)
                .propose("toStep", 3)
                .propose("drug", drug)
                .propose("route", subcutaneous.isPresent() ? Equianalgesia.SC : "ORAL")
                .propose("formulation", subcutaneous.isPresent() ? null : "modified-release")
                .propose("frequency", subcutaneous.isPresent() ? Rotation.infusion(Equianalgesia.SC)
                        : "every 12 h, by the clock")
                .propose("toDailyDose", subcutaneous.map(Rotation.Plan::toDailyDose).orElse(daily))
                .propose("unit", "mg")
                .propose("oralEquivalentDailyDose", subcutaneous.isPresent() ? daily : null)
                .propose("conversion", subcutaneous.map(Rotation.Plan::trace).orElse(null))
                .propose("alternative", "MORPHINE".equals(drug) ? "OXYCODONE up to "
                        + (oxycodoneSc == null ? oxycodoneLimit.toPlainString() + " mg/day"
                        : oxycodoneSc + " mg/day SC") : null)
                .rescue(rescue)
                .propose("laxative", true)
                .propose("rectalLaxative", NonOral.rectalLaxative(picture))
                .propose("keepNonOpioid", step == 1);
        if (subcutaneous.isPresent() && weakAvoided.isEmpty() && weakPolicy) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "no weak opioid: codeine and tramadol come "
                    + "only by mouth and the patient cannot swallow");
        }
        if (weakAvoided.isPresent() || !changes.isEmpty()) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, weakAvoided.map(j -> "no weak opioid: "
                    + j.reason() + (changes.isEmpty() ? "" : "; ")).orElse("") + changes);
        }
        return antiemetic.addTo(advice).build();
    }

    /**
     * LAD-05: a weak opioid that has had its chance (ceiling or a whole window), or that the patient's organ function
     * says to avoid, goes up, never across; to oral morphine, or hydromorphone when morphine is to be avoided.
     */
    private static Optional<ProposedRecommendation> weakToStrong(ClinicalPicture picture, List<PainAssessment> read,
                                                                PainAssessment latest) {
        Optional<ScheduledDrug> weak = PrimaryOpioid.weak(picture.regimen());
        if (weak.isEmpty()) {
            return Optional.empty();
        }
        ScheduledDrug drug = weak.get();
        LadderPolicy policy = picture.policy();
        OrganFunction.Judgement weakVerdict = OrganFunction.judge(drug.code(), picture.snapshot().organFunctionBands());
        Optional<Long> hoursOnIt = Titration.hoursSinceLastChange(picture.regimen(), picture.now());
        boolean hadItsWindow = hoursOnIt.map(h -> h >= policy.escalationWindowHours()).orElse(true);
        if (!drug.atCeiling() && !hadItsWindow && !weakVerdict.avoid()) {
            return Optional.empty();
        }
        String why = weakVerdict.avoid() ? "to be avoided (" + weakVerdict.reason() + ")"
                : drug.atCeiling() ? "at its ceiling dose" : "given for " + hoursOnIt.orElse(0L) + " h";
        return Optional.of(switchToStrong(picture, drug, why, read, latest));
    }

    /**
     * LAD-05 for a strong opioid with a ceiling (tapentadol, 500 mg/day, §1.7): at the ceiling it cannot be titrated,
     * so, as for a weak opioid, the way on is a strong opioid without one; at these doses with the cross-tolerance
     * cut (§2.6), 50 % where the organ function calls for caution with the new opioid.
     */
    private static ProposedRecommendation ceilingToStrong(ClinicalPicture picture, ScheduledDrug drug,
                                                         BigDecimal ceiling, List<PainAssessment> read) {
        return switchToStrong(picture, drug, "at or above its " + Advice.daily(ceiling, "mg") + " ceiling, which no "
                + "titration may pass", read, null);
    }

    private static ProposedRecommendation switchToStrong(ClinicalPicture picture, ScheduledDrug drug, String why,
                                                         List<PainAssessment> read, PainAssessment latest) {
        LadderPolicy policy = picture.policy();
        var bands = picture.snapshot().organFunctionBands();
        Antiemetic antiemetic = Antiemetic.of(picture);
        OrganFunction.Judgement weakVerdict = OrganFunction.judge(drug.code(), bands);
        Optional<Long> hoursOnIt = Titration.hoursSinceLastChange(picture.regimen(), picture.now());
        boolean weak = drug.isWeakOpioid();
        String target = OrganFunction.startingStrongOpioid(bands);
        // §8.2, §2.6: a new strong opioid starts at half for the elderly or frail, as for a caution band (not both).
        boolean halve = OrganFunction.halveStartingDose(target, bands);
        int cut = weak ? policy.rotationReductionPct()
                : halve ? OpioidConversion.MAX_REDUCTION_PCT.intValue() : policy.rotationReductionPct();
        Optional<OpioidConversion> conversion = Equianalgesia.convert(drug, target, Equianalgesia.ORAL, cut,
                policy.mmeFactorProfile());
        BigDecimal weakOmedd = conversion.map(OpioidConversion::fromOmeddMg)
                .orElse(drug.omeddMg() == null ? BigDecimal.ZERO : drug.omeddMg());
        BigDecimal equianalgesic = conversion.map(OpioidConversion::equianalgesicDailyDose).orElse(weakOmedd);
        BigDecimal strongDaily;
        String arithmetic;
        if (weak) {
            // §8.1.3: out of a weak opioid at the lower end of its published factors (tramadol 0.1 of 0.1-0.2).
            BigDecimal cautiousFactor = Equianalgesia.cautiousFactor(drug, policy.mmeFactorProfile());
            BigDecimal cautiousOmedd = drug.dailyDose().multiply(cautiousFactor);
            BigDecimal targetFactor = Equianalgesia.factor(target, Equianalgesia.ORAL, policy.mmeFactorProfile())
                    .orElse(BigDecimal.ONE);
            equianalgesic = cautiousOmedd.divide(targetFactor, 4, java.math.RoundingMode.HALF_UP);
            BigDecimal startDaily = halve ? equianalgesic.divide(BigDecimal.valueOf(2)) : equianalgesic;
            // Modified-release strengths bind only a start by mouth; the syringe driver's plan rounds its own dose.
            BigDecimal step = DoseSteps.modifiedReleaseDailyStep(target);
            BigDecimal floored = DoseSteps.floor(startDaily, step);
            strongDaily = picture.cannotSwallow() ? DoseSteps.plain(startDaily) : floored.signum() > 0 ? floored
                    : step;
            arithmetic = Advice.daily(DoseSteps.plain(drug.dailyDose()), drug.unit()) + " × "
                    + cautiousFactor.stripTrailingZeros().toPlainString() + ", the lower end of its published "
                    + "factors, = " + DoseSteps.plain(cautiousOmedd).toPlainString() + " mg/day oral morphine"
                    + (halve ? ", halved" : "") + (picture.cannotSwallow() ? "" : ", rounded down to "
                    + Advice.drugName(target) + " modified-release doses that are made")
                    + "; no cross-tolerance cut is needed at these doses";
        } else {
            BigDecimal recommended = conversion.map(OpioidConversion::recommendedDailyDose).orElse(equianalgesic);
            BigDecimal floored = DoseSteps.floor(recommended, DoseSteps.dailyStep(target, Equianalgesia.ORAL));
            strongDaily = floored.signum() > 0 ? floored : DoseSteps.plain(recommended);
            arithmetic = "OMEDD " + weakOmedd.stripTrailingZeros().toPlainString() + " mg/day, equianalgesic "
                    + Advice.daily(DoseSteps.plain(equianalgesic), "mg") + " less " + cut + " % for incomplete "
                    + "cross-tolerance";
        }
        // §8.2 unableToSwallow: the oral figure goes under the skin by a syringe driver as ROT-03 moves an oral line
        // of the same opioid (no cut, the cautious end of the oral:SC ratio, §8.1.3).
        BigDecimal oralDaily = strongDaily;
        Optional<Rotation.Plan> subcutaneous = picture.cannotSwallow() ? Rotation.plan(new ScheduledDrug(target,
                ScheduledDrug.STRONG_OPIOID, Equianalgesia.ORAL, oralDaily, "mg", null, false), target,
                Equianalgesia.SC, 0, policy) : Optional.empty();
        String route = subcutaneous.isPresent() ? Equianalgesia.SC : Equianalgesia.ORAL;
        strongDaily = subcutaneous.map(Rotation.Plan::toDailyDose).orElse(strongDaily);
        BigDecimal factor = Equianalgesia.factor(target, route, policy.mmeFactorProfile())
                .orElse(BigDecimal.ONE);
        ScheduledDrug strong = new ScheduledDrug(target, ScheduledDrug.STRONG_OPIOID, route, strongDaily, "mg",
                strongDaily.multiply(factor), false);
        RescuePlan rescue = RescuePlan.forDailyOmedd(strongDaily.multiply(factor), strong, RegimenFacts.none(),
                policy).forPatient(picture);
        String startText = subcutaneous.isPresent() ? Advice.drugName(target) + " " + Advice.daily(strongDaily, "mg")
                + " by " + Rotation.infusion(route) + ", as the patient cannot swallow (oral "
                + Advice.daily(oralDaily, "mg") + " at the cautious end of the oral:SC ratio)"
                : "oral " + Advice.drugName(target) + " modified-release " + Advice.daily(strongDaily, "mg");
        OrganFunction.Judgement targetVerdict = OrganFunction.judge(target, bands);
        String halveWhy = targetVerdict.caution() ? targetVerdict.reason()
                : "elderly or frail: start doses −50 % (§8.2, NCCN frail start)";
        String organ = (!"MORPHINE".equals(target) ? " Hydromorphone instead of morphine (" + OrganFunction.judge(
                "MORPHINE", bands).reason() + ")." : "") + (halve ? (weak ? " Half the equianalgesic dose ("
                : " A " + cut + " % cut (") + halveWhy + ")." : "");
        String direction = weak ? "go up to step 3, never across to another weak opioid"
                : "switch to a strong opioid without a ceiling";
        Advice advice = Advice.of(RuleId.LAD_05, picture)
                .because("Pain not controlled (" + scores(read) + "/10) on " + Advice.drugName(drug.code()) + " "
                        + Advice.daily(drug.dailyDose(), drug.unit()) + ", " + why + ": " + direction + ". Stop "
                        + Advice.drugName(drug.code()) + " and start " + startText
                        + " (" + arithmetic + ")." + organ + " Rescue " + rescue.describe()
                        + ", " + NonOral.laxative(picture) + " and " + antiemetic.text() + ".")
                .read(read);
        if (latest != null) {
            advice.read(latest);
        }
        advice.threshold("escalationWindowHours", policy.escalationWindowHours())
                .threshold("minScoresForPersistence", policy.minScoresForPersistence())
                .threshold("minSpacingHours", policy.minSpacingHours())
                .fact("weakAtCeiling", drug.atCeiling())
                .fact("hoursOnWeakOpioid", hoursOnIt.orElse(null))
                .propose("toStep", weak ? 3 : null)
                .propose("stopDrug", drug.code())
                .propose("fromDailyDose", DoseSteps.plain(drug.dailyDose()))
                .propose("fromUnit", drug.unit())
                .propose("fromOmeddMg", DoseSteps.plain(weakOmedd))
                .propose("drug", target)
                .propose("route", route)
                .propose("formulation", subcutaneous.isPresent() ? null : "modified-release")
                .propose("frequency", subcutaneous.isPresent() ? Rotation.infusion(route) : "every 12 h, by the clock")
                .propose("oralEquivalentDailyDose", subcutaneous.isPresent() ? oralDaily : null)
                .propose("equianalgesicDailyDose", DoseSteps.plain(equianalgesic))
                .propose("crossToleranceReductionPct", weak ? null : cut)
                .propose("factorsUsed", conversion.map(OpioidConversion::factorsUsed).orElse(null))
                .propose("toDailyDose", strongDaily)
                .propose("unit", "mg")
                .rescue(rescue)
                .propose("laxative", true)
                .propose("rectalLaxative", NonOral.rectalLaxative(picture));
        if (!organ.isEmpty() || weakVerdict.avoid()) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, (weakVerdict.avoid() ? "stop "
                    + Advice.drugName(drug.code()) + ": " + weakVerdict.reason() + "." : "") + organ);
        }
        return antiemetic.addTo(advice).build();
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
                .filter(a -> ClinicalPicture.countsTowardTitration(a) && a.breakthroughEpisodes24h() != null
                        && a.breakthroughEpisodes24h() > threshold)
                .filter(a -> a.recordedAt().isAfter(picture.now().minus(Duration.ofHours(72))))
                .toList();
        return titration(picture, strong.get(), RuleId.LAD_08, LAD_08_MIN_PCT, read.isEmpty() ? List.of(latest) : read,
                band);
    }

    /**
     * LAD-09 (§8.6): end-of-dose failure: shorten the interval of the modified-release product, or raise it by the
     * LAD-07 step; not a rescue problem.
     */
    private static Optional<ProposedRecommendation> endOfDose(ClinicalPicture picture, PainBand band) {
        Optional<ScheduledDrug> strong = PrimaryOpioid.strong(picture.regimen());
        if (strong.isEmpty()) {
            return Optional.empty();
        }
        return titration(picture, strong.get(), RuleId.LAD_09, picture.policy().titrationPctModerate(),
                picture.latest().map(List::of).orElse(List.of()), band);
    }

    static Optional<ProposedRecommendation> titration(ClinicalPicture picture, ScheduledDrug drug, RuleId rule, int pct,
                                                      List<PainAssessment> read, PainBand band) {
        LadderPolicy policy = picture.policy();
        RegimenFacts regimen = picture.regimen();
        if (!Titration.intervalElapsed(drug, regimen, policy, picture.now())) {
            return Optional.empty();
        }
        boolean methadone = "METHADONE".equals(drug.code());
        if (methadone) {
            return Optional.of(methadoneStep(picture, drug, rule, read, band));
        }
        Optional<BigDecimal> ceiling = Equianalgesia.ceilingMg(drug.code(), drug.route(), policy.mmeFactorProfile());
        if (ceiling.isPresent() && drug.dailyDose().compareTo(ceiling.get()) >= 0) {
            return Optional.of(ceilingToStrong(picture, drug, ceiling.get(), read));
        }
        // §8.2: a caution drug for the patient's organ function (oxycodone below eGFR 30, Child-Pugh B/C) takes a
        // lower dose: the step and the daily limit are halved.
        OrganFunction.Judgement organ = OrganFunction.judge(drug.code(), picture.snapshot().organFunctionBands());
        int stepPct = organ.caution() ? pct / 2 : pct;
        int maxIncreasePct = organ.caution() ? policy.maxDailyIncreasePct() / 2 : policy.maxDailyIncreasePct();
        int btp = picture.btp24h();
        Optional<BigDecimal> rescueUsed = Titration.rescueUsed24h(drug, regimen, btp);
        Titration.Up up = Titration.up(drug, stepPct, rescueUsed.orElse(null), maxIncreasePct,
                ceiling.orElse(null));
        BigDecimal newOmedd = newOmedd(regimen, drug, up.toDailyDose());
        RescuePlan rescue = RescuePlan.forDailyOmedd(Equianalgesia.rescueBasisMg(regimen, newOmedd, drug,
                up.toDailyDose(), policy.mmeFactorProfile()), drug, regimen, policy).forPatient(picture);
        String rescueAdvice = "Rescue " + rescue.describe() + " (15 % of the new total). ";
        String firedName = switch (rule) {
            case LAD_06 -> "titrationPctSevere";
            case LAD_07, LAD_09 -> "titrationPctModerate";
            default -> "btpEpisodesTitrateThreshold";
        };
        int firedValue = rule == RuleId.LAD_08 ? policy.btpEpisodesTitrateThreshold() : pct;
        boolean parenteral = Equianalgesia.SC.equals(drug.route()) || "IV".equals(drug.route());
        // A syringe driver or an infusion has no dose to wear off: only the rate goes up.
        String interval = "TRANSDERMAL".equals(drug.route()) ? "change the patch every 48 h instead of 72 h"
                : parenteral ? null : "give the modified-release dose every 8 h instead of every 12 h";
        String rescueTaken = rescueUsed.map(r -> Advice.dose(r, drug.unit()) + " of rescue taken in 24 h ("
                + btp + (btp == 1 ? " dose)" : " doses)")).orElse("");
        String basis = up.rescueDecided() ? "adding the " + rescueTaken + " is more than +" + stepPct + " %"
                : "+" + stepPct + " %" + (rescueTaken.isEmpty() ? "" : ", more than adding the " + rescueTaken);
        String capped = up.cappedAtCeiling() ? ", capped at its " + Advice.daily(up.ceiling(), drug.unit())
                + " ceiling; beyond it the next step is a strong opioid without one"
                : up.capped() ? ", capped at +" + maxIncreasePct + " % a day" : "";
        String organText = organ.caution() ? " The step is halved, +" + stepPct + " % instead of +" + pct + " % ("
                + organ.reason() + ")." : "";
        String rescueRoute = rescue.avoiding(picture.snapshot().organFunctionBands(), policy).route();
        String reassess = "TRANSDERMAL".equals(drug.route())
                ? "The new patch strength reaches steady state in about 72 h; cover with rescues meanwhile."
                : RescuePlan.reassessAfterNext(rescueRoute) + " and the pain band within 24 h.";
        String opening = switch (rule) {
            case LAD_06 -> "Severe background pain (" + scores(read) + "/10) on step 3";
            case LAD_07 -> "Moderate background pain persisting (" + scores(read) + "/10) on step 3";
            case LAD_09 -> "End-of-dose pain (the pain returns before the next dose is due) on step 3: this is not a "
                    + "rescue problem. " + (interval == null ? "The " + drug.route() + " line runs continuously, so"
                    : "Either " + interval + " at the same daily dose, or");
            default -> "Frequent breakthrough pain (more than " + policy.btpEpisodesTitrateThreshold()
                    + " episodes a day on 2 of the last 3 days) on step 3: the background dose is too low";
        };
        Advice advice = Advice.of(rule, picture)
                .because(opening + (rule == RuleId.LAD_09 ? " raise " : ": raise ") + Advice.drugName(drug.code())
                        + " from "
                        + Advice.daily(drug.dailyDose(), drug.unit()) + " to " + Advice.daily(up.toDailyDose(),
                        drug.unit()) + pumpRate(drug, up.toDailyDose())
                        + " (" + basis + capped + ")." + organText + " " + rescueAdvice
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
                .propose("newOmeddMg", DoseSteps.plain(newOmedd))
                .propose("alternative", rule == RuleId.LAD_09 && interval != null ? interval + " at the same daily dose"
                        : null)
                .propose("reassessAfterMinutes", "TRANSDERMAL".equals(drug.route()) ? null
                        : RescuePlan.reassessMinutes(rescueRoute));
        if (organ.caution()) {
            advice.check(SafetyCheck.ORGAN_FUNCTION, SafetyCheck.CHANGED, "titration step halved to +" + stepPct
                    + " % (daily limit +" + maxIncreasePct + " %): " + organ.reason());
        }
        return Optional.of(advice.rescue(rescue).build());
    }

    /** §8.5: methadone goes up by at most +20 % or +10 mg/day, whichever is smaller, through a specialist. */
    static final int METHADONE_MAX_PCT = 20;
    static final BigDecimal METHADONE_MAX_MG = BigDecimal.TEN;

    private static ProposedRecommendation methadoneStep(ClinicalPicture picture, ScheduledDrug drug, RuleId rule,
                                                       List<PainAssessment> read, PainBand band) {
        LadderPolicy policy = picture.policy();
        BigDecimal current = drug.dailyDose();
        BigDecimal byPct = Titration.percentOf(current, METHADONE_MAX_PCT);
        BigDecimal increase = byPct.min(METHADONE_MAX_MG);
        BigDecimal floored = DoseSteps.floor(current.add(increase), DoseSteps.dailyStep("METHADONE", drug.route()));
        BigDecimal to = floored.compareTo(current) > 0 ? floored : DoseSteps.plain(current.add(increase));
        int hours = Titration.minHoursBetweenChanges(drug, policy);
        String opening = switch (rule) {
            case LAD_06 -> "Severe background pain (" + scores(read) + "/10) on methadone";
            case LAD_07 -> "Moderate background pain persisting (" + scores(read) + "/10) on methadone";
            case LAD_09 -> "End-of-dose pain on methadone";
            default -> "Frequent breakthrough pain on methadone";
        };
        return Advice.of(rule, picture)
                .because(opening + ": methadone accumulates for days after each change, so it goes up slowly and "
                        + "through a specialist: from " + Advice.daily(current, drug.unit()) + " to "
                        + Advice.daily(to, drug.unit()) + " (at most +" + METHADONE_MAX_PCT + " % or +"
                        + METHADONE_MAX_MG.toPlainString() + " mg/day, whichever is smaller), no sooner than "
                        + hours + " h after the last change. Check the QTc (ECG) before and after the change and "
                        + "look for interacting drugs. Keep the current rescue, set by the specialist.")
                .read(read)
                .threshold("minHoursBetweenTitrations.methadone", hours)
                .threshold("methadoneMaxIncreasePct", METHADONE_MAX_PCT)
                .threshold("methadoneMaxIncreaseMgPerDay", METHADONE_MAX_MG)
                .fact("band", band.name())
                .fact("hoursSinceLastOpioidChange", Titration.hoursSinceLastChange(picture.regimen(), picture.now())
                        .orElse(null))
                .doseChange("UP", drug, to)
                .propose("requiresSpecialist", true)
                .propose("cautions", List.of("QTc prolongation: ECG before and after the change; avoid other "
                        + "QT-prolonging drugs", "delayed accumulation: sedation may appear 2–5 days after a change"))
                .check(SafetyCheck.TITRATION_INTERVAL, SafetyCheck.PASSED, "methadone: " + hours + " h since the last "
                        + "change respected; step capped at +" + METHADONE_MAX_PCT + " % or +10 mg/day")
                .build();
    }

    /** " (pump rate 50 → 62.5 mcg/h)" for an SC or IV line, whose pump is set by the hour; else empty. */
    private static String pumpRate(ScheduledDrug drug, BigDecimal toDailyDose) {
        return DoseSteps.byPump(drug.route()) ? " (pump rate " + DoseSteps.perHour(drug.dailyDose()).toPlainString()
                + " → " + DoseSteps.perHour(toDailyDose).toPlainString() + " " + drug.unit() + "/h)" : "";
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

package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.patient.HepaticImpairment;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.regimen.DoseSteps;

/**
 * Analgesia for the band that never moves the ladder (clinical-rules §8.4: a CAU card never leaves a patient in pain
 * without an analgesic), and the strong-opioid starting dose of LAD-04 for the patient's organ function and frailty
 * (§8.2: morphine 5 mg every 4 h, 2.5 mg if elderly or frail; low-dose hydromorphone when morphine is to be avoided).
 */
final class Analgesia {

    private static final BigDecimal MORPHINE_START_MG = BigDecimal.valueOf(5);
    /** Oral hydromorphone is about five times oral morphine (CDC 2022): 1 mg for 5 mg. */
    private static final BigDecimal HYDROMORPHONE_START_MG = BigDecimal.ONE;
    private static final BigDecimal IV_MORPHINE_LOW_MG = BigDecimal.valueOf(2);
    private static final BigDecimal IV_MORPHINE_HIGH_MG = BigDecimal.valueOf(5);

    private Analgesia() {
    }

    /** An opioid-naive starting dose: the drug, the single oral dose in mg and why it is that dose. */
    record Start(String drug, BigDecimal singleDoseMg, String why) {
        BigDecimal dailyDoseMg() {
            return DoseSteps.plain(singleDoseMg.multiply(BigDecimal.valueOf(6)));
        }
    }

    static Start strongOpioidStart(Set<OrganFunctionBand> bands) {
        String drug = OrganFunction.startingStrongOpioid(bands);
        BigDecimal dose = "MORPHINE".equals(drug) ? MORPHINE_START_MG : HYDROMORPHONE_START_MG;
        StringBuilder why = new StringBuilder();
        if (!"MORPHINE".equals(drug)) {
            why.append("hydromorphone instead of morphine (").append(OrganFunction.judge("MORPHINE", bands).reason())
                    .append(")");
        }
        if (OrganFunction.halveStartingDose(drug, bands)) {
            dose = OrganFunction.halved(dose);
            why.append(why.length() == 0 ? "" : "; ").append("starting dose halved (")
                    .append(bands.contains(OrganFunctionBand.ELDERLY_OR_FRAIL) ? "elderly or frail, NCCN frail start"
                            : OrganFunction.judge(drug, bands).reason()).append(")");
        }
        return new Start(drug, dose, why.toString());
    }

    /**
     * An opioid-naive start as this patient takes it: under the skin when they cannot swallow (§8.2, ROT-03: SC
     * first), and every 6 h instead of every 4 h where the drug is in the caution column of the patient's bands
     * (§8.2 "lower dose, longer interval"; the interval LAD-02 already gives codeine there), with the rescue's
     * interval lengthened to match ({@link RescuePlan#frequency(String, boolean)}).
     *
     * @param oralSingleDose the oral single dose it stands for
     */
    record Given(String drug, String route, BigDecimal singleDose, BigDecimal oralSingleDose, boolean longerInterval) {

        static Given of(Start start, ClinicalPicture picture) {
            boolean longer = OrganFunction.judge(start.drug(), picture.snapshot().organFunctionBands()).caution();
            return picture.cannotSwallow()
                    ? new Given(start.drug(), Equianalgesia.SC, subcutaneousSingleDose(start, picture.policy()),
                            start.singleDoseMg(), longer)
                    : new Given(start.drug(), Equianalgesia.ORAL, start.singleDoseMg(), start.singleDoseMg(), longer);
        }

        boolean subcutaneous() {
            return Equianalgesia.SC.equals(route);
        }

        int everyHours() {
            return longerInterval ? 6 : 4;
        }

        String interval() {
            return "every " + everyHours() + " h";
        }

        BigDecimal dailyDose() {
            return DoseSteps.plain(singleDose.multiply(BigDecimal.valueOf(24 / everyHours())));
        }

        String rescueFrequency() {
            return RescuePlan.frequency(route, longerInterval);
        }

        int reassessAfterMinutes() {
            return subcutaneous() ? 30 : 60;
        }

        /** "subcutaneous morphine 2 mg every 4 h", or "oral morphine immediate-release 5 mg every 4 h". */
        String words() {
            String name = Advice.drugName(drug);
            return (subcutaneous() ? "subcutaneous " + name + " " : "oral " + name + " immediate-release ")
                    + singleDose.toPlainString() + " mg " + interval() + " (" + Advice.daily(dailyDose(), "mg")
                    + (subcutaneous() ? "; the patient cannot swallow: oral " + oralSingleDose.toPlainString()
                    + " mg converted" : "")
                    + (longerInterval ? "; every " + everyHours() + " h, not every 4 h: "
                    + "the longer interval of a caution band" : "") + ")";
        }
    }

    /**
     * The start given subcutaneously, for a patient who cannot swallow (§8.2, ROT-03: SC first): the oral single dose
     * converted by the profile's factors, rounded down to a dose that can be drawn up.
     */
    static BigDecimal subcutaneousSingleDose(Start start, LadderPolicy policy) {
        String profile = policy.mmeFactorProfile();
        BigDecimal exact = start.singleDoseMg()
                .multiply(Equianalgesia.factor(start.drug(), Equianalgesia.ORAL, profile).orElseThrow())
                .divide(Equianalgesia.factor(start.drug(), Equianalgesia.SC, profile).orElseThrow(), 6,
                        RoundingMode.HALF_UP);
        BigDecimal drawn = DoseSteps.floor(exact, DoseSteps.rescueStep(start.drug(), Equianalgesia.SC));
        return drawn.signum() > 0 ? drawn : DoseSteps.floor(exact, new BigDecimal("0.05"));
    }

    /**
     * LAD-04's intravenous alternative, IV morphine 2–5 mg (NCCN opioid-naive), in the drug the start uses and cut as
     * its oral dose is cut, so that the text never names morphine where the organ function switched it.
     */
    static String intravenousStart(Start start, LadderPolicy policy) {
        String profile = policy.mmeFactorProfile();
        BigDecimal full = "MORPHINE".equals(start.drug()) ? MORPHINE_START_MG : HYDROMORPHONE_START_MG;
        BigDecimal perMorphineMg = Equianalgesia.factor("MORPHINE", "IV", profile).orElseThrow()
                .multiply(start.singleDoseMg())
                .divide(Equianalgesia.factor(start.drug(), "IV", profile).orElseThrow().multiply(full), 6,
                        RoundingMode.HALF_UP);
        BigDecimal step = new BigDecimal("0.05");
        return "IV " + DoseSteps.floor(perMorphineMg.multiply(IV_MORPHINE_LOW_MG), step).toPlainString() + "–"
                + DoseSteps.floor(perMorphineMg.multiply(IV_MORPHINE_HIGH_MG), step).toPlainString() + " mg "
                + Advice.drugName(start.drug());
    }

    /** Paracetamol's daily ceiling for the patient ({@link PostoperativeNonOpioids#paracetamol}). */
    static int paracetamolMaxMg(ClinicalPicture picture) {
        return PostoperativeNonOpioids.paracetamol(picture.snapshot().organFunctionBands(),
                picture.snapshot().factors()).maxDailyDoseMg().intValue();
    }

    /** 1 g every 6 h at 4 g/day, every 8 h at 3 g; under 3 g a quarter of the ceiling (in 50 mg) every 6 h. */
    static int paracetamolSingleMg(int maxDailyMg) {
        return maxDailyMg >= 3000 ? 1000 : maxDailyMg / 4 / 50 * 50;
    }

    static String paracetamolFrequency(int maxDailyMg) {
        return everyEightHours(maxDailyMg) ? "every 8 h" : "every 6 h";
    }

    /** What those doses come to in a day: never above the ceiling. */
    static int paracetamolDailyMg(int maxDailyMg) {
        return paracetamolSingleMg(maxDailyMg) * (everyEightHours(maxDailyMg) ? 3 : 4);
    }

    private static boolean everyEightHours(int maxDailyMg) {
        return maxDailyMg >= 3000 && maxDailyMg < 4000;
    }

    /** The analgesic proposal for the band, as a map for the {@code analgesia} key, and in words. */
    record ForBand(Map<String, Object> proposal, String text) {
    }

    static ForBand forBand(ClinicalPicture picture, PainBand band) {
        Set<OrganFunctionBand> bands = picture.snapshot().organFunctionBands();
        RegimenFacts regimen = picture.regimen();
        Map<String, Object> proposal = new LinkedHashMap<>();
        Optional<String> nsaidBarred = picture.nsaidBarred();
        boolean nsaid = nsaidBarred.isEmpty();
        boolean cannotSwallow = picture.cannotSwallow();
        String nsaidText = nsaidBarred.map(why -> "; no NSAID (" + why + ")")
                .orElse(cannotSwallow ? ", with an NSAID (" + NonOral.RECTAL_NSAID_TEXT + ") if safe"
                        : ", with an NSAID (ibuprofen 400 mg three times a day) if safe");
        Optional<String> opioidBlocked = picture.upBlockReason();
        if (!band.atLeast(PainBand.MODERATE) || opioidBlocked.isPresent()) {
            // §8.1.1: while toxicity stops up-moves, no opioid is added for the band, not even the rescue.
            String pain = band.atLeast(PainBand.MODERATE) ? bandName(band) : "mild";
            String noOpioid = opioidBlocked.map(why -> "; no extra opioid: " + why).orElse("");
            int max = paracetamolMaxMg(picture);
            BigDecimal single = BigDecimal.valueOf(paracetamolSingleMg(max));
            String frequency = paracetamolFrequency(max);
            proposal.put("drug", "PARACETAMOL");
            proposal.put("route", cannotSwallow ? "IV" : "ORAL");
            proposal.put("dose", single);
            proposal.put("doseUnit", "mg");
            proposal.put("frequency", frequency);
            proposal.put("maxDailyDose", BigDecimal.valueOf(max));
            if (cannotSwallow) {
                proposal.put("alternative", "PARACETAMOL the same dose rectally");
            }
            if (nsaid) {
                proposal.put("with", cannotSwallow ? NonOral.RECTAL_NSAID + " 50 mg rectally three times a day if "
                        + "safe" : "IBUPROFEN 400 mg three times a day if safe");
            }
            return new ForBand(proposal, "Analgesia for " + pain + " pain: paracetamol " + single.toPlainString()
                    + " mg " + (cannotSwallow ? "IV " : "") + frequency + " (at most " + max + " mg/day"
                    + (cannotSwallow ? "; or the same dose rectally: the patient cannot swallow" : "") + ")"
                    + nsaidText + noOpioid + ".");
        }
        Optional<ScheduledDrug> strong = PrimaryOpioid.strong(regimen);
        Optional<RescueDose> rescue = Titration.primaryRescue(regimen);
        if (strong.isPresent() && rescue.isPresent()
                && !OrganFunction.judge(rescue.get().code(), bands).avoid()) {
            RescueDose r = rescue.get();
            RescuePlan current = new RescuePlan(r.code(), r.route(), DoseSteps.plain(r.singleDose()), r.unit(),
                    RescuePlan.frequency(r.route())).forPatient(picture);
            boolean moved = !current.route().equals(r.route());
            proposal.put("drug", current.drug());
            proposal.put("route", current.route());
            proposal.put("dose", current.singleDose());
            proposal.put("doseUnit", current.unit());
            proposal.put("frequency", current.frequency());
            return new ForBand(proposal, "Analgesia for " + bandName(band) + " pain: keep the regimen and use the "
                    + "rescue dose (" + Advice.drugName(current.drug()) + " " + Advice.dose(current.singleDose(),
                    current.unit()) + " " + (moved ? "subcutaneously, as the patient cannot swallow, " : "")
                    + current.frequency() + "), reassessed at " + RescuePlan.reassessMinutes(current.route()) + " min.");
        }
        if (strong.isPresent()) {
            RescuePlan plan = RescuePlan.forDailyOmedd(regimen.omeddMg(), strong.get(), regimen, picture.policy())
                    .forPatient(picture);
            plan = plan.avoiding(bands, picture.policy());
            proposal.put("drug", plan.drug());
            proposal.put("route", plan.route());
            proposal.put("dose", plan.singleDose());
            proposal.put("doseUnit", plan.unit());
            proposal.put("frequency", plan.frequency());
            return new ForBand(proposal, "Analgesia for " + bandName(band) + " pain: keep the regimen and give a "
                    + "rescue of " + plan.describe() + ", reassessed at " + RescuePlan.reassessMinutes(plan.route())
                    + " min.");
        }
        Start start = strongOpioidStart(bands);
        Given given = Given.of(start, picture);
        String frequency = given.rescueFrequency() + ", for the acute episode";
        proposal.put("drug", given.drug());
        proposal.put("route", given.route());
        proposal.put("dose", given.singleDose());
        proposal.put("doseUnit", "mg");
        proposal.put("frequency", frequency);
        String why = String.join("; ", java.util.stream.Stream.of(start.why(), given.subcutaneous()
                        ? "the patient cannot swallow: oral " + start.singleDoseMg().toPlainString() + " mg converted"
                        : "", given.longerInterval() ? "a longer interval: " + OrganFunction.judge(given.drug(), bands)
                        .reason() : "").filter(w -> !w.isEmpty()).toList());
        return new ForBand(proposal, "Analgesia for " + bandName(band) + " pain: "
                + (given.subcutaneous() ? "subcutaneous " + Advice.drugName(given.drug()) + " "
                : "oral " + Advice.drugName(given.drug()) + " immediate-release ")
                + given.singleDose().toPlainString() + " mg " + frequency.replace(", for the acute episode", "")
                + ", reassessed at " + given.reassessAfterMinutes() + " min" + (why.isEmpty() ? "" : " (" + why + ")")
                + ", with regular paracetamol" + (cannotSwallow ? " IV or rectally" : "") + nsaidText + ".");
    }

    /**
     * CAU-04's analgesia for the band: where moderate or severe pain calls for an opioid, the PCIA is that opioid, with
     * its organ-function choice; no second as-needed opioid beside it (§6.3).
     */
    static ForBand forBandWithPcia(ClinicalPicture picture, PainBand band) {
        if (!band.atLeast(PainBand.MODERATE) || picture.upBlockReason().isPresent()) {
            return forBand(picture, band);
        }
        PostoperativeAnalgesia.Pcia pcia = PostoperativeAnalgesia.Pcia.of(picture.snapshot().organFunctionBands());
        String frequency = "PCA demand dose, lockout " + PostoperativeAnalgesia.LOCKOUT_MIN + "-"
                + PostoperativeAnalgesia.LOCKOUT_MAX + " min";
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put("drug", pcia.drug());
        proposal.put("route", "IV");
        proposal.put("dose", pcia.bolus());
        proposal.put("doseUnit", pcia.unit());
        proposal.put("frequency", frequency);
        String nsaidText = picture.nsaidBarred().map(why -> "; no NSAID (" + why + ")")
                .orElse(picture.cannotSwallow() ? ", with an NSAID (" + NonOral.RECTAL_NSAID_TEXT + ") if safe"
                        : ", with an NSAID if safe");
        return new ForBand(proposal, "Analgesia for " + bandName(band) + " pain: the PCIA ("
                + Advice.drugName(pcia.drug()) + " " + pcia.bolus().toPlainString() + " " + pcia.unit() + " "
                + frequency + ") is the opioid; no oral as-needed opioid beside it; regular paracetamol"
                + (picture.cannotSwallow() ? " IV (the patient cannot swallow)" : "") + nsaidText + ".");
    }

    private static String bandName(PainBand band) {
        return band == PainBand.SEVERE ? "severe" : "moderate";
    }
}

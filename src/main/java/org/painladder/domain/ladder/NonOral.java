package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * What a patient who cannot swallow (§8.2 {@code unableToSwallow}) is given instead of a tablet, for the co-advice
 * every rule shares: a rectal laxative (senna and macrogol only come by mouth), a subcutaneous antiemetic, paracetamol
 * intravenously or rectally, an NSAID as a diclofenac suppository, dexamethasone under the skin. Opioids go under the
 * skin by ROT-03's conversion ({@link RescuePlan#forPatient}, {@link Rotation}).
 */
final class NonOral {

    static final String RECTAL_LAXATIVE = "BISACODYL";
    static final String RECTAL_LAXATIVE_DOSE = "10 mg suppository once a day";
    /** A PAMORA given by injection: naloxegol is a tablet. */
    static final String PAMORA = "METHYLNALTREXONE";
    static final String RECTAL_NSAID = "DICLOFENAC";
    /** Diclofenac 50 mg suppositories three times a day: its 150 mg/day ceiling (§1.7). */
    static final String RECTAL_NSAID_TEXT = "diclofenac 50 mg rectally three times a day (150 mg/day)";
    /** Why an adjuvant that only comes as a tablet is not advised. */
    static final String NO_TABLETS = "the patient cannot swallow, and none has an injectable or rectal form";

    private NonOral() {
    }

    /** The laxative an opioid start names, in words. */
    static String laxative(ClinicalPicture picture) {
        return picture.cannotSwallow() ? "a rectal laxative (bisacodyl " + RECTAL_LAXATIVE_DOSE + ", as the patient "
                + "cannot swallow)" : "a laxative";
    }

    /** The rectal laxative a start names beside {@code laxative: true}, by name; null when the patient can swallow. */
    static String rectalLaxative(ClinicalPicture picture) {
        return picture.cannotSwallow() ? RECTAL_LAXATIVE + " " + RECTAL_LAXATIVE_DOSE + " (rectal)" : null;
    }

    /**
     * A cut of an oral opioid line for a patient who cannot swallow: the cut dose goes under the skin as ROT-03 moves
     * an oral line ({@link Rotation#underTheSkin}), since the oral line itself cannot be given. Empty when the line is
     * not oral, the patient can swallow, or the opioid has no conversion.
     */
    static Optional<Rotation.Plan> cutUnderTheSkin(ClinicalPicture picture, ScheduledDrug line, BigDecimal to) {
        if (!picture.cannotSwallow() || !Equianalgesia.ORAL.equals(line.route()) || to.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal omedd = line.omeddMg() == null || line.dailyDose().signum() == 0 ? null
                : line.omeddMg().multiply(to).divide(line.dailyDose(), 4, RoundingMode.HALF_UP);
        ScheduledDrug cut = new ScheduledDrug(line.code(), line.drugClass(), line.route(), to, line.unit(), omedd,
                line.atCeiling());
        return Rotation.underTheSkin(cut, picture.snapshot().organFunctionBands(), picture.policy());
    }

    /** The cut dose under the skin, in words (a sentence), or nothing. */
    static String cutWords(ScheduledDrug line, BigDecimal to, Optional<Rotation.Plan> subcutaneous) {
        return subcutaneous.map(plan -> " The patient cannot swallow: give the reduced dose, oral "
                + Advice.drugName(line.code()) + " " + Advice.daily(to, line.unit()) + ", as "
                + Advice.drugName(plan.toDrug()) + " " + Advice.daily(plan.toDailyDose(), "mg") + " by "
                + Rotation.infusion(Equianalgesia.SC) + (plan.reductionPct() == 0 ? " (the same opioid, no cut)"
                : " (less " + plan.reductionPct() + " % for a new opioid)") + ".").orElse("");
    }

    /** The cut's proposal: from the oral line to the subcutaneous dose. */
    static Advice addCut(Advice advice, ScheduledDrug line, Optional<Rotation.Plan> subcutaneous) {
        subcutaneous.ifPresent(plan -> advice.propose("fromDrug", line.code())
                .propose("fromRoute", line.route())
                .propose("fromUnit", line.unit())
                .propose("drug", plan.toDrug())
                .propose("route", plan.toRoute())
                .propose("toDailyDose", plan.toDailyDose())
                .propose("unit", "mg")
                .propose("frequency", Rotation.infusion(plan.toRoute()))
                .propose("conversion", plan.trace()));
        return advice;
    }

    /**
     * The non-opioid a ladder move keeps, as a patient who cannot swallow takes it: paracetamol at the patient's
     * ceiling intravenously (or the same dose rectally), an NSAID that may be given as a diclofenac suppository.
     * Empty when the patient can swallow or takes no non-opioid by mouth.
     */
    static Optional<String> keptNonOpioid(ClinicalPicture picture) {
        boolean oralNonOpioid = picture.regimen().scheduled().stream()
                .anyMatch(d -> d.isNonOpioid() && Equianalgesia.ORAL.equals(d.route()));
        if (!picture.cannotSwallow() || !oralNonOpioid) {
            return Optional.empty();
        }
        int max = Analgesia.paracetamolMaxMg(picture);
        boolean nsaid = CoAdviceRules.NSAIDS.stream().anyMatch(picture.regimen()::isScheduled)
                && picture.nsaidBarred().isEmpty();
        return Optional.of("paracetamol " + Analgesia.paracetamolSingleMg(max) + " mg IV "
                + Analgesia.paracetamolFrequency(max) + " (" + Analgesia.paracetamolDailyMg(max) + " mg/day; or the "
                + "same dose rectally)" + (nsaid ? " and, for the NSAID, " + RECTAL_NSAID_TEXT : ""));
    }
}

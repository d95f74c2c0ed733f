package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.Dialysis;
import org.painladder.domain.patient.HepaticImpairment;
import org.painladder.domain.patient.PainCondition;
import org.painladder.domain.patient.RenalFunction;
import org.painladder.domain.patient.PatientFactors;
import org.painladder.domain.patient.PrimarySite;

/**
 * Patients on the ladder as a ward round describes them: {@code onStep3WithOxycodone(40)} is oxycodone 20 mg twice a
 * day (40 mg/day, OMEDD 60) with an oxycodone 5 mg rescue, on a regimen changed 3 days ago.
 */
final class PatientSnapshots {

    static final UUID PATIENT = new UUID(0xfeedL, 1L);

    private int liveStep = -1;
    private final List<ScheduledDrug> scheduled = new ArrayList<>();
    private final List<RescueDose> rescues = new ArrayList<>();
    private long regimenVersion = 3;
    private Instant effectiveAt = Assessments.NOW.minus(Duration.ofDays(3));
    private Instant lastOpioidChangeAt = Assessments.NOW.minus(Duration.ofDays(3));
    private final List<Instant> doseIncreases = new ArrayList<>();
    private final Set<String> tried = new LinkedHashSet<>();
    private boolean boneMetastases;
    private final Set<PainCondition> conditions = EnumSet.noneOf(PainCondition.class);
    private final List<PainAssessment> assessments = new ArrayList<>();
    private final List<PendingRecommendation> pending = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<Contraindication> contraindications = EnumSet.noneOf(Contraindication.class);
    private PatientFactors factors = PatientFactors.none();
    private Integer birthYear = 1958;
    private PrimarySite primarySite = PrimarySite.PANCREAS;
    private Integer lifeExpectancyMonths = 6;
    private Instant toleranceDoseSince;

    static PatientSnapshots noAnalgesia() {
        PatientSnapshots s = new PatientSnapshots();
        s.regimenVersion = 0;
        s.effectiveAt = null;
        s.lastOpioidChangeAt = null;
        return s;
    }

    static PatientSnapshots onStep1WithParacetamol() {
        PatientSnapshots s = new PatientSnapshots();
        s.lastOpioidChangeAt = null;
        return s.drug("PARACETAMOL", ScheduledDrug.NON_OPIOID, "ORAL", 4000, "mg", null, true);
    }

    /** Opioid regimens come with a regular laxative, as they should (§8.7); {@link #withoutLaxative()} removes it. */
    static PatientSnapshots onStep2WithCodeine(int mgPerDay) {
        return onStep1WithParacetamol().laxative().weak("CODEINE", mgPerDay, "0.15", 360).since(3);
    }

    static PatientSnapshots onStep2WithTramadol(int mgPerDay) {
        return onStep1WithParacetamol().laxative().weak("TRAMADOL", mgPerDay, "0.2", 400).since(3);
    }

    static PatientSnapshots onStep3WithOxycodone(int mgPerDay) {
        return onStep1WithParacetamol().laxative().strong("OXYCODONE", "ORAL", mgPerDay, "mg", "1.5")
                .rescue("OXYCODONE", "ORAL", "5", "1.5").since(3);
    }

    static PatientSnapshots onStep3WithMorphine(int mgPerDay) {
        return onStep1WithParacetamol().laxative().strong("MORPHINE", "ORAL", mgPerDay, "mg", "1")
                .rescue("MORPHINE", "ORAL", BigDecimal.valueOf(mgPerDay).divide(BigDecimal.valueOf(6), 0,
                        java.math.RoundingMode.HALF_UP).toPlainString(), "1").since(3);
    }

    static PatientSnapshots onFentanylPatch(int mcgPerHour) {
        return onStep1WithParacetamol().laxative().strong("FENTANYL", "TRANSDERMAL", mcgPerHour, "mcg/h", "2.4")
                .rescue("MORPHINE", "ORAL", "10", "1").since(3);
    }

    static PatientSnapshots onMethadone(int mgPerDay) {
        return onStep1WithParacetamol().laxative().strong("METHADONE", "ORAL", mgPerDay, "mg", "4.7")
                .rescue("MORPHINE", "ORAL", "10", "1").since(6);
    }

    PatientSnapshots strong(String code, String route, int daily, String unit, String factor) {
        tried.add(code);
        return drug(code, ScheduledDrug.STRONG_OPIOID, route, daily, unit, new BigDecimal(factor), false);
    }

    PatientSnapshots weak(String code, int daily, String factor, int ceiling) {
        return drug(code, ScheduledDrug.WEAK_OPIOID, "ORAL", daily, "mg", new BigDecimal(factor), daily >= ceiling);
    }

    PatientSnapshots adjuvant(String code) {
        return drug(code, ScheduledDrug.ADJUVANT, "ORAL", 900, "mg", null, false);
    }

    PatientSnapshots nsaid(String code) {
        return drug(code, ScheduledDrug.NON_OPIOID, "ORAL", 1200, "mg", null, false);
    }

    private PatientSnapshots drug(String code, String drugClass, String route, int daily, String unit,
                                  BigDecimal factor, boolean atCeiling) {
        BigDecimal dose = BigDecimal.valueOf(daily);
        scheduled.add(new ScheduledDrug(code, drugClass, route, dose, unit,
                factor == null ? null : dose.multiply(factor), atCeiling));
        return this;
    }

    PatientSnapshots rescue(String code, String route, String singleDose, String factor) {
        BigDecimal dose = new BigDecimal(singleDose);
        rescues.add(new RescueDose(code, route, dose, "mg", dose.multiply(new BigDecimal(factor))));
        return this;
    }

    PatientSnapshots transmucosalFentanylRescue(int mcg) {
        rescues.clear();
        rescues.add(new RescueDose("FENTANYL", "BUCCAL", BigDecimal.valueOf(mcg), "mcg", null));
        return this;
    }

    PatientSnapshots withoutLaxative() {
        scheduled.removeIf(d -> "SENNA".equals(d.code()));
        return this;
    }

    PatientSnapshots withoutRescue() {
        rescues.clear();
        return this;
    }

    /** The latest change of a scheduled opioid dose took effect this many hours ago. */
    PatientSnapshots lastOpioidChangeHoursAgo(double hours) {
        lastOpioidChangeAt = Assessments.NOW.minus(Duration.ofMinutes(Math.round(hours * 60)));
        if (effectiveAt == null || effectiveAt.isBefore(lastOpioidChangeAt)) {
            effectiveAt = lastOpioidChangeAt;
        }
        return this;
    }

    private PatientSnapshots since(int days) {
        lastOpioidChangeAt = Assessments.NOW.minus(Duration.ofDays(days));
        return this;
    }

    PatientSnapshots regimenVersion(long version, double effectiveHoursAgo) {
        regimenVersion = version;
        effectiveAt = Assessments.NOW.minus(Duration.ofMinutes(Math.round(effectiveHoursAgo * 60)));
        return this;
    }

    PatientSnapshots doseIncreasedHoursAgo(double... hours) {
        for (double h : hours) {
            doseIncreases.add(Assessments.NOW.minus(Duration.ofMinutes(Math.round(h * 60))));
        }
        return this;
    }

    PatientSnapshots alsoTried(String code) {
        tried.add(code);
        return this;
    }

    PatientSnapshots liveStep(int step) {
        liveStep = step;
        return this;
    }

    PatientSnapshots withBoneMetastases() {
        boneMetastases = true;
        return this;
    }

    PatientSnapshots with(PainCondition condition) {
        conditions.add(condition);
        return this;
    }

    PatientSnapshots with(PainAssessment... earlier) {
        assessments.addAll(List.of(earlier));
        return this;
    }

    /** eGFR in mL/min/1.73 m² (renal bands of §8.2). */
    PatientSnapshots egfr(double egfr) {
        factors = new PatientFactors(new RenalFunction(egfr, Dialysis.NONE, Assessments.NOW),
                factors.hepaticImpairment(),
                factors.frail(), factors.weightKg(), factors.unableToSwallow());
        return this;
    }

    PatientSnapshots onHaemodialysis() {
        factors = new PatientFactors(new RenalFunction(null, Dialysis.HAEMODIALYSIS, Assessments.NOW),
                factors.hepaticImpairment(), factors.frail(), factors.weightKg(), factors.unableToSwallow());
        return this;
    }

    PatientSnapshots hepatic(HepaticImpairment impairment) {
        factors = new PatientFactors(factors.renalFunction(), impairment, factors.frail(), factors.weightKg(),
                factors.unableToSwallow());
        return this;
    }

    PatientSnapshots contraindicated(Contraindication contraindication) {
        contraindications.add(contraindication);
        return this;
    }

    PatientSnapshots weighing(double kg) {
        factors = new PatientFactors(factors.renalFunction(), factors.hepaticImpairment(), factors.frail(), kg,
                factors.unableToSwallow());
        return this;
    }

    PatientSnapshots frail() {
        factors = new PatientFactors(factors.renalFunction(), factors.hepaticImpairment(), true, factors.weightKg(),
                factors.unableToSwallow());
        return this;
    }

    /** The patient cannot swallow (§8.2 unableToSwallow: oral medicines cannot be given). */
    PatientSnapshots unableToSwallow() {
        factors = new PatientFactors(factors.renalFunction(), factors.hepaticImpairment(), factors.frail(),
                factors.weightKg(), true);
        return this;
    }

    /**
     * The regimens have given a tolerance dose (§1.10) without a break since this many days ago; by default an
     * OMEDD of at least 60 has been taken for 10 days (as {@link #regimen()} assumes for step 3), else never.
     */
    PatientSnapshots toleranceDoseSinceDaysAgo(double days) {
        toleranceDoseSince = Assessments.NOW.minus(Duration.ofMinutes(Math.round(days * 24 * 60)));
        return this;
    }

    /** Age in the evaluation year (2026), from the birth year as the service computes it. */
    PatientSnapshots aged(int years) {
        birthYear = 2026 - years;
        return this;
    }

    PatientSnapshots primary(PrimarySite site) {
        primarySite = site;
        return this;
    }

    PatientSnapshots lifeExpectancyMonths(Integer months) {
        lifeExpectancyMonths = months;
        return this;
    }

    /** The regimen was recorded with this warning (e.g. FENTANYL_PATCH_NOT_OPIOID_TOLERANT). */
    PatientSnapshots regimenWarning(String code) {
        warnings.add(code);
        return this;
    }

    private PatientSnapshots laxative() {
        return drug("SENNA", ScheduledDrug.ADJUVANT, "ORAL", 15, "mg", null, false);
    }

    PatientSnapshots pending(PendingRecommendation recommendation) {
        pending.add(recommendation);
        return this;
    }

    RegimenFacts regimen() {
        if (regimenVersion == 0) {
            return RegimenFacts.none();
        }
        BigDecimal omedd = scheduled.stream().filter(ScheduledDrug::isOpioid).map(ScheduledDrug::omeddMg)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal prn = rescues.stream().map(r -> r.singleDoseOmeddMg() == null ? BigDecimal.ZERO
                : r.singleDoseOmeddMg().multiply(BigDecimal.valueOf(6))).reduce(BigDecimal.ZERO, BigDecimal::add);
        int step = PrimaryOpioid.scheduledStep(new RegimenFacts(0, null, null, scheduled, List.of(), 1, null, null,
                null, null, false, null));
        Set<String> codes = scheduled.stream().map(ScheduledDrug::code).collect(Collectors.toSet());
        boolean adjuvant = scheduled.stream().anyMatch(d -> d.isAdjuvant() && !"SENNA".equals(d.code()));
        Instant tolerantSince = toleranceDoseSince != null ? toleranceDoseSince
                : omedd.compareTo(BigDecimal.valueOf(60)) >= 0 ? effectiveAt.minus(Duration.ofDays(10)) : null;
        return new RegimenFacts(step, omedd, prn, scheduled, rescues, regimenVersion, effectiveAt,
                step >= 2 ? lastOpioidChangeAt : null, step == 3 ? effectiveAt.minus(Duration.ofDays(10)) : null,
                step == 3 ? tried : Set.of(), adjuvant, codes, doseIncreases, warnings, tolerantSince);
    }

    PatientSnapshot build() {
        RegimenFacts regimen = regimen();
        int step = liveStep >= 0 ? liveStep : regimen.ladderStep();
        return new PatientSnapshot(PATIENT, step, Assessments.NOW.minus(Duration.ofDays(5)), boneMetastases,
                conditions, lifeExpectancyMonths, primarySite, contraindications, regimen, assessments, pending,
                factors, factors.bands(birthYear, 2026));
    }
}

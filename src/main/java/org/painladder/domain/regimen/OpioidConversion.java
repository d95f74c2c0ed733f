package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Switching a patient from one opioid or route to another (clinical-rules §2): the source dose in OMEDD, the
 * equianalgesic dose of the target, and the dose to start after the cross-tolerance cut (default 25 %, 25-50 %
 * allowed). Special cases (§2.4-§2.6): methadone follows the non-linear morphine:methadone ratio, needs a
 * specialist and starts at no more than 30 mg/d; a fentanyl patch follows the label table with no extra cut and is
 * only for opioid-tolerant patients; a route change of the same opioid needs no cut, and from one parenteral route to
 * the other (or fentanyl patch to driver) is 1:1 per hour; buprenorphine has no MME factor and is refused. A daily
 * SC/IV fentanyl dose counts by its average rate, as an infusion does (§2.3).
 *
 * <p>The dose to start is rounded down to a dose that can be given ({@link DoseSteps}); the exact figure is in the
 * trace, whose last line names the dose proposed.
 *
 * <p>Conservative in the direction of travel (rules 2026.12.0, §8.1.3): the equianalgesic dose uses the profile's
 * factors, as the OMEDD of a regimen does; the dose to start uses, where a ratio is published as a range
 * ({@link ConversionRange}), the end that gives the lower target, and the trace and {@code factorsUsed} name it. So
 * a round trip A → B → A never ends above the start, and more of the source never gives less of the target.
 *
 * @param crossToleranceReductionPct the cut actually applied (0 where the method builds the margin in)
 * @param trace                      each step of the arithmetic, in order, as a clinician would check it
 * @param approximate                the source is an epidural or intrathecal line, whose oral equivalent rests on an
 *                                   approximate ratio (§8.10)
 */
public record OpioidConversion(
        BigDecimal fromOmeddMg,
        BigDecimal equianalgesicDailyDose,
        BigDecimal recommendedDailyDose,
        String unit,
        String factorsUsed,
        List<Caution> cautions,
        BigDecimal crossToleranceReductionPct,
        boolean requiresSpecialist,
        List<String> trace,
        boolean approximate) {

    public static final BigDecimal DEFAULT_REDUCTION_PCT = new BigDecimal("25");
    public static final BigDecimal MIN_REDUCTION_PCT = new BigDecimal("25");
    public static final BigDecimal MAX_REDUCTION_PCT = new BigDecimal("50");

    /** The patch label table starts at 60 mg/d oral morphine, the opioid-tolerance threshold (§1.10, §2.4). */
    static final BigDecimal PATCH_TABLE_START_MG = new BigDecimal("60");
    private static final BigDecimal PATCH_BAND_OFFSET_MG = new BigDecimal("45");
    private static final BigDecimal PATCH_BAND_WIDTH_MG = new BigDecimal("90");
    private static final BigDecimal PATCH_STEP_MCG_H = new BigDecimal("25");
    /** §2.5: morphine:methadone 4:1 below 90 mg/d, 8:1 from 90 to 300, 12:1 above 300. */
    private static final BigDecimal METHADONE_LOW_BAND_MG = new BigDecimal("90");
    private static final BigDecimal METHADONE_HIGH_BAND_MG = new BigDecimal("300");
    private static final BigDecimal METHADONE_LOW_RATIO = new BigDecimal("4");
    private static final BigDecimal METHADONE_MID_RATIO = new BigDecimal("8");
    private static final BigDecimal METHADONE_HIGH_RATIO = new BigDecimal("12");
    /** §8.5: the most methadone a conversion starts, whatever the prior dose (McPherson 2019: 30-40 mg/d). */
    static final BigDecimal METHADONE_START_CAP_MG = new BigDecimal("30");
    private static final BigDecimal HOURS_PER_DAY = new BigDecimal("24");

    public OpioidConversion {
        cautions = List.copyOf(cautions);
        trace = List.copyOf(trace);
    }

    /** A conversion request as received; the reduction may be null (then 25 %). */
    public record Request(String fromDrug, String fromRoute, BigDecimal dailyDose, String fromUnit, String toDrug,
                          String toRoute, BigDecimal crossToleranceReductionPct) {
    }

    private record Side(Drug drug, Route route, DoseUnit unit, MmeFactor factor) {
        boolean is(String code, Route byRoute) {
            return drug.code().equals(code) && route == byRoute;
        }
    }

    public static Validated<OpioidConversion> calculate(Request request, Formulary formulary) {
        List<RegimenViolation> violations = new ArrayList<>();
        Optional<Side> from = side(request.fromDrug(), request.fromRoute(), "from", formulary, violations);
        Optional<Side> to = side(request.toDrug(), request.toRoute(), "to", formulary, violations);
        LineFields.amount(request.dailyDose(), "from.dailyDose", true, violations);
        Optional<DoseUnit> unit = Optional.ofNullable(request.fromUnit()).flatMap(DoseUnit::parse);
        if (unit.isEmpty()) {
            violations.add(new RegimenViolation("from.unit", request.fromUnit() == null ? "is required"
                    : "unknown unit " + request.fromUnit() + "; use mg, mcg or mcg/h"));
        } else if (from.isPresent() && from.get().unit() != unit.get()) {
            violations.add(new RegimenViolation("from.unit", from.get().drug().code() + " " + from.get().route()
                    + " is dosed in " + from.get().unit().symbol() + ", not " + unit.get().symbol()));
        }
        BigDecimal reduction = request.crossToleranceReductionPct() == null ? DEFAULT_REDUCTION_PCT
                : request.crossToleranceReductionPct();
        if (reduction.compareTo(MIN_REDUCTION_PCT) < 0 || reduction.compareTo(MAX_REDUCTION_PCT) > 0) {
            violations.add(new RegimenViolation("crossToleranceReductionPct", "must be from 25 to 50 (25 by default;"
                    + " 50 when switching for adverse effects, in frail patients or with organ impairment)"));
        }
        if (from.isPresent() && to.isPresent() && from.get().drug().equals(to.get().drug())
                && from.get().route() == to.get().route()) {
            violations.add(new RegimenViolation("to", "is the same drug and route as from; nothing to convert"));
        }
        if (!violations.isEmpty()) {
            return new Validated.Invalid<>(violations);
        }
        return new Conversion(from.get(), to.get(), request.dailyDose(), reduction, formulary.profile()).result();
    }

    private static Optional<Side> side(String drugCode, String routeName, String field, Formulary formulary,
                                       List<RegimenViolation> violations) {
        Optional<Drug> drug = Optional.ofNullable(drugCode).flatMap(formulary::find);
        Optional<Route> route = Optional.ofNullable(routeName).flatMap(Route::parse);
        if (drug.isEmpty()) {
            violations.add(new RegimenViolation(field + ".drug", drugCode == null ? "is required"
                    : "unknown drug " + drugCode + "; GET /api/v1/formulary lists the codes"));
        } else if (!drug.get().isOpioid()) {
            violations.add(new RegimenViolation(field + ".drug", drug.get().code() + " is not an opioid;"
                    + " only opioids have oral morphine equivalents"));
        } else if (formulary.profile().factorsFor(drug.get().code()).isEmpty()) {
            violations.add(new RegimenViolation(field + ".drug", drug.get().code() + " has no MME factor: a partial"
                    + " µ-agonist with a ceiling effect that does not compare with full agonists (CDC 2022), so no"
                    + " equianalgesic dose can be given. Rotate to or from buprenorphine under specialist advice"
                    + " (EAPC quotes oral morphine : transdermal buprenorphine 75:1 as information only)."));
        }
        if (route.isEmpty()) {
            violations.add(new RegimenViolation(field + ".route", routeName == null ? "is required"
                    : "unknown route " + routeName));
        }
        if (field.equals("to") && route.filter(Route::isNeuraxial).isPresent()) {
            violations.add(new RegimenViolation("to.route", NeuraxialConversion.INTO_REFUSED));
        }
        if (drug.isEmpty() || route.isEmpty() || violations.stream().anyMatch(v -> v.field().equals(field + ".drug"))) {
            return Optional.empty();
        }
        // A daily dose to convert is given by the clock: parenteral fentanyl counts by its average rate (§2.3).
        Optional<MmeFactor> factor = formulary.profile().continuousInfusionFactor(drug.get().code(), route.get());
        if (factor.isEmpty()) {
            violations.add(new RegimenViolation(field + ".route", drug.get().code() + " has no MME factor for "
                    + route.get() + "; routes with one: " + formulary.profile().factorsFor(drug.get().code())
                    .keySet().stream().map(Route::name).sorted().toList()));
            return Optional.empty();
        }
        return Optional.of(new Side(drug.get(), route.get(), factor.get().unit(), factor.get()));
    }

    /** One calculation, step by step, recording its trace and cautions as it goes. */
    private static final class Conversion {
        private final Side from;
        private final Side to;
        private final BigDecimal dailyDose;
        private final BigDecimal requestedReduction;
        private final FactorProfile profile;
        private final List<Caution> cautions = new ArrayList<>();
        private final List<String> trace = new ArrayList<>();
        /** The range ends used in the direction of travel, for {@code factorsUsed}. */
        private final List<String> cautiousFactors = new ArrayList<>();

        Conversion(Side from, Side to, BigDecimal dailyDose, BigDecimal requestedReduction, FactorProfile profile) {
            this.from = from;
            this.to = to;
            this.dailyDose = dailyDose;
            this.requestedReduction = requestedReduction;
            this.profile = profile;
        }

        Validated<OpioidConversion> result() {
            BigDecimal fromFactor = from.factor().factorAt(dailyDose);
            BigDecimal omedd = dailyDose.multiply(fromFactor);
            BigDecimal fromOmedd = Amounts.rounded(omedd);
            trace.add(from.drug().name() + " " + Amounts.plain(dailyDose) + " " + dailyUnit(from) + " " + from.route()
                    + " × " + Amounts.plain(fromFactor) + " (" + from.factor().source() + ") = "
                    + Amounts.plain(fromOmedd) + " mg/d OMEDD");
            cautions.add(new Caution("ESTIMATE_ONLY", "Equianalgesic conversions are estimates; they cannot capture"
                    + " genetic or pharmacokinetic variation. Reassess within 24 h and titrate to effect (CDC 2022)."));
            cautions.add(new Caution("CANCER_PAIN_SCOPE", "Only the CDC conversion factors are borrowed: its 50 and"
                    + " 90 MME/day thresholds do not apply to cancer pain, and the factors are not for opioid use"
                    + " disorder dosing."));
            boolean specialist = from.drug().code().equals("METHADONE") || from.route().isNeuraxial();
            if (from.route().isNeuraxial()) {
                cautions.add(NeuraxialConversion.outOfCaution(from.route()));
            }
            if (specialist) {
                cautions.add(methadoneCaution());
            }
            if (from.is("FENTANYL", Route.TRANSDERMAL)) {
                cautions.add(new Caution("FENTANYL_PATCH_REMOVAL", "After the patch is removed fentanyl keeps being"
                        + " released for 12-36 h: start the new opioid about 12 h later, or at half dose."));
            }
            BigDecimal cautiousOmedd = cautiousOmedd(fromFactor, omedd);
            if (atTheSameRate()) {
                return sameRate(cautiousOmedd, fromOmedd, specialist);
            }
            if (to.drug().code().equals("METHADONE")) {
                return methadone(omedd, cautiousOmedd, fromOmedd);
            }
            if (to.is("FENTANYL", Route.TRANSDERMAL)) {
                return patch(omedd, cautiousOmedd, fromOmedd, specialist);
            }
            BigDecimal toFactor = to.factor().factor();
            BigDecimal equianalgesic = Amounts.rounded(Amounts.divide(omedd, toFactor));
            trace.add(Amounts.plain(fromOmedd) + " mg/d OMEDD ÷ " + Amounts.plain(toFactor) + " ("
                    + to.factor().source() + ") = " + Amounts.plain(equianalgesic) + " " + dailyUnit(to) + " "
                    + to.drug().name() + " " + to.route());
            BigDecimal cautiousEquianalgesic = cautiousTarget(toFactor, cautiousOmedd, equianalgesic);
            BigDecimal reduction = requestedReduction;
            if (from.drug().equals(to.drug())) {
                reduction = BigDecimal.ZERO;
                cautions.add(new Caution("SAME_OPIOID_ROUTE_CHANGE", "Same opioid by another route: no"
                        + " cross-tolerance cut; ratios between routes vary (EAPC 2012), so reassess early."));
            } else {
                cautions.add(new Caution("CROSS_TOLERANCE", "Cross-tolerance is incomplete: do not start the new"
                        + " opioid at the MME-equivalent dose. Cut " + Amounts.plain(reduction) + " % applied; use 50 %"
                        + " when switching for adverse effects, in frail patients or with organ impairment."));
            }
            BigDecimal recommended = Amounts.rounded(cautiousEquianalgesic.subtract(
                    Amounts.percentOf(cautiousEquianalgesic, reduction)));
            trace.add(Amounts.plain(cautiousEquianalgesic) + " × (100 - " + Amounts.plain(reduction) + ") % = "
                    + Amounts.plain(recommended) + " " + dailyUnit(to) + " to start");
            recommended = givable(withinCeiling(recommended));
            if (Route.TRANSDERMAL != to.route()) {
                cautions.add(rescue(recommended));
            }
            muActivityOnly();
            return done(fromOmedd, equianalgesic, recommended, reduction, specialist);
        }

        /**
         * Where the source has a published range, the OMEDD the target is computed from uses its low end (less oral
         * morphine counted), and the trace says so.
         */
        private BigDecimal cautiousOmedd(BigDecimal profileFactor, BigDecimal omedd) {
            Optional<ConversionRange> range = ConversionRange.of(from.drug().code(), from.route());
            if (range.isEmpty()) {
                return omedd;
            }
            BigDecimal factor = range.get().fromFactor(profileFactor);
            BigDecimal cautious = dailyDose.multiply(factor);
            cautiousFactors.add(from.drug().name() + " " + from.route() + " " + Amounts.plain(factor) + " (range "
                    + range.get().describe() + ")");
            trace.add("direction of travel: from " + from.drug().name() + " " + from.route() + " the lower factor of"
                    + " the range " + range.get().describe() + " (" + range.get().source() + "): "
                    + Amounts.plain(dailyDose) + " × " + Amounts.plain(factor) + " = "
                    + Amounts.plain(Amounts.rounded(cautious)) + " mg/d OMEDD for the target");
            return cautious;
        }

        /** Where the target has a published range, its high end (less of the target); else the cautious OMEDD ÷ factor. */
        private BigDecimal cautiousTarget(BigDecimal profileFactor, BigDecimal cautiousOmedd, BigDecimal equianalgesic) {
            Optional<ConversionRange> range = ConversionRange.of(to.drug().code(), to.route());
            BigDecimal factor = range.map(r -> r.toFactor(profileFactor)).orElse(profileFactor);
            BigDecimal target = Amounts.rounded(Amounts.divide(cautiousOmedd, factor));
            if (range.isPresent()) {
                cautiousFactors.add(to.drug().name() + " " + to.route() + " " + Amounts.plain(factor) + " (range "
                        + range.get().describe() + ")");
                trace.add("direction of travel: into " + to.drug().name() + " " + to.route() + " the higher factor of"
                        + " the range " + range.get().describe() + " (" + range.get().source() + "): "
                        + Amounts.plain(Amounts.rounded(cautiousOmedd)) + " ÷ " + Amounts.plain(factor) + " = "
                        + Amounts.plain(target) + " " + dailyUnit(to));
            } else if (target.compareTo(equianalgesic) != 0) {
                trace.add(Amounts.plain(Amounts.rounded(cautiousOmedd)) + " mg/d OMEDD ÷ " + Amounts.plain(factor)
                        + " = " + Amounts.plain(target) + " " + dailyUnit(to));
            }
            return target;
        }

        /**
         * §2.5 and §8.5: the morphine:methadone ratio widens with the dose and builds in the cross-tolerance margin;
         * the answer in a higher tier never falls below the most the tier below gives, so more morphine never gives
         * less methadone.
         */
        private Validated<OpioidConversion> methadone(BigDecimal omedd, BigDecimal cautiousOmedd,
                                                      BigDecimal fromOmedd) {
            BigDecimal equianalgesic = Amounts.rounded(methadoneFor(omedd, null));
            StringBuilder tierTrace = new StringBuilder();
            BigDecimal methadone = Amounts.rounded(methadoneFor(cautiousOmedd, tierTrace));
            trace.add(tierTrace.toString());
            if (!from.drug().code().equals("METHADONE")) {
                cautions.add(methadoneCaution());
            }
            cautions.add(new Caution("METHADONE_NON_LINEAR", "Conversion to methadone is non-linear: the ratio"
                    + " widens as the dose rises and already builds in the cross-tolerance margin, so no further"
                    + " cut is applied. The " + profile.factorsUsed() + " MME factor is for display only."));
            return done(fromOmedd, equianalgesic, givable(withinMethadoneStartCap(methadone)), BigDecimal.ZERO, true);
        }

        /** The tier's ratio, floored at the top of the tier below (90 ÷ 4 = 22.5; 300 ÷ 8 = 37.5 mg/d). */
        private static BigDecimal methadoneFor(BigDecimal omedd, StringBuilder tierTrace) {
            BigDecimal ratio;
            String tier;
            BigDecimal floor = BigDecimal.ZERO;
            String floorSum = null;
            if (omedd.compareTo(METHADONE_LOW_BAND_MG) < 0) {
                ratio = METHADONE_LOW_RATIO;
                tier = "< 90 mg/d";
            } else if (omedd.compareTo(METHADONE_HIGH_BAND_MG) <= 0) {
                ratio = METHADONE_MID_RATIO;
                tier = "90-300 mg/d";
                floor = Amounts.divide(METHADONE_LOW_BAND_MG, METHADONE_LOW_RATIO);
                floorSum = "90 ÷ 4";
            } else {
                ratio = METHADONE_HIGH_RATIO;
                tier = "> 300 mg/d";
                floor = Amounts.divide(METHADONE_HIGH_BAND_MG, METHADONE_MID_RATIO);
                floorSum = "300 ÷ 8";
            }
            BigDecimal byTier = Amounts.divide(omedd, ratio);
            BigDecimal methadone = byTier.max(floor);
            if (tierTrace != null) {
                tierTrace.append(Amounts.plain(Amounts.rounded(omedd))).append(" mg/d OMEDD is in the ").append(tier)
                        .append(" tier (morphine:methadone ").append(Amounts.plain(ratio)).append(":1) of 4 / 8 / 12"
                                + " : 1 for < 90 / 90-300 / > 300 mg/d: ÷ ").append(Amounts.plain(ratio)).append(" = ")
                        .append(Amounts.plain(Amounts.rounded(byTier))).append(" mg/d methadone");
                if (floor.compareTo(byTier) > 0) {
                    tierTrace.append("; the tier below gives up to ").append(Amounts.plain(floor))
                            .append(" mg/d (").append(floorSum).append("), so ").append(Amounts.plain(floor))
                            .append(" mg/d is kept: more morphine never gives less methadone");
                }
                tierTrace.append("; no further cut");
            }
            return methadone;
        }

        /**
         * §2.5, §8.5: whatever the prior dose, methadone starts at no more than 30 mg/d, the lower end of the 30-40
         * mg/d the consensus gives, because it accumulates over days and its ratio to morphine is unpredictable at
         * high doses; the uncapped figure is named so a specialist can titrate towards it.
         */
        private BigDecimal withinMethadoneStartCap(BigDecimal methadone) {
            if (methadone.compareTo(METHADONE_START_CAP_MG) <= 0) {
                return methadone;
            }
            BigDecimal capped = Amounts.rounded(METHADONE_START_CAP_MG);
            trace.add("methadone start cap " + Amounts.plain(capped) + " mg/d (McPherson 2019): "
                    + Amounts.plain(methadone) + " capped at " + Amounts.plain(capped) + " mg/d");
            cautions.add(new Caution("METHADONE_START_CAP", "Methadone starts at no more than "
                    + Amounts.plain(capped) + " mg/d whatever the prior opioid dose (McPherson 2019 consensus: a first"
                    + " total daily dose generally 30-40 mg; APS/CPDD, Chou 2014): the conversion gives "
                    + Amounts.plain(methadone) + " mg/d, but methadone accumulates for 5-7 days and its potency rises"
                    + " with the prior dose. Cover the gap with the rescue opioid and titrate no sooner than every 5-7"
                    + " days under a specialist."));
            return capped;
        }

        /**
         * A dose to start that can be given: rounded down to the daily step of the target's made strengths
         * ({@link DoseSteps#dailyStep}); the exact figure stays in the trace. Below one step the exact figure is kept.
         */
        private BigDecimal givable(BigDecimal recommended) {
            BigDecimal step = DoseSteps.dailyStep(to.drug().code(), to.route().name());
            BigDecimal floored = DoseSteps.floor(recommended, step);
            BigDecimal dose = Amounts.rounded(floored.signum() > 0 ? floored : recommended);
            if (dose.compareTo(recommended) != 0) {
                trace.add(Amounts.plain(recommended) + " rounded down to a dose that can be given ("
                        + Amounts.plain(step) + " " + dailyUnit(to) + " steps) = " + Amounts.plain(dose) + " "
                        + dailyUnit(to) + " to start" + perHour(dose));
            } else if (!perHour(dose).isEmpty()) {
                trace.add(Amounts.plain(dose) + " " + dailyUnit(to) + " to start" + perHour(dose));
            }
            return dose;
        }

        /** By a syringe driver or pump the daily dose is also a rate: " (37.5 mcg/h by syringe driver or pump)". */
        private String perHour(BigDecimal daily) {
            if (to.route() != Route.SC && to.route() != Route.IV) {
                return "";
            }
            return " (" + Amounts.plain(Amounts.rounded(Amounts.divide(daily, HOURS_PER_DAY))) + " "
                    + to.unit().symbol() + "/h by syringe driver or pump)";
        }

        /**
         * §2.3 (PCF; EAPC 2012): the same opioid from one parenteral route to the other, or a fentanyl patch to an
         * SC/IV infusion and back, is 1:1 by the amount per hour; no range is passed through the oral route twice
         * and no cross-tolerance cut applies.
         */
        private boolean atTheSameRate() {
            if (!from.drug().equals(to.drug())) {
                return false;
            }
            boolean fromParenteral = from.route() == Route.SC || from.route() == Route.IV;
            boolean toParenteral = to.route() == Route.SC || to.route() == Route.IV;
            boolean fentanyl = from.drug().code().equals("FENTANYL");
            return (fromParenteral || fentanyl && from.route() == Route.TRANSDERMAL)
                    && (toParenteral || fentanyl && to.route() == Route.TRANSDERMAL);
        }

        private Validated<OpioidConversion> sameRate(BigDecimal cautiousOmedd, BigDecimal fromOmedd,
                                                     boolean specialist) {
            if (to.route() == Route.TRANSDERMAL && cautiousOmedd.compareTo(PATCH_TABLE_START_MG) < 0) {
                return new Validated.Invalid<>(List.of(new RegimenViolation("to.drug", "a fentanyl patch is only"
                        + " for opioid-tolerant patients (at least 60 mg/d oral morphine for a week, §1.10); "
                        + Amounts.plain(Amounts.rounded(cautiousOmedd)) + " mg/d OMEDD is below that")));
            }
            BigDecimal perHour = from.unit() == DoseUnit.MCG_PER_H ? dailyDose
                    : Amounts.divide(dailyDose, HOURS_PER_DAY);
            BigDecimal equianalgesic = Amounts.rounded(to.unit() == DoseUnit.MCG_PER_H ? perHour
                    : from.unit() == DoseUnit.MCG_PER_H ? dailyDose.multiply(HOURS_PER_DAY) : dailyDose);
            trace.add(from.drug().name() + " " + from.route() + " → " + to.route() + " at the same amount per hour"
                    + " (1:1; PCF, EAPC 2012): " + Amounts.plain(Amounts.rounded(perHour)) + " "
                    + from.unit().symbol().replace("/h", "") + "/h = " + Amounts.plain(equianalgesic) + " "
                    + dailyUnit(to) + ", no cross-tolerance cut");
            cautions.add(new Caution("SAME_OPIOID_ROUTE_CHANGE", "Same opioid by another parenteral route, or a"
                    + " fentanyl patch to a syringe driver and back: 1:1 by the amount per hour (PCF; EAPC 2012), no"
                    + " cross-tolerance cut; reassess early."));
            BigDecimal recommended = givable(equianalgesic);
            if (to.route() == Route.TRANSDERMAL) {
                cautions.add(new Caution("FENTANYL_PATCH_TIMING", "Onset takes 12-24 h: keep the infusion running"
                        + " for 12 h after the first patch is applied. Change the patch strength no more often than"
                        + " every 72 h; heat and fever raise absorption."));
            } else {
                cautions.add(rescue(recommended));
            }
            return done(fromOmedd, equianalgesic, recommended, BigDecimal.ZERO, specialist);
        }

        /** §2.4: the label table, which builds in the margin; only for opioid-tolerant patients (§1.10). */
        private Validated<OpioidConversion> patch(BigDecimal omedd, BigDecimal cautiousOmedd, BigDecimal fromOmedd,
                                                  boolean specialist) {
            if (cautiousOmedd.compareTo(PATCH_TABLE_START_MG) < 0) {
                return new Validated.Invalid<>(List.of(new RegimenViolation("to.drug", "a fentanyl patch is only"
                        + " for opioid-tolerant patients (at least 60 mg/d oral morphine for a week, §1.10); "
                        + Amounts.plain(Amounts.rounded(cautiousOmedd)) + " mg/d OMEDD is below the label table,"
                        + " which starts at 60")));
            }
            BigDecimal equianalgesic = Amounts.rounded(Amounts.divide(omedd, to.factor().factor()));
            trace.add(Amounts.plain(fromOmedd) + " mg/d OMEDD ÷ " + Amounts.plain(to.factor().factor()) + " ("
                    + to.factor().source() + ") = " + Amounts.plain(equianalgesic) + " mcg/h");
            BigDecimal band = cautiousOmedd.subtract(PATCH_BAND_OFFSET_MG)
                    .divideToIntegralValue(PATCH_BAND_WIDTH_MG).add(BigDecimal.ONE);
            BigDecimal patch = Amounts.rounded(band.multiply(PATCH_STEP_MCG_H));
            BigDecimal bandLow = band.subtract(BigDecimal.ONE).multiply(PATCH_BAND_WIDTH_MG)
                    .add(PATCH_BAND_OFFSET_MG).max(PATCH_TABLE_START_MG);
            BigDecimal bandHigh = band.multiply(PATCH_BAND_WIDTH_MG).add(PATCH_BAND_OFFSET_MG).subtract(BigDecimal.ONE);
            trace.add("label table: " + Amounts.plain(bandLow) + "-" + Amounts.plain(bandHigh)
                    + " mg/d oral morphine → " + Amounts.plain(patch) + " mcg/h, no extra cut");
            cautions.add(new Caution("FENTANYL_PATCH_LABEL_TABLE", "Fentanyl patch dose from the label conversion"
                    + " table, which already builds in the cross-tolerance margin: no extra 25-50 % cut applied."
                    + " Doses are in mcg/h; heat and fever raise absorption."));
            cautions.add(new Caution("FENTANYL_PATCH_TIMING", "Onset takes 12-24 h: keep the previous slow-release"
                    + " dose or give immediate-release cover for the first 12 h. Change the patch strength no more"
                    + " often than every 72 h. Rescue with an immediate-release opioid at 10-20 % of "
                    + Amounts.plain(fromOmedd) + " mg/d OMEDD: " + Amounts.plain(rescueBound(fromOmedd, "10")) + "-"
                    + Amounts.plain(rescueBound(fromOmedd, "20")) + " mg oral morphine."));
            cautions.add(new Caution("OPIOID_TOLERANT_ONLY", "Only for opioid-tolerant patients: at least 60 mg/d"
                    + " oral morphine or equivalent for at least a week (FDA/NCCN)."));
            return done(fromOmedd, equianalgesic, patch, BigDecimal.ZERO, specialist);
        }

        /**
         * §1.7, §2.7: a weak opioid or tapentadol never starts above its ceiling (tramadol's 400 mg/d is a seizure
         * limit). The capped dose covers less than the source, so the caution says a strong opioid is the way on.
         */
        private BigDecimal withinCeiling(BigDecimal recommended) {
            Optional<BigDecimal> ceiling = to.unit() == DoseUnit.MG ? to.drug().ceilingDailyDoseMg(to.route())
                    : Optional.empty();
            if (ceiling.isEmpty() || recommended.compareTo(ceiling.get()) <= 0) {
                return recommended;
            }
            BigDecimal capped = Amounts.rounded(ceiling.get());
            BigDecimal coveredOmedd = Amounts.rounded(capped.multiply(to.factor().factor()));
            trace.add("ceiling " + Amounts.plain(capped) + " mg/d " + to.drug().name() + " (clinical-rules §1.7): "
                    + Amounts.plain(recommended) + " capped at " + Amounts.plain(capped) + " mg/d");
            cautions.add(new Caution("CEILING", to.drug().name() + " has a ceiling of " + Amounts.plain(capped)
                    + " mg/d (clinical-rules §1.7; for tramadol a seizure limit): the " + Amounts.plain(recommended)
                    + " mg/d the conversion gives is capped at " + Amounts.plain(capped) + " mg/d, worth only "
                    + Amounts.plain(coveredOmedd) + " mg/d OMEDD. This dose is beyond what " + to.drug().name()
                    + " can carry: choose a strong opioid without a ceiling instead (WHO step 3)."));
            return capped;
        }

        private Caution rescue(BigDecimal recommended) {
            return new Caution("RESCUE_DOSE", "After rotating, set the rescue dose to 10-20 % of the new daily dose: "
                    + Amounts.plain(rescueBound(recommended, "10")) + "-" + Amounts.plain(rescueBound(recommended, "20"))
                    + " " + to.unit().symbol() + " " + to.drug().name() + " per dose, then titrate.");
        }

        /** One caution, naming each end that has the dual action (tramadol to tapentadol names both). */
        private void muActivityOnly() {
            List<String> dual = List.of(from, to).stream().map(Side::drug)
                    .filter(drug -> drug.code().equals("TRAMADOL") || drug.code().equals("TAPENTADOL"))
                    .map(Drug::name).distinct().toList();
            if (!dual.isEmpty()) {
                boolean one = dual.size() == 1;
                cautions.add(new Caution("MU_ACTIVITY_ONLY", String.join(" and ", dual) + (one ? " also inhibits"
                        : " also inhibit") + " monoamine reuptake; " + (one ? "its MME reflects" : "their MMEs "
                        + "reflect") + " only the µ-opioid activity (CDC 2022 footnote)."));
            }
        }

        private Caution methadoneCaution() {
            return new Caution("METHADONE_SPECIALIST", "Methadone: long and variable half-life; respiratory"
                    + " depression peaks later and lasts longer than analgesia. Specialist supervision, a baseline"
                    + " QTc ECG and at least 5-7 days between dose changes.");
        }

        private Validated<OpioidConversion> done(BigDecimal fromOmedd, BigDecimal equianalgesic,
                                                 BigDecimal recommended, BigDecimal reduction, boolean specialist) {
            String factorsUsed = cautiousFactors.isEmpty() ? profile.factorsUsed() : profile.factorsUsed()
                    + "; direction of travel: " + String.join(", ", cautiousFactors);
            return new Validated.Valid<>(new OpioidConversion(fromOmedd, equianalgesic, recommended,
                    to.unit().symbol(), factorsUsed, onceEach(cautions), Amounts.rounded(reduction), specialist,
                    trace, from.route().isNeuraxial()));
        }

        /**
         * A caution is said once, however many steps of the calculation raise it (methadone from a neuraxial route is
         * a specialist's conversion twice over).
         */
        private static List<Caution> onceEach(List<Caution> raised) {
            Set<String> codes = new HashSet<>();
            return raised.stream().filter(caution -> codes.add(caution.code())).toList();
        }

        private static BigDecimal rescueBound(BigDecimal dailyDose, String pct) {
            return Amounts.rounded(Amounts.percentOf(dailyDose, new BigDecimal(pct)));
        }

        private static String dailyUnit(Side side) {
            return side.unit().dailySymbol();
        }
    }
}

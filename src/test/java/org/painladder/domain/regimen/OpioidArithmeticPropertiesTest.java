package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.regimen.OpioidConversionTest.converted;
import static org.painladder.domain.regimen.RegimenFixtures.CDC_2022;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Laws the OMEDD and conversion arithmetic must keep for every drug, route, dose and profile. */
class OpioidArithmeticPropertiesTest {

    /** A drug and route with an MME factor, as a regimen line or a conversion end names it. */
    record Opioid(String drug, Route route, DoseUnit unit) {
        @Override
        public String toString() {
            return drug + " " + route;
        }
    }

    private static final List<Opioid> OPIOIDS = opioids(FactorProfile.CDC_2022);

    private static Gen<Opioid> opioids() {
        return arbitrary().pick(OPIOIDS);
    }

    /** Tenths of a mg from 0.1 to 1000, the span of real single doses. */
    private static Gen<BigDecimal> doses() {
        return integers().between(1, 10_000).map(tenths -> BigDecimal.valueOf(tenths, 1));
    }

    @Test
    void omeddIsLinearInDose() {
        qt().forAll(opioids(), integers().between(1, 1000), integers().between(1, 10)).checkAssert((opioid, dose, k) ->
                assertEquals(omedd(opioid, BigDecimal.valueOf(dose), 1).multiply(BigDecimal.valueOf(k)),
                        omedd(opioid, BigDecimal.valueOf((long) dose * k), 1)));
    }

    @Test
    void omeddIsLinearInFrequency() {
        qt().forAll(opioids(), integers().between(1, 1000), integers().between(1, 24))
                .assuming((opioid, dose, times) -> opioid.route() != Route.TRANSDERMAL)
                .checkAssert((opioid, dose, times) ->
                        assertEquals(omedd(opioid, BigDecimal.valueOf(dose), 1).multiply(BigDecimal.valueOf(times)),
                                omedd(opioid, BigDecimal.valueOf(dose), times)));
    }

    @Test
    void roundTripReturnsTheStartingDoseBeforeReduction() {
        // A start so small that its equivalent rounds to 0.00 (codeine 0.1 mg/d as hydromorphone) cannot go back.
        qt().forAll(opioids(), opioids(), doses())
                // The patch gate reads the conversion's own (direction-of-travel) OMEDD, which the flat factor in
                // rotatable() can overstate: only starts the conversion accepts are round-tripped.
                .assuming((a, b, dose) -> rotatable(a, b, dose)
                        && OpioidConversion.calculate(request(a, dose, b, "25"), CDC_2022)
                                instanceof Validated.Valid<OpioidConversion>
                        && converted(request(a, dose, b, "25")).equianalgesicDailyDose().signum() > 0
                        // Nor back into a patch below the label table's 60 mg/d, which the gate refuses too.
                        && OpioidConversion.calculate(request(b, converted(request(a, dose, b, "25"))
                                .equianalgesicDailyDose(), a, "25"), CDC_2022)
                                instanceof Validated.Valid<OpioidConversion>)
                .checkAssert((a, b, dose) -> {
                    OpioidConversion there = converted(request(a, dose, b, "25"));
                    OpioidConversion back = converted(request(b, there.equianalgesicDailyDose(), a, "25"));
                    BigDecimal tolerance = factor(b).divide(factor(a), Amounts.DIVISION)
                            .multiply(new BigDecimal("0.005")).add(new BigDecimal("0.005"));
                    assertTrue(back.equianalgesicDailyDose().subtract(dose).abs().compareTo(tolerance) <= 0,
                            a + " " + dose + " -> " + b + " " + there.equianalgesicDailyDose() + " -> "
                                    + back.equianalgesicDailyDose());
                });
    }

    @Test
    void crossToleranceReductionAlwaysLowersTheDose() {
        qt().forAll(opioids(), opioids(), doses(), integers().between(25, 50))
                .assuming((a, b, dose, pct) -> rotatable(a, b, dose) && !a.drug().equals(b.drug())
                        && b.route() != Route.TRANSDERMAL
                        && converted(request(a, dose, b, "25")).equianalgesicDailyDose().compareTo(BigDecimal.ONE) >= 0)
                .checkAssert((a, b, dose, pct) -> {
                    OpioidConversion conversion = converted(request(a, dose, b, pct.toString()));
                    assertTrue(conversion.recommendedDailyDose().compareTo(conversion.equianalgesicDailyDose()) < 0,
                            conversion.toString());
                });
    }

    @Test
    void noValidInputGivesANegativeOrMissingNumberInAnyProfile() {
        Gen<Formulary> formularies = arbitrary().pick(FactorProfile.all()).map(Formulary::new);
        qt().forAll(formularies, arbitrary().pick(allOpioids()), arbitrary().pick(allOpioids()), doses())
                .checkAssert((formulary, a, b, dose) -> {
                    BigDecimal scheduled = omedd(formulary, a, dose, 1);
                    assertTrue(scheduled.signum() >= 0, a + " " + dose);
                    Validated<OpioidConversion> result = OpioidConversion.calculate(request(a, dose, b, "25"), formulary);
                    if (result instanceof Validated.Valid<OpioidConversion> valid) {
                        OpioidConversion conversion = valid.value();
                        for (BigDecimal number : List.of(conversion.fromOmeddMg(), conversion.equianalgesicDailyDose(),
                                conversion.recommendedDailyDose(), conversion.crossToleranceReductionPct())) {
                            assertTrue(number.signum() >= 0, conversion.toString());
                        }
                        assertTrue(conversion.recommendedDailyDose().compareTo(conversion.equianalgesicDailyDose()) <= 0
                                || conversion.unit().equals("mcg/h"), conversion.toString());
                    }
                });
    }

    /**
     * Rules 2026.12.0 §8.1.3: converting A to B and the dose to start back to A never ends above the start, in any
     * profile, for every pair that converts both ways (methadone and patches included). The allowance covers only
     * the rounding of the first answer to 2 decimals, carried through the second leg.
     */
    @Test
    void aRoundTripOfTheDoseToStartNeverEndsAboveTheStart() {
        Gen<Formulary> formularies = arbitrary().pick(FactorProfile.all()).map(Formulary::new);
        qt().forAll(formularies, arbitrary().pick(allOpioids()), arbitrary().pick(allOpioids()), doses())
                .checkAssert((formulary, a, b, dose) -> {
                    Optional<OpioidConversion> there = valid(formulary, request(a, dose, b, "25"));
                    if (there.isEmpty() || there.get().recommendedDailyDose().signum() == 0) {
                        return;
                    }
                    Optional<OpioidConversion> back = valid(formulary,
                            request(b, there.get().recommendedDailyDose(), a, "25"));
                    if (back.isEmpty()) {
                        return;
                    }
                    BigDecimal allowance = profileFactor(formulary, b).divide(profileFactor(formulary, a),
                            Amounts.DIVISION).multiply(new BigDecimal("0.005")).add(new BigDecimal("0.005"));
                    assertTrue(back.get().recommendedDailyDose().compareTo(dose.add(allowance)) <= 0,
                            formulary.profile().code() + ": " + a + " " + dose + " -> " + b + " "
                                    + there.get().recommendedDailyDose() + " -> " + back.get().recommendedDailyDose());
                });
    }

    /** Rules 2026.12.0 §8.1.4: more of the source never gives less of the target, in any profile and for any pair. */
    @Test
    void moreOfTheSourceNeverConvertsToLessOfTheTarget() {
        Gen<Formulary> formularies = arbitrary().pick(FactorProfile.all()).map(Formulary::new);
        Gen<BigDecimal[]> doseAndMore = doses().zip(integers().between(1, 5_000),
                (dose, moreTenths) -> new BigDecimal[] {dose, dose.add(BigDecimal.valueOf(moreTenths, 1))});
        qt().forAll(formularies, arbitrary().pick(allOpioids()), arbitrary().pick(allOpioids()), doseAndMore)
                .checkAssert((formulary, a, b, doses) -> {
                    BigDecimal dose = doses[0];
                    BigDecimal more = doses[1];
                    Optional<OpioidConversion> less = valid(formulary, request(a, dose, b, "25"));
                    Optional<OpioidConversion> larger = valid(formulary, request(a, more, b, "25"));
                    if (less.isPresent() && larger.isPresent()) {
                        String context = formulary.profile().code() + ": " + a + " " + dose + " / " + more + " -> " + b;
                        assertTrue(larger.get().recommendedDailyDose()
                                .compareTo(less.get().recommendedDailyDose()) >= 0, context);
                        assertTrue(larger.get().equianalgesicDailyDose()
                                .compareTo(less.get().equianalgesicDailyDose()) >= 0, context);
                    }
                });
    }

    /** The tester's case as a law: across the 90 and 300 mg/d tiers, more morphine never gives less methadone. */
    @Test
    void moreMorphineNeverConvertsToLessMethadone() {
        Opioid morphine = new Opioid("MORPHINE", Route.ORAL, DoseUnit.MG);
        Opioid methadone = new Opioid("METHADONE", Route.ORAL, DoseUnit.MG);
        qt().forAll(integers().between(1, 6_000), integers().between(1, 3_000)).checkAssert((tenths, moreTenths) -> {
            BigDecimal dose = BigDecimal.valueOf(tenths, 1);
            BigDecimal more = BigDecimal.valueOf(tenths + moreTenths, 1);
            assertTrue(converted(request(morphine, more, methadone, "25")).recommendedDailyDose()
                    .compareTo(converted(request(morphine, dose, methadone, "25")).recommendedDailyDose()) >= 0,
                    dose + " / " + more + " mg/d morphine");
        });
    }

    /**
     * Round 4 (§8.1, §2.3): the same daily amount counts the same OMEDD whether it runs by infusion or is given by the
     * clock as doses under the skin or into a vein, for every opioid with a parenteral route, in every profile.
     */
    @Test
    void theSameDailyAmountByScheduledDosesOrByInfusionHasTheSameOmedd() {
        Gen<Formulary> formularies = arbitrary().pick(FactorProfile.all()).map(Formulary::new);
        List<Opioid> parenteral = allOpioids().stream().filter(o -> o.route() == Route.SC || o.route() == Route.IV)
                .toList();
        qt().forAll(formularies, arbitrary().pick(parenteral), integers().between(1, 4_000),
                        arbitrary().pick(List.of(1, 2, 3, 4, 6, 8, 12, 24)))
                .checkAssert((formulary, opioid, tenthsPerHour, times) -> {
                    BigDecimal perHour = BigDecimal.valueOf(tenthsPerHour, 1);
                    BigDecimal daily = perHour.multiply(BigDecimal.valueOf(24));
                    BigDecimal dose = Amounts.divide(daily, BigDecimal.valueOf(times));
                    BigDecimal scheduled = omedd(formulary, opioid, dose, times);
                    BigDecimal infused = Omedd.of(RegimenFixtures.regimen(formulary, DeliveryModeOmeddTest.infusion(
                            opioid.drug(), opioid.route().name(), perHour.toPlainString(), opioid.unit().symbol())),
                            formulary).scheduledMg();
                    assertTrue(scheduled.subtract(infused).abs().compareTo(new BigDecimal("0.02")) <= 0,
                            formulary.profile().code() + " " + opioid + " " + dose + " x " + times + ": " + scheduled
                                    + " vs infusion " + perHour + "/h: " + infused);
                });
    }

    /** Round 4 (§2.5, §8.5): no conversion into methadone, from any opioid in any profile, starts above 30 mg/d. */
    @Test
    void noConversionIntoMethadoneStartsAboveTheCap() {
        Gen<Formulary> formularies = arbitrary().pick(FactorProfile.all()).map(Formulary::new);
        Opioid methadone = new Opioid("METHADONE", Route.ORAL, DoseUnit.MG);
        qt().forAll(formularies, arbitrary().pick(allOpioids()), integers().between(1, 200_000))
                .checkAssert((formulary, from, tenths) -> valid(formulary, request(from, BigDecimal.valueOf(tenths, 1),
                        methadone, "25")).ifPresent(conversion -> {
                            assertTrue(conversion.recommendedDailyDose()
                                    .compareTo(OpioidConversion.METHADONE_START_CAP_MG) <= 0, conversion.toString());
                            boolean capped = conversion.cautions().stream()
                                    .anyMatch(c -> c.code().equals("METHADONE_START_CAP"));
                            assertEquals(conversion.recommendedDailyDose().compareTo(
                                    OpioidConversion.METHADONE_START_CAP_MG) == 0 && capped, capped,
                                    conversion.toString());
                        }));
    }

    /**
     * Round 4 (§8.1.3): converting out of a drug whose factor is a published range never starts more of the target
     * than the range's lower end gives, less the cut, in any profile.
     */
    @Test
    void outOfARangeTheDoseToStartNeverExceedsWhatTheLowerEndGives() {
        Gen<Formulary> formularies = arbitrary().pick(FactorProfile.all()).map(Formulary::new);
        List<Opioid> ranged = allOpioids().stream()
                .filter(o -> ConversionRange.of(o.drug(), o.route()).isPresent()).toList();
        qt().forAll(formularies, arbitrary().pick(ranged), arbitrary().pick(allOpioids()), doses())
                .assuming((formulary, a, b, dose) -> !a.drug().equals(b.drug()) && !b.drug().equals("METHADONE")
                        && b.route() != Route.TRANSDERMAL)
                .checkAssert((formulary, a, b, dose) -> valid(formulary, request(a, dose, b, "25"))
                        .ifPresent(conversion -> {
                            BigDecimal low = ConversionRange.of(a.drug(), a.route()).orElseThrow()
                                    .fromFactor(profileFactor(formulary, a));
                            BigDecimal most = Amounts.divide(dose.multiply(low).multiply(new BigDecimal("0.75")),
                                    profileFactor(formulary, b)).add(new BigDecimal("0.01"));
                            assertTrue(conversion.recommendedDailyDose().compareTo(most) <= 0,
                                    formulary.profile().code() + ": " + a + " " + dose + " -> " + b + " "
                                            + conversion.recommendedDailyDose() + " > " + most);
                        }));
    }

    /**
     * Round 4 (§2.3): the same opioid from SC to IV and back, and a fentanyl patch to a driver and back, loses no dose:
     * 1:1 by the amount per hour, no range applied twice through the oral route, no cut.
     */
    @Test
    void aParenteralRouteChangeOfTheSameOpioidAndBackLosesNoDose() {
        Gen<Formulary> formularies = arbitrary().pick(FactorProfile.all()).map(Formulary::new);
        List<String> parenteralDrugs = allOpioids().stream().filter(o -> o.route() == Route.SC).map(Opioid::drug)
                .toList();
        qt().forAll(formularies, arbitrary().pick(parenteralDrugs), arbitrary().pick(List.of(Route.SC, Route.IV)),
                        integers().between(1, 400))
                .checkAssert((formulary, drug, first, units) -> {
                    Route other = first == Route.SC ? Route.IV : Route.SC;
                    DoseUnit unit = formulary.find(drug).orElseThrow().unitFor(first).orElseThrow();
                    BigDecimal step = DoseSteps.dailyStep(drug, first.name());
                    BigDecimal dose = step.multiply(BigDecimal.valueOf(units));
                    Opioid a = new Opioid(drug, first, unit);
                    Opioid b = new Opioid(drug, other, unit);
                    OpioidConversion there = valid(formulary, request(a, dose, b, "25")).orElseThrow();
                    OpioidConversion back = valid(formulary, request(b, there.recommendedDailyDose(), a, "25"))
                            .orElseThrow();
                    assertEquals(0, there.recommendedDailyDose().compareTo(dose), there.toString());
                    assertEquals(0, back.recommendedDailyDose().compareTo(dose), back.toString());
                });
        Opioid patch = new Opioid("FENTANYL", Route.TRANSDERMAL, DoseUnit.MCG_PER_H);
        qt().forAll(formularies, arbitrary().pick(List.of(Route.SC, Route.IV)), integers().between(2, 40))
                .checkAssert((formulary, route, halfSteps) -> {
                    BigDecimal mcgPerHour = new BigDecimal("12.5").multiply(BigDecimal.valueOf(halfSteps));
                    Opioid driver = new Opioid("FENTANYL", route, DoseUnit.MCG);
                    OpioidConversion toDriver = valid(formulary, request(patch, mcgPerHour, driver, "25"))
                            .orElseThrow();
                    assertEquals(0, toDriver.recommendedDailyDose().compareTo(mcgPerHour.multiply(
                            BigDecimal.valueOf(24))), toDriver.toString());
                    OpioidConversion toPatch = valid(formulary, request(driver, toDriver.recommendedDailyDose(), patch,
                            "25")).orElseThrow();
                    assertEquals(0, toPatch.recommendedDailyDose().compareTo(mcgPerHour), toPatch.toString());
                });
    }

    private static Optional<OpioidConversion> valid(Formulary formulary, OpioidConversion.Request request) {
        return OpioidConversion.calculate(request, formulary) instanceof Validated.Valid<OpioidConversion> valid
                ? Optional.of(valid.value()) : Optional.empty();
    }

    private static BigDecimal profileFactor(Formulary formulary, Opioid opioid) {
        return formulary.profile().continuousInfusionFactor(opioid.drug(), opioid.route()).map(MmeFactor::factor)
                .orElse(BigDecimal.ONE);
    }

    @Test
    void validationNeverAcceptsANonPositiveDose() {
        qt().forAll(arbitrary().pick(CDC_2022.drugs()), integers().between(-100_000, 0))
                .checkAssert((drug, tenths) -> {
                    Route route = drug.routeSet().iterator().next();
                    Validated<Regimen> checked = Regimen.check(List.of(new ProposedItem(drug.code(), route.name(),
                            BigDecimal.valueOf(tenths, 1), drug.unitFor(route).orElseThrow().symbol(), 1, false)),
                            CDC_2022);
                    assertTrue(checked instanceof Validated.Invalid<Regimen> invalid
                            && invalid.violations().stream().anyMatch(v -> v.field().equals("items[0].dose")));
                });
    }

    private static boolean rotatable(Opioid a, Opioid b, BigDecimal dose) {
        boolean sameLine = a.drug().equals(b.drug()) && a.route() == b.route();
        boolean methadone = a.drug().equals("METHADONE") || b.drug().equals("METHADONE");
        boolean patchForNaive = (a.route() == Route.TRANSDERMAL || b.route() == Route.TRANSDERMAL)
                && dose.multiply(factor(a)).compareTo(new BigDecimal("61")) < 0;
        return !sameLine && !methadone && !patchForNaive;
    }

    /** The factor a daily dose converts by: parenteral fentanyl by its average rate (§2.3). */
    private static BigDecimal factor(Opioid opioid) {
        return FactorProfile.CDC_2022.continuousInfusionFactor(opioid.drug(), opioid.route()).orElseThrow().factor();
    }

    private static OpioidConversion.Request request(Opioid from, BigDecimal dose, Opioid to, String reduction) {
        return new OpioidConversion.Request(from.drug(), from.route().name(), dose, from.unit().symbol(), to.drug(),
                to.route().name(), new BigDecimal(reduction));
    }

    private static BigDecimal omedd(Opioid opioid, BigDecimal dose, int times) {
        return omedd(CDC_2022, opioid, dose, times);
    }

    private static BigDecimal omedd(Formulary formulary, Opioid opioid, BigDecimal dose, int times) {
        Regimen regimen = RegimenFixtures.regimen(formulary, new ProposedItem(opioid.drug(), opioid.route().name(),
                dose, opioid.unit().symbol(), times, false));
        return Omedd.of(regimen, formulary).scheduledMg();
    }

    private static List<Opioid> allOpioids() {
        List<Opioid> all = new ArrayList<>();
        for (Drug drug : CDC_2022.drugs()) {
            if (drug.isOpioid()) {
                // Spinal lines are never SCHEDULED nor a conversion target: DeliveryModeOmeddTest covers them.
                drug.routes().forEach((route, unit) -> {
                    if (!route.isNeuraxial()) {
                        all.add(new Opioid(drug.code(), route, unit));
                    }
                });
            }
        }
        return all;
    }

    private static List<Opioid> opioids(FactorProfile profile) {
        return allOpioids().stream().filter(opioid -> profile.factor(opioid.drug(), opioid.route()).isPresent())
                .toList();
    }
}

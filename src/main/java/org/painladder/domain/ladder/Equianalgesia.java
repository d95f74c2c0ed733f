package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.Optional;
import org.painladder.domain.regimen.ConversionRange;
import org.painladder.domain.regimen.FactorProfile;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.MmeFactor;
import org.painladder.domain.regimen.OpioidConversion;
import org.painladder.domain.regimen.Route;
import org.painladder.domain.regimen.Validated;

/**
 * The equianalgesic arithmetic the ladder needs, taken from the regimen domain so that a rotation proposed here
 * matches {@code POST /opioid-conversions} to the milligram, under the policy's {@code mmeFactorProfile}.
 */
final class Equianalgesia {

    static final String ORAL = "ORAL";
    static final String SC = "SC";

    /**
     * EAPC 2012 oral morphine : transdermal buprenorphine 75:1 (§2.3), 1.8 mg/day per mcg/h. Information only, never
     * an OMEDD (CDC 2022 gives buprenorphine no MME factor): it sizes a rescue beside a patch, which would otherwise
     * be 0 mg.
     */
    static final BigDecimal BUPRENORPHINE_PATCH_MG_PER_MCG_H = new BigDecimal("1.8");

    private Equianalgesia() {
    }

    /**
     * The daily oral morphine a rescue is sized from: the OMEDD plus each buprenorphine patch by 75:1, methadone at
     * 4:1, the line {@code changed} (if any) at {@code newDailyDose}.
     */
    static BigDecimal rescueBasisMg(RegimenFacts regimen, BigDecimal omeddMg, ScheduledDrug changed,
                                    BigDecimal newDailyDose, String profile) {
        BigDecimal basis = regimen.scheduled().stream().filter(ScheduledDrug::isBuprenorphinePatch)
                .map(patch -> (patch.equals(changed) ? newDailyDose : patch.dailyDose())
                        .multiply(BUPRENORPHINE_PATCH_MG_PER_MCG_H))
                .reduce(omeddMg, BigDecimal::add);
        // Methadone's OMEDD factor is for display only (§2.5): a rescue in another opioid is a conversion out of it,
        // so it is sized from the conservative end of the morphine:methadone range (4:1), not 4.7 or a CDC 2016 tier.
        for (ScheduledDrug methadone : regimen.scheduled()) {
            if (!"METHADONE".equals(methadone.code()) || methadone.omeddMg() == null) {
                continue;
            }
            BigDecimal daily = methadone.equals(changed) ? newDailyDose : methadone.dailyDose();
            BigDecimal counted = methadone.omeddMg().multiply(daily).divide(methadone.dailyDose(), 4,
                    java.math.RoundingMode.HALF_UP);
            basis = basis.subtract(counted).add(daily.multiply(cautiousFactor(methadone, profile)));
        }
        return basis;
    }

    /**
     * mg oral morphine per unit of the drug when converting out of it (§8.1.3): the lower end of its published range
     * (tramadol 0.1 of 0.1-0.2, methadone 4 of 4-12), else its profile factor.
     */
    static BigDecimal cautiousFactor(ScheduledDrug drug, String profile) {
        BigDecimal factor = mmeFactor(drug.code(), drug.route(), profile).map(f -> f.factorAt(drug.dailyDose()))
                .orElse(BigDecimal.ZERO);
        return Route.parse(drug.route()).flatMap(route -> ConversionRange.of(drug.code(), route))
                .map(range -> range.fromFactor(factor)).orElse(factor);
    }

    static FactorProfile profile(String code) {
        return FactorProfile.byCode(code).orElse(FactorProfile.CDC_2022);
    }

    /** mg oral morphine per unit of the drug by the route; empty when the profile has no factor for it. */
    static Optional<BigDecimal> factor(String drug, String route, String profile) {
        return mmeFactor(drug, route, profile).map(MmeFactor::factor);
    }

    static Optional<MmeFactor> mmeFactor(String drug, String route, String profile) {
        return Route.parse(route).flatMap(r -> profile(profile).factor(drug, r));
    }

    /** The drug's ceiling daily dose by this route in mg (tapentadol 500, tramadol 400; §1.7), in the profile. */
    static Optional<BigDecimal> ceilingMg(String drug, String route, String profile) {
        return Route.parse(route).flatMap(r -> new Formulary(profile(profile)).find(drug)
                .flatMap(found -> found.ceilingDailyDoseMg(r)));
    }

    /**
     * Converts the current scheduled opioid to {@code toDrug} by {@code toRoute} with the cross-tolerance cut (the
     * regimen domain cuts nothing for a route change of the same opioid). Empty when no conversion exists
     * (buprenorphine has no MME factor).
     */
    static Optional<OpioidConversion> convert(ScheduledDrug from, String toDrug, String toRoute, int reductionPct,
                                              String profile) {
        BigDecimal cut = BigDecimal.valueOf(Math.max(reductionPct, OpioidConversion.MIN_REDUCTION_PCT.intValue()));
        OpioidConversion.Request request = new OpioidConversion.Request(from.code(), from.route(), from.dailyDose(),
                from.unit(), toDrug, toRoute, cut);
        Validated<OpioidConversion> result = OpioidConversion.calculate(request, new Formulary(profile(profile)));
        return result instanceof Validated.Valid<OpioidConversion> valid ? Optional.of(valid.value())
                : Optional.empty();
    }
}

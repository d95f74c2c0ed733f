package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A published range for an MME factor (clinical-rules §2.3, §2.5), used by conversions in the direction of travel
 * (§8.1.3): from this drug and route the low end, so the source counts for less oral morphine; into it the high end,
 * so less of the target is given. A profile's own factor outside the range widens it: a conversion is never less
 * cautious than the profile.
 *
 * @param low    the factor at the end that gives the lower target when converting from this drug and route
 * @param high   the factor at the end that gives the lower target when converting into it
 * @param source where the range is published
 */
public record ConversionRange(BigDecimal low, BigDecimal high, String source) {

    private static final String EAPC_MORPHINE = "EAPC 2012: oral to SC and oral to IV morphine 2:1-3:1";
    private static final String PCF_OXYCODONE = "PCF practice: oral:parenteral oxycodone 1.5-2:1 (x 1.5)";
    private static final String HYDROMORPHONE = "EAPC 2012 / PCF oral:parenteral 2:1 (10) to NCCN/US table"
            + " 1.5 mg IV = 30 mg oral morphine (20)";
    private static final String WEAK = "CDC 2022 MME table (codeine 0.15, tramadol 0.2), CDC/CMS data file"
            + " (dihydrocodeine 0.25) to UK PCF/BNF 10:1 (0.1) (clinical-rules §2.1, §2.2, §2.7)";
    private static final String ORAL_HYDROMORPHONE = "CDC 2016 MME table (4) to CDC 2022 (5) (clinical-rules §2.1,"
            + " §2.2)";

    /**
     * Parenteral fentanyl is not here: a daily SC/IV dose, given by the clock, counts 2.4 per mcg/h of its average
     * rate in every direction (its 0.3 per mcg is for single bolus doses, which are never a daily dose to convert).
     */
    private static final Map<String, Map<Route, ConversionRange>> PUBLISHED = Map.of(
            "MORPHINE", Map.of(Route.SC, range("2", "3", EAPC_MORPHINE), Route.IV, range("2", "3", EAPC_MORPHINE)),
            "OXYCODONE", Map.of(Route.SC, range("2.25", "3", PCF_OXYCODONE),
                    Route.IV, range("2.25", "3", PCF_OXYCODONE)),
            "HYDROMORPHONE", Map.of(Route.ORAL, range("4", "5", ORAL_HYDROMORPHONE),
                    Route.SC, range("10", "20", HYDROMORPHONE), Route.IV, range("10", "20", HYDROMORPHONE)),
            "CODEINE", Map.of(Route.ORAL, range("0.1", "0.15", WEAK)),
            "DIHYDROCODEINE", Map.of(Route.ORAL, range("0.1", "0.25", WEAK)),
            "TRAMADOL", Map.of(Route.ORAL, range("0.1", "0.2", WEAK)),
            "METHADONE", Map.of(Route.ORAL, range("4", "12", "morphine:methadone 4:1-12:1 (clinical-rules §2.5;"
                    + " CDC 2016 tiers 4-12, CDC 2022 4.7)")));

    /** The published range for this drug and route, if it has one. */
    public static Optional<ConversionRange> of(String drugCode, Route route) {
        return Optional.ofNullable(PUBLISHED.getOrDefault(drugCode, Map.of()).get(route));
    }

    /** The factor to convert from this drug and route: the lower of the range's low end and the profile's factor. */
    public BigDecimal fromFactor(BigDecimal profileFactor) {
        return low.min(profileFactor);
    }

    /** The factor to convert into this drug and route: the higher of the range's high end and the profile's. */
    BigDecimal toFactor(BigDecimal profileFactor) {
        return high.max(profileFactor);
    }

    /** "10-20", as the trace names it. */
    String describe() {
        return Amounts.plain(low) + "-" + Amounts.plain(high);
    }

    private static ConversionRange range(String low, String high, String source) {
        return new ConversionRange(new BigDecimal(low), new BigDecimal(high), source);
    }
}

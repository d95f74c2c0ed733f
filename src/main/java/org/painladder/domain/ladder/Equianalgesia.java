package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Oral morphine equivalents of the strong opioids the engine proposes (clinical-rules §2.1, §2.3, §2.7), so that a
 * rotation or a step-3 start can say how much of the new opioid matches the current OMEDD. The doses of the current
 * regimen are not recomputed here: their OMEDD comes with the regimen facts.
 */
final class Equianalgesia {

    static final String ORAL = "ORAL";
    static final String SC = "SC";

    private Equianalgesia() {
    }

    /** mg oral morphine per mg of the drug by the route, under the policy's factor profile; empty when not proposed. */
    static Optional<BigDecimal> factor(String drug, String route, String profile) {
        boolean parenteral = SC.equals(route) || "IV".equals(route);
        return Optional.ofNullable(switch (drug) {
            case "MORPHINE" -> parenteral ? (SC.equals(route) ? new BigDecimal("2") : new BigDecimal("3")) : BigDecimal.ONE;
            case "OXYCODONE" -> parenteral ? new BigDecimal("3") : new BigDecimal("1.5");
            case "HYDROMORPHONE" -> parenteral
                    ? ("UK_PCF".equals(profile) ? BigDecimal.TEN : new BigDecimal("20"))
                    : ("CDC_2016".equals(profile) ? new BigDecimal("4") : new BigDecimal("5"));
            default -> null;
        });
    }

    /** Where the factor comes from, for {@code factorsUsed} in the proposal. */
    static String source(String drug, String route, String profile) {
        boolean parenteral = SC.equals(route) || "IV".equals(route);
        if (!parenteral) {
            return "CDC_2016".equals(profile) && "HYDROMORPHONE".equals(drug) ? "CDC 2016" : "CDC 2022";
        }
        return switch (drug) {
            case "MORPHINE" -> "EAPC 2012";
            case "OXYCODONE" -> "PCF practice (oral:parenteral 2:1)";
            default -> "UK_PCF".equals(profile) ? "EAPC/PCF" : "NCCN/US equianalgesic table";
        };
    }

    /** The daily dose of {@code drug} by {@code route} that matches {@code omeddMg}, before any cross-tolerance cut. */
    static BigDecimal dailyDoseFor(BigDecimal omeddMg, String drug, String route, String profile) {
        BigDecimal factor = factor(drug, route, profile)
                .orElseThrow(() -> new IllegalArgumentException("no equianalgesic factor for " + drug + " " + route));
        return omeddMg.divide(factor, 2, RoundingMode.HALF_UP);
    }
}

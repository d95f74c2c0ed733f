package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.List;

/**
 * How many mg of oral morphine a day one unit of a drug's daily dose by one route is worth, and where that number
 * comes from. A tiered factor (CDC 2016 methadone) grows with the daily dose.
 *
 * @param factor the flat factor, or the first tier's when tiered
 * @param unit   the unit of the daily dose the factor multiplies (mg, mcg, or mcg/h for patches)
 * @param tiers  ordered by {@code upToDailyDose}; empty for a flat factor
 */
public record MmeFactor(BigDecimal factor, DoseUnit unit, String source, List<Tier> tiers) {

    /** Applies to daily doses up to and including {@code upToDailyDose}; null means no upper bound. */
    public record Tier(BigDecimal upToDailyDose, BigDecimal factor) {
    }

    public MmeFactor {
        tiers = List.copyOf(tiers);
    }

    public static MmeFactor flat(String factor, DoseUnit unit, String source) {
        return new MmeFactor(new BigDecimal(factor), unit, source, List.of());
    }

    /** The factor for this daily dose: the flat factor, or the tier the dose falls in. */
    public BigDecimal factorAt(BigDecimal dailyDose) {
        for (Tier tier : tiers) {
            if (tier.upToDailyDose() == null || dailyDose.compareTo(tier.upToDailyDose()) <= 0) {
                return tier.factor();
            }
        }
        return factor;
    }
}

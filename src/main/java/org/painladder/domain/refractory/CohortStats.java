package org.painladder.domain.refractory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the site's active patients sit on the ladder and how many are flagged refractory, against the 10–20 % the
 * literature expects (clinical-rules §3.2: CRPC 2017; Afsharimani 2015). A flag rate well above the band suggests
 * under-titration or over-flagging; well below, missed cases.
 *
 * @param byStep             active patients on ladder steps 0, 1, 2 and 3 (every step present)
 * @param controlledFraction active patients whose pain is CONTROLLED / active patients (0 when there are none)
 * @param refractoryOpen     cases that are not CLOSED, whatever the patient's status
 * @param refractoryFraction active patients with such a case / active patients (0 when there are none)
 */
public record CohortStats(long activePatients, Map<Integer, Long> byStep, BigDecimal controlledFraction,
                          long refractoryOpen, BigDecimal refractoryFraction, List<BigDecimal> expectedRefractoryRange) {

    public static final List<BigDecimal> EXPECTED_REFRACTORY_RANGE = List.of(new BigDecimal("0.10"), new BigDecimal("0.20"));

    public static CohortStats of(Map<Integer, Long> activeByStep, long activeControlled, long activeRefractory,
                                 long refractoryOpen) {
        Map<Integer, Long> byStep = new TreeMap<>();
        for (int step = 0; step <= 3; step++) {
            byStep.put(step, activeByStep.getOrDefault(step, 0L));
        }
        long active = byStep.values().stream().mapToLong(Long::longValue).sum();
        return new CohortStats(active, byStep, fraction(activeControlled, active), refractoryOpen,
                fraction(activeRefractory, active), EXPECTED_REFRACTORY_RANGE);
    }

    private static BigDecimal fraction(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4,
                RoundingMode.HALF_UP).stripTrailingZeros();
    }
}

package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A PRN (rescue) opioid of the current regimen.
 *
 * @param singleDose        one rescue dose in {@code unit}
 * @param singleDoseOmeddMg that dose in mg oral morphine, or null when it has no factor (buprenorphine)
 */
public record RescueDose(String code, String route, BigDecimal singleDose, String unit, BigDecimal singleDoseOmeddMg) {

    public RescueDose {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(singleDose, "singleDose");
        Objects.requireNonNull(unit, "unit");
    }

    /** Transmucosal fentanyl is not dose-proportional: it is titrated on its own and exempt from the 10–20 % rule. */
    public boolean isTransmucosalFentanyl() {
        return "FENTANYL".equals(code) && !"TRANSDERMAL".equals(route) && !"IV".equals(route) && !"SC".equals(route);
    }
}

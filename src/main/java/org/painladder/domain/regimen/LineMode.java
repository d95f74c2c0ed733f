package org.painladder.domain.regimen;

import java.util.Optional;

/**
 * How a regimen line delivers its drug (clinical-rules §8.10). SCHEDULED is dose × timesPerDay, by mouth or any other
 * route, as before; the other modes run through a syringe driver, pump or indwelling catheter (SC, IV, EPIDURAL,
 * INTRATHECAL).
 */
public enum LineMode {
    /** Dose × timesPerDay; the default. */
    SCHEDULED,
    /** A continuous infusion at {@code ratePerHour}. */
    CONTINUOUS_INFUSION,
    /** Patient-controlled analgesia: {@code bolusDose} on demand, {@code lockoutMinutes} apart, optional basal rate. */
    PCA,
    /** Regular injections (dose × timesPerDay) through an indwelling catheter. */
    CATHETER_BOLUS;

    /** Case does not matter, as for every enum in requests. */
    public static Optional<LineMode> parse(String text) {
        for (LineMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }

    /** Modes dosed as dose × timesPerDay. */
    public boolean dosedByTimesPerDay() {
        return this == SCHEDULED || this == CATHETER_BOLUS;
    }
}

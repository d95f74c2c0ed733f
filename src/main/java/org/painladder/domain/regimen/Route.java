package org.painladder.domain.regimen;

import java.util.Optional;

/**
 * How a drug is given. SC and IV opioid doses are worth more oral morphine than the same oral dose (§2.3);
 * INTRATHECAL and EPIDURAL lines run through a catheter or pump (§8.10) and are worth far more again.
 */
public enum Route {
    ORAL,
    SC,
    IV,
    TRANSDERMAL,
    SUBLINGUAL,
    RECTAL,
    TOPICAL,
    INTRATHECAL,
    EPIDURAL;

    /** Spinal routes: their opioid equivalents are approximate and never a conversion target (§8.10). */
    public boolean isNeuraxial() {
        return this == INTRATHECAL || this == EPIDURAL;
    }

    /** Routes a line can run through a catheter, a syringe driver or a pump by (§8.10's line modes). */
    public boolean takesLines() {
        return this == SC || this == IV || isNeuraxial();
    }

    /** Case does not matter, as for every enum in requests. */
    public static Optional<Route> parse(String text) {
        for (Route route : values()) {
            if (route.name().equalsIgnoreCase(text)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }
}

package org.painladder.domain.regimen;

import java.util.Optional;

/** How a drug is given. SC and IV opioid doses are worth more oral morphine than the same oral dose (§2.3). */
public enum Route {
    ORAL,
    SC,
    IV,
    TRANSDERMAL,
    SUBLINGUAL,
    RECTAL,
    TOPICAL;

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

package org.painladder.domain.regimen;

import java.util.Optional;

/** Units of a single dose as the EHR writes them; a transdermal dose is the delivery rate of the patches worn. */
public enum DoseUnit {
    MG("mg", "mg/d"),
    MCG("mcg", "mcg/d"),
    MCG_PER_H("mcg/h", "mcg/h");

    private final String symbol;
    private final String dailySymbol;

    DoseUnit(String symbol, String dailySymbol) {
        this.symbol = symbol;
        this.dailySymbol = dailySymbol;
    }

    /** As written in requests and answers: mg, mcg, mcg/h. */
    public String symbol() {
        return symbol;
    }

    /** The unit of a daily amount: a patch stays a rate, whatever its change interval. */
    public String dailySymbol() {
        return dailySymbol;
    }

    /** mg, mcg or mcg/h, in any case (MG, Mcg/H). */
    public static Optional<DoseUnit> parse(String text) {
        for (DoseUnit unit : values()) {
            if (unit.symbol.equalsIgnoreCase(text)) {
                return Optional.of(unit);
            }
        }
        return Optional.empty();
    }
}

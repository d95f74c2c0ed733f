package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Dose arithmetic kept exact until the answer: products of doses and factors are exact, quotients carry 16
 * significant digits, and every published amount is rounded half up to 2 decimals, as a clinician reads it.
 */
public final class Amounts {

    public static final int SCALE = 2;
    static final MathContext DIVISION = MathContext.DECIMAL64;
    static final BigDecimal HUNDRED = new BigDecimal("100");

    private Amounts() {
    }

    public static BigDecimal rounded(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, DIVISION);
    }

    /** {@code part} as a percentage of {@code whole}, rounded to 2 decimals. */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return rounded(divide(part.multiply(HUNDRED), whole));
    }

    static BigDecimal percentOf(BigDecimal whole, BigDecimal pct) {
        return divide(whole.multiply(pct), HUNDRED);
    }

    /** For messages: 60, 7.5, 0.15, never 60.00 or 6E+1. */
    static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}

package org.painladder.persistence;

import java.util.Locale;
import org.hibernate.exception.ConstraintViolationException;

/** Tells which database constraint refused a write, whatever exception wrapper the JPA layer put around it. */
final class ConstraintViolations {
    private ConstraintViolations() {
    }

    static boolean isViolationOf(Throwable failure, String constraintName) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                String name = violation.getConstraintName();
                String message = violation.getSQLException() == null ? "" : violation.getSQLException().getMessage();
                String needle = constraintName.toLowerCase(Locale.ROOT);
                return (name != null && name.toLowerCase(Locale.ROOT).contains(needle))
                        || (message != null && message.toLowerCase(Locale.ROOT).contains(needle));
            }
        }
        return false;
    }
}

package org.painladder.domain.regimen;

import java.util.List;

/** Either the checked value or the reasons it was refused: a refusal is a result, not an exception. */
public sealed interface Validated<T> {

    record Valid<T>(T value) implements Validated<T> {
    }

    record Invalid<T>(List<RegimenViolation> violations) implements Validated<T> {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }
}

package org.painladder.app;

import java.util.List;

/** Well-formed input that breaks a clinical or business rule (422), with one violation per offending field. */
public class ClinicalValidationException extends RuntimeException {

    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public ClinicalValidationException(List<Violation> violations) {
        super(violations.size() == 1 ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid");
        this.violations = List.copyOf(violations);
    }

    public ClinicalValidationException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}

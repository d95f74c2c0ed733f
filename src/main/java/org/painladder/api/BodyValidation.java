package org.painladder.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.painladder.app.ClinicalValidationException;

/** Validates a body built inside the service (e.g. the result of a merge patch) the way request bodies are. */
@ApplicationScoped
public class BodyValidation {

    private final Validator validator;

    BodyValidation(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T body) {
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<ClinicalValidationException.Violation> fields = violations.stream()
                    .map(v -> new ClinicalValidationException.Violation(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(ClinicalValidationException.Violation::field))
                    .toList();
            throw new ClinicalValidationException(fields);
        }
        return body;
    }
}

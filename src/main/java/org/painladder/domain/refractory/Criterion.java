package org.painladder.domain.refractory;

import java.util.Objects;

/** One criterion that held, with the numbers behind it, e.g. "OMEDD 240 mg/d (oxycodone 80 mg/d ×1.5) ≥ 200". */
public record Criterion(CriterionCode code, String detail) {
    public Criterion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}

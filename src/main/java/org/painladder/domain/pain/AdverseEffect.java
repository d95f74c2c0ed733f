package org.painladder.domain.pain;

import java.util.Objects;

public record AdverseEffect(AdverseEffectType type, Severity severity) {
    public AdverseEffect {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
    }
}

package org.painladder.domain.regimen;

import java.util.List;

/** What a regimen means clinically: its ladder step, its OMEDD with the trace, and the warnings it raises. */
public record RegimenEvaluation(int ladderStep, Omedd omedd, List<RegimenWarning> warnings, String factorsUsed) {

    public RegimenEvaluation {
        warnings = List.copyOf(warnings);
    }

    public boolean hasWarning(String code) {
        return warnings.stream().anyMatch(warning -> warning.code().equals(code));
    }
}

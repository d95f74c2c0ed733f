package org.painladder.domain.ladder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.painladder.domain.digest.Sha256;

/**
 * A recommendation the engine proposes; the service stores it as PENDING.
 *
 * @param rationale plain clinical words: why, and what to do
 * @param proposal  ordered, JSON-friendly: numbers as BigDecimal with their unit alongside. Keys used: {@code drug},
 *                  {@code route}, {@code direction} (UP | DOWN), {@code fromDailyDose}, {@code toDailyDose},
 *                  {@code unit}, {@code rescueDose}, {@code rescueUnit}, {@code frequency}, and {@code toStep} (the
 *                  ladder step an accepted escalation or step-down sets)
 * @param safetyChecks the clinical-rules §8.1 checks run on it (organ function, toxicity, opioid tolerance …), what
 *                     each found and what it changed
 */
public record ProposedRecommendation(RecommendationType type, RuleId ruleId, String rulesVersion, String rationale,
                                     Evidence evidence, Map<String, Object> proposal,
                                     List<SafetyCheck> safetyChecks) {

    public ProposedRecommendation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        Objects.requireNonNull(rationale, "rationale");
        evidence = evidence == null ? new Evidence(null, null, null, null, null) : evidence;
        proposal = proposal == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(proposal));
        safetyChecks = safetyChecks == null ? List.of() : List.copyOf(safetyChecks);
    }

    /**
     * "The same advice": the type, the rule and what it proposes (not the evidence, which changes with every score).
     * A SHA-256 hex string of 64 characters, stable across runs.
     */
    public String fingerprint() {
        String identity = type.name() + '|' + ruleId.code() + '|' + proposal;
        return Sha256.hex(identity);
    }

    /**
     * The card indicator for CDS Hooks: opioid toxicity (SAF-01, SAF-03 and a rotation it forces), red flags and a
     * fentanyl patch in a patient who is not opioid-tolerant are critical; SAF-02 and ladder moves a warning.
     */
    public String indicator() {
        if (Boolean.TRUE.equals(proposal.get("critical"))) {
            return "critical";
        }
        return switch (ruleId) {
            case SAF_01, SAF_03, TOL_01, RF_01, RF_02, RF_03 -> "critical";
            case SAF_02 -> "warning";
            default -> type.isLadderMove() ? "warning" : "info";
        };
    }

    /** The step an accepted recommendation sets ({@code toStep} of the proposal), or null when it does not move it. */
    public Integer targetStep() {
        Object step = proposal.get("toStep");
        return step instanceof Number number ? number.intValue() : null;
    }
}

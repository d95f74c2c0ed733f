package org.painladder.domain.ladder;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Why a rule fired, so that a clinician can check it: the assessments and scores it read, the OMEDD at the time, the
 * §6.2 thresholds that fired (by their §6.2 names) and any other fact it used (btp24h, adverse effects …).
 * The maps keep their insertion order so the evidence reads the same way every time.
 */
public record Evidence(List<UUID> assessmentIds, List<Integer> scores, BigDecimal omeddMg,
                       Map<String, Object> thresholds, Map<String, Object> facts) {

    public Evidence {
        assessmentIds = assessmentIds == null ? List.of() : List.copyOf(assessmentIds);
        scores = scores == null ? List.of() : List.copyOf(scores);
        thresholds = ordered(thresholds);
        facts = ordered(facts);
    }

    private static Map<String, Object> ordered(Map<String, Object> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}

package org.painladder.api.ladder;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.painladder.domain.ladder.LadderPolicy;
import org.painladder.domain.ladder.RecommendationType;
import org.painladder.domain.ladder.RuleId;

/**
 * The rules in force: their version, the §6.2 parameters by name, each rule with its type, summary and source, and
 * the choices the engine makes where the rule table leaves room.
 */
public record LadderPolicyResponse(String rulesVersion, Map<String, Object> parameters, List<LadderRule> rules,
                                   List<String> choices) {

    public record LadderRule(String ruleId, RecommendationType type, String summary, String source) {
    }

    static LadderPolicyResponse of(LadderPolicy policy) {
        List<LadderRule> rules = Arrays.stream(RuleId.values())
                .map(rule -> new LadderRule(rule.code(), rule.type(), rule.summary(), rule.source()))
                .toList();
        return new LadderPolicyResponse(LadderPolicy.RULES_VERSION, policy.parameters(), rules, policy.choices());
    }
}

package org.painladder.domain.ladder;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the pending list honest (clinical-rules §6.3; api.md): at most one pending ladder move, a new one supersedes
 * it, and advice equal to a pending recommendation (same fingerprint) is not repeated. A ladder move that sets the
 * rescue is the rescue advice of its evaluation: no RSC-01/02 beside it, and a pending one is superseded, so two
 * recommendations never name different rescue doses.
 */
final class PendingLedger {

    /** The rescue-size advice a ladder move's own rescue answers. */
    private static final Set<RuleId> RESCUE_SIZE = EnumSet.of(RuleId.RSC_01, RuleId.RSC_02);

    private PendingLedger() {
    }

    static Decision decide(List<PendingRecommendation> pending, Optional<ProposedRecommendation> ladderMove,
                           List<ProposedRecommendation> coAdvice, List<UUID> alsoSupersede) {
        Set<String> pendingFingerprints = new LinkedHashSet<>();
        Set<UUID> superseded = new LinkedHashSet<>(alsoSupersede);
        boolean moveSetsRescue = ladderMove.map(move -> move.proposal().containsKey("rescueDrug")).orElse(false);
        if (moveSetsRescue) {
            pending.stream().filter(p -> RESCUE_SIZE.contains(p.ruleId())).forEach(p -> superseded.add(p.id()));
        }
        pending.stream().filter(p -> !superseded.contains(p.id()))
                .forEach(p -> pendingFingerprints.add(p.fingerprint()));
        List<ProposedRecommendation> toAdd = new ArrayList<>();
        List<PendingRecommendation> pendingMoves = pending.stream()
                .filter(p -> p.type().isLadderMove() && !superseded.contains(p.id())).toList();
        Optional<ProposedRecommendation> newMove = ladderMove
                .filter(move -> !pendingFingerprints.contains(move.fingerprint()));
        if (newMove.isPresent()) {
            toAdd.add(newMove.get());
            pendingMoves.forEach(p -> superseded.add(p.id()));
        } else if (pendingMoves.size() > 1) {
            // The service lists pending recommendations oldest first: only the newest move stays.
            pendingMoves.subList(0, pendingMoves.size() - 1).forEach(p -> superseded.add(p.id()));
        }
        for (ProposedRecommendation advice : coAdvice) {
            if (!(moveSetsRescue && RESCUE_SIZE.contains(advice.ruleId()))
                    && pendingFingerprints.add(advice.fingerprint())) {
                toAdd.add(advice);
            }
        }
        return new Decision(toAdd, new ArrayList<>(superseded));
    }
}

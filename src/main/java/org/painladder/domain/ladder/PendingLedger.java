package org.painladder.domain.ladder;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the pending list honest (clinical-rules §6.3; api.md): at most one pending ladder move, a new one supersedes
 * it, and advice equal to a pending recommendation (same fingerprint) is not repeated.
 */
final class PendingLedger {

    private PendingLedger() {
    }

    static Decision decide(List<PendingRecommendation> pending, Optional<ProposedRecommendation> ladderMove,
                           List<ProposedRecommendation> coAdvice, List<UUID> alsoSupersede) {
        Set<String> pendingFingerprints = new LinkedHashSet<>();
        Set<UUID> superseded = new LinkedHashSet<>(alsoSupersede);
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
            if (pendingFingerprints.add(advice.fingerprint())) {
                toAdd.add(advice);
            }
        }
        return new Decision(toAdd, new ArrayList<>(superseded));
    }
}

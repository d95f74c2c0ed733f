package org.painladder.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.app.ReadingAuditTrail;
import org.painladder.domain.audit.ChainVerification;
import org.painladder.domain.audit.Checkpoint;

/**
 * The verdict on the audit trail: intact with the number of events checked, or the first break (its chain, its
 * place, the event when it still exists) and why. {@code pending} counts events not sealed yet; {@code chains} gives
 * the verdict per chain with its head and the last checkpoint kept outside the database.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerificationResponse(boolean intact, long count, long pending, int checkpoints,
                                        List<Chain> chains, String brokenChain, UUID brokenEventId, Long brokenSeq,
                                        String reason) {

    /** One chain of the trail (one per replica). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AuditChainVerdict")
    public record Chain(String chainId, boolean intact, long count, long headSeq, int checkpoints,
                        Long lastCheckpointSeq, Instant lastCheckpointAt, UUID brokenEventId, Long brokenSeq,
                        String reason) {

        static Chain of(ReadingAuditTrail.ChainVerdict verdict) {
            ChainVerification.Break broken = verdict.firstBreak().orElse(null);
            Checkpoint last = verdict.lastCheckpoint().orElse(null);
            return new Chain(verdict.chainId(), broken == null, verdict.count(), verdict.headSeq(),
                    verdict.checkpoints(), last == null ? null : last.seq(), last == null ? null : last.at(),
                    broken == null ? null : broken.eventId(), broken == null ? null : broken.seq(),
                    broken == null ? null : broken.reason());
        }
    }

    static ChainVerificationResponse of(ReadingAuditTrail.Verdict verdict) {
        List<Chain> chains = verdict.chains().stream().map(Chain::of).toList();
        ChainVerification.Break broken = verdict.firstBreak().orElse(null);
        String brokenChain = verdict.brokenChain().orElse(null);
        return new ChainVerificationResponse(verdict.intact(), verdict.count(), verdict.pending(),
                verdict.checkpoints(), chains, brokenChain, broken == null ? null : broken.eventId(),
                broken == null || broken.seq() == 0 ? null : broken.seq(), broken == null ? null : broken.reason());
    }
}

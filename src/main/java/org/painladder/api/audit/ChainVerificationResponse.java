package org.painladder.api.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.painladder.app.ReadingAuditTrail;

/**
 * The verdict on the audit chain: intact with the number of events checked, or the first broken event (its id, its
 * place in the chain) and why; {@code brokenEventId} is absent when the newest events were cut off.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerificationResponse(boolean intact, long count, UUID brokenEventId, Long brokenSeq, String reason) {

    static ChainVerificationResponse of(ReadingAuditTrail.Verdict verdict) {
        return verdict.firstBreak()
                .map(broken -> new ChainVerificationResponse(false, verdict.count(), broken.eventId(), broken.seq(),
                        broken.reason()))
                .orElseGet(() -> new ChainVerificationResponse(true, verdict.count(), null, null, null));
    }
}

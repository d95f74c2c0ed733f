package org.painladder.domain.audit;

import java.util.Optional;
import java.util.UUID;

/**
 * Walks the chain in {@code seq} order and stops at the first event that does not fit: a changed event (its hash no
 * longer matches its content), a removed or reordered one (a gap in seq, or a prevHash that is not the hash before
 * it), and finally newest events cut off the end (the chain head remembers the last seq and hash).
 */
public final class ChainVerification {

    /** The first event that breaks the chain and why; {@code eventId} is null when the end of the chain is missing. */
    public record Break(UUID eventId, long seq, String reason) {
    }

    private long expectedSeq = 1;
    private String expectedPrevHash = AuditChain.GENESIS;
    private long verified;
    private Break firstBreak;

    /** @return false once the chain is broken: later events need not be read */
    public boolean accept(AuditEvent event) {
        if (firstBreak != null) {
            return false;
        }
        if (event.seq() != expectedSeq) {
            firstBreak = new Break(event.id(), event.seq(), "expected event number " + expectedSeq + " here but found "
                    + event.seq() + ": an event before it was removed or renumbered");
        } else if (!event.prevHash().equals(expectedPrevHash)) {
            firstBreak = new Break(event.id(), event.seq(), "its prevHash is not the hash of the event before it");
        } else if (!AuditChain.hash(event).equals(event.hash())) {
            firstBreak = new Break(event.id(), event.seq(), "its content no longer matches its hash: it was changed");
        } else {
            verified++;
            expectedSeq++;
            expectedPrevHash = event.hash();
            return true;
        }
        return false;
    }

    /** A stored row that cannot even be read back as an event (an action or outcome no service writes). */
    public boolean unreadable(UUID eventId, long seq) {
        if (firstBreak == null) {
            firstBreak = new Break(eventId, seq, "it holds values the service never writes: it was changed");
        }
        return false;
    }

    /** The verdict once every event was offered, given what the chain head remembers as the newest event. */
    public Optional<Break> finish(long headSeq, String headHash) {
        if (firstBreak == null && (headSeq != expectedSeq - 1 || !headHash.equals(expectedPrevHash))) {
            firstBreak = new Break(null, expectedSeq, "the chain ends at event " + (expectedSeq - 1)
                    + " but its head records event " + headSeq + ": the newest events were removed or changed");
        }
        return Optional.ofNullable(firstBreak);
    }

    public long verified() {
        return verified;
    }
}

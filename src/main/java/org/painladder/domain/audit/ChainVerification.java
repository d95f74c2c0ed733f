package org.painladder.domain.audit;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Walks one chain in {@code seq} order and stops at the first event that does not fit: a changed event (its keyed
 * hash no longer matches, which no one without the key can repair), an event sealed with a key that is not
 * configured, a removed or reordered one (a gap in seq, or a prevHash that is not the hash before it), an event whose
 * hash differs from what a checkpoint recorded, and finally newest events cut off the end (against the chain head
 * and against the last checkpoint, which lives outside the database).
 */
public final class ChainVerification {

    /** The first event that breaks the chain and why; {@code eventId} is null when the event is missing. */
    public record Break(UUID eventId, long seq, String reason) {
    }

    private final AuditKeys keys;
    private final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private long expectedSeq = 1;
    private String expectedPrevHash = AuditChain.GENESIS;
    private long verified;
    private Break firstBreak;

    /** @param checkpoints the authentic checkpoints of this chain */
    public ChainVerification(AuditKeys keys, List<Checkpoint> checkpoints) {
        this.keys = keys;
        for (Checkpoint checkpoint : checkpoints) {
            this.checkpoints.merge(checkpoint.seq(), checkpoint, (kept, other) -> kept.hash().equals(other.hash())
                    ? kept : contradicting(kept, other));
        }
    }

    /** @return false once the chain is broken: later events need not be read */
    public boolean accept(AuditEvent event) {
        if (firstBreak != null) {
            return false;
        }
        Optional<String> expectedHash = event.keyId() == null ? Optional.empty()
                : keys.mac(event.keyId(), AuditChain.canonical(event));
        Checkpoint checkpoint = checkpoints.get(event.seq());
        if (event.seq() != expectedSeq) {
            firstBreak = new Break(event.id(), event.seq(), "expected event number " + expectedSeq + " here but found "
                    + event.seq() + ": an event before it was removed or renumbered");
        } else if (!expectedPrevHash.equals(event.prevHash())) {
            firstBreak = new Break(event.id(), event.seq(), "its prevHash is not the hash of the event before it");
        } else if (expectedHash.isEmpty()) {
            firstBreak = new Break(event.id(), event.seq(), "it is sealed with key id " + event.keyId()
                    + ", which is not configured: it cannot be checked");
        } else if (!Canonical.same(expectedHash.get(), event.hash())) {
            firstBreak = new Break(event.id(), event.seq(), "its content no longer matches its hash: it was changed");
        } else if (checkpoint != null && !checkpoint.hash().equals(event.hash())) {
            firstBreak = new Break(event.id(), event.seq(), "the checkpoint of " + checkpoint.at()
                    + " recorded another hash for this event: the chain was rewritten from here or before");
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

    /** The verdict once every event was offered, given what the chain head row remembers as the newest event. */
    public Optional<Break> finish(long headSeq, String headHash) {
        long end = expectedSeq - 1;
        if (firstBreak == null && (headSeq != end || !headHash.equals(expectedPrevHash))) {
            firstBreak = new Break(null, expectedSeq, "the chain ends at event " + end + " but its head records event "
                    + headSeq + ": the newest events were removed or changed");
        }
        Map.Entry<Long, Checkpoint> last = checkpoints.lastEntry();
        if (firstBreak == null && last != null && last.getKey() > end) {
            firstBreak = new Break(null, expectedSeq, "the checkpoint of " + last.getValue().at() + " records event "
                    + last.getKey() + " but the chain ends at event " + end + ": events " + expectedSeq + " to "
                    + last.getKey() + " were removed");
        }
        return Optional.ofNullable(firstBreak);
    }

    public long verified() {
        return verified;
    }

    public int checkpoints() {
        return checkpoints.size();
    }

    public Optional<Checkpoint> lastCheckpoint() {
        return Optional.ofNullable(checkpoints.lastEntry()).map(Map.Entry::getValue);
    }

    private Checkpoint contradicting(Checkpoint kept, Checkpoint other) {
        if (firstBreak == null) {
            firstBreak = new Break(null, kept.seq(), "two checkpoints (" + kept.at() + ", " + other.at()
                    + ") record different hashes for event " + kept.seq() + ": the chain was rewritten between them");
        }
        return kept;
    }
}

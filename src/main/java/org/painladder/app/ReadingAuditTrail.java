package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.painladder.domain.audit.AuditChain;
import org.painladder.domain.audit.AuditEvent;
import org.painladder.domain.audit.AuditKeys;
import org.painladder.domain.audit.ChainVerification;
import org.painladder.domain.audit.Checkpoint;
import org.painladder.domain.audit.CheckpointLog;
import org.painladder.persistence.AuditEvents;
import org.painladder.persistence.Page;

/**
 * Auditors read the access log and check that nobody has changed, removed or reordered an event in it: every chain
 * against its keyed hashes, its head row and the signed checkpoints kept outside the database.
 */
@ApplicationScoped
public class ReadingAuditTrail {

    /** One chain: events checked, where its head says it ends, its checkpoints, and its first break if any. */
    public record ChainVerdict(String chainId, long count, long headSeq, int checkpoints,
                               Optional<Checkpoint> lastCheckpoint, Optional<ChainVerification.Break> firstBreak) {
    }

    /**
     * Intact, or the first break: in a chain ({@code brokenChain}) or in the checkpoint log itself. {@code pending}
     * counts events written by other replicas and not sealed yet.
     */
    public record Verdict(boolean intact, long count, long pending, int checkpoints, List<ChainVerdict> chains,
                          Optional<String> brokenChain, Optional<ChainVerification.Break> firstBreak) {
    }

    private final AuditEvents auditEvents;
    private final AuditKeys keys;
    private final CheckpointLog checkpointLog;
    private final SealingAuditTrail sealing;

    ReadingAuditTrail(AuditEvents auditEvents, AuditKeys keys, CheckpointLog checkpointLog,
                      SealingAuditTrail sealing) {
        this.auditEvents = auditEvents;
        this.keys = keys;
        this.checkpointLog = checkpointLog;
        this.sealing = sealing;
    }

    public Page<AuditEvent> list(AuditEvents.Filter filter, int page, int size) {
        return auditEvents.list(filter, page, size);
    }

    public Verdict verify() {
        // What this replica wrote up to now is judged too, not left pending.
        sealing.sealPending();
        List<CheckpointLog.Recorded> recorded = checkpointLog.read();
        Optional<CheckpointLog.Recorded> forged = recorded.stream()
                .filter(line -> line.checkpoint().filter(checkpoint -> checkpoint.authentic(keys)).isEmpty())
                .findFirst();
        Map<String, List<Checkpoint>> checkpointsByChain = recorded.stream()
                .flatMap(line -> line.checkpoint().stream())
                .filter(checkpoint -> checkpoint.authentic(keys))
                .collect(Collectors.groupingBy(Checkpoint::chainId));

        List<ChainVerdict> chains = new ArrayList<>();
        Set<String> checkpointedChains = new LinkedHashSet<>(checkpointsByChain.keySet());
        for (AuditEvents.ChainHead head : auditEvents.chains()) {
            checkpointedChains.remove(head.chainId());
            ChainVerification verification = new ChainVerification(keys,
                    checkpointsByChain.getOrDefault(head.chainId(), List.of()));
            auditEvents.walkChain(head.chainId(), event -> event.seq() <= head.lastSeq() && verification.accept(event),
                    (id, seq) -> verification.unreadable(id, seq));
            Optional<ChainVerification.Break> firstBreak = verification.finish(head.lastSeq(), head.lastHash());
            chains.add(new ChainVerdict(head.chainId(), verification.verified(), head.lastSeq(),
                    verification.checkpoints(), verification.lastCheckpoint(), firstBreak));
        }
        for (String removed : checkpointedChains) {
            Checkpoint last = checkpointsByChain.get(removed).stream().max(Comparator.comparingLong(Checkpoint::seq))
                    .orElseThrow();
            chains.add(new ChainVerdict(removed, 0, 0, checkpointsByChain.get(removed).size(), Optional.of(last),
                    Optional.of(new ChainVerification.Break(null, 1, "the checkpoint of " + last.at() + " records "
                            + last.seq() + " events in this chain, but the database has no such chain: it was removed"))));
        }

        long count = chains.stream().mapToLong(ChainVerdict::count).sum();
        int checkpoints = chains.stream().mapToInt(ChainVerdict::checkpoints).sum();
        long pending = auditEvents.pending();
        if (forged.isPresent()) {
            String reason = "line " + forged.get().line() + " of the checkpoint log is not a checkpoint signed by a"
                    + " configured audit key: it was forged or damaged";
            return new Verdict(false, count, pending, checkpoints, chains, Optional.empty(),
                    Optional.of(new ChainVerification.Break(null, 0, reason)));
        }
        Optional<ChainVerdict> broken = chains.stream().filter(chain -> chain.firstBreak().isPresent()).findFirst();
        if (broken.isPresent()) {
            return new Verdict(false, count, pending, checkpoints, chains, broken.map(ChainVerdict::chainId),
                    broken.flatMap(ChainVerdict::firstBreak));
        }
        Optional<AuditEvent> forgedPending = firstForgedPending();
        return new Verdict(forgedPending.isEmpty(), count, pending, checkpoints, chains,
                forgedPending.map(AuditEvent::chainId), forgedPending.map(event -> new ChainVerification.Break(
                        event.id(), 0, "it waits to be sealed but its MAC does not match its content: it was inserted"
                        + " or changed in the database, not written by the service")));
    }

    /** A pending event the service did not write as it stands: the sealers leave it out of every chain. */
    private Optional<AuditEvent> firstForgedPending() {
        List<AuditEvent> forged = new ArrayList<>(1);
        auditEvents.walkPending(event -> {
            if (AuditChain.writtenWithKey(event, keys)) {
                return true;
            }
            forged.add(event);
            return false;
        }, (id, seq) -> {
            forged.add(new AuditEvent(id, null, null, null, null, null, null, null));
            return false;
        });
        return forged.stream().findFirst();
    }
}

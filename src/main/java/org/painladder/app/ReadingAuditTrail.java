package org.painladder.app;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.painladder.domain.audit.AuditEvent;
import org.painladder.domain.audit.ChainVerification;
import org.painladder.persistence.AuditEvents;
import org.painladder.persistence.Page;

/** Auditors read the access log and check that nobody has changed, removed or reordered an event in it. */
@ApplicationScoped
public class ReadingAuditTrail {

    /** Intact with the number of events, or the first event that breaks the chain and why. */
    public record Verdict(boolean intact, long count, Optional<ChainVerification.Break> firstBreak) {
    }

    private final AuditEvents auditEvents;

    ReadingAuditTrail(AuditEvents auditEvents) {
        this.auditEvents = auditEvents;
    }

    public Page<AuditEvent> list(AuditEvents.Filter filter, int page, int size) {
        return auditEvents.list(filter, page, size);
    }

    public Verdict verify() {
        AuditEvents.ChainHead head = auditEvents.head();
        ChainVerification verification = new ChainVerification();
        auditEvents.walkInOrder(event -> event.seq() <= head.lastSeq() && verification.accept(event),
                (id, seq) -> verification.unreadable(id, seq));
        Optional<ChainVerification.Break> firstBreak = verification.finish(head.lastSeq(), head.lastHash());
        return new Verdict(firstBreak.isEmpty(), verification.verified(), firstBreak);
    }
}

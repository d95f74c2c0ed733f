package org.painladder.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Any change, removal or reordering of a stored event is found, and the first broken event is named. */
class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:30:00.123456789Z");
    private static final UUID PATIENT = UUID.fromString("7d0c3f56-0b7e-4a0e-9a51-5f0d7c1e2a10");

    @Test
    void anUntouchedChainIsIntact() {
        List<AuditEvent> chain = chainOf(5);
        ChainVerification verification = verify(chain);
        assertEquals(Optional.empty(), verification.finish(5, chain.get(4).hash()));
        assertEquals(5, verification.verified());
        assertEquals(AuditChain.GENESIS, chain.get(0).prevHash());
        assertEquals(chain.get(0).hash(), chain.get(1).prevHash());
    }

    @Test
    void aChangedActorIsNamed() {
        List<AuditEvent> chain = chainOf(5);
        AuditEvent original = chain.get(2);
        Access access = original.access();
        chain.set(2, new AuditEvent(original.id(), original.seq(), original.at(), new Access("someone.else",
                access.role(), access.client(), access.action(), access.resourceType(), access.resourceId(),
                access.patientId(), access.outcome(), access.status(), access.correlationId()),
                original.prevHash(), original.hash()));
        ChainVerification.Break broken = verify(chain).finish(5, chain.get(4).hash()).orElseThrow();
        assertEquals(original.id(), broken.eventId());
        assertTrue(broken.reason().contains("changed"), broken.reason());
    }

    @Test
    void aRemovedEventIsFoundAtItsSuccessor() {
        List<AuditEvent> chain = chainOf(5);
        chain.remove(1);
        ChainVerification.Break broken = verify(chain).finish(5, chain.get(3).hash()).orElseThrow();
        assertEquals(chain.get(1).id(), broken.eventId());
        assertEquals(3, broken.seq());
    }

    @Test
    void anEventRehashedAfterEditingBreaksTheNextLink() {
        List<AuditEvent> chain = chainOf(3);
        AuditEvent original = chain.get(0);
        Access forged = new Access("someone.else", "admin", null, AuditAction.READ, "patients", null, PATIENT,
                AuditOutcome.SUCCESS, 200, "c-0");
        chain.set(0, AuditChain.link(forged, original.id(), 1, original.at(), AuditChain.GENESIS));
        ChainVerification.Break broken = verify(chain).finish(3, chain.get(2).hash()).orElseThrow();
        assertEquals(chain.get(1).id(), broken.eventId());
        assertTrue(broken.reason().contains("prevHash"), broken.reason());
    }

    @Test
    void cuttingOffTheNewestEventsIsFoundFromTheHead() {
        List<AuditEvent> chain = chainOf(4);
        String headHash = chain.get(3).hash();
        chain.remove(3);
        ChainVerification.Break broken = verify(chain).finish(4, headHash).orElseThrow();
        assertEquals(null, broken.eventId());
        assertEquals(4, broken.seq());
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        Access split = new Access("dr.lee", "clinician|admin", null, AuditAction.READ, "patients", null, null,
                AuditOutcome.SUCCESS, 200, null);
        Access shifted = new Access("dr.lee|clinician", "admin", null, AuditAction.READ, "patients", null, null,
                AuditOutcome.SUCCESS, 200, null);
        UUID id = UUID.randomUUID();
        assertNotEquals(AuditChain.link(split, id, 1, T0, AuditChain.GENESIS).hash(),
                AuditChain.link(shifted, id, 1, T0, AuditChain.GENESIS).hash());
    }

    @Test
    void timeIsHashedAtTheMicrosecondsADatabaseKeeps() {
        AuditEvent event = chainOf(1).get(0);
        assertEquals(Instant.parse("2026-11-20T08:30:01.123456Z"), event.at(), "T0 + 1 s, nanoseconds dropped");
    }

    private static List<AuditEvent> chainOf(int events) {
        List<AuditEvent> chain = new ArrayList<>();
        String prevHash = AuditChain.GENESIS;
        for (int i = 1; i <= events; i++) {
            Access access = new Access("dr.lee", "clinician", "ehr-gateway", AuditAction.READ, "patients",
                    PATIENT.toString(), PATIENT, AuditOutcome.SUCCESS, 200, "c-" + i);
            AuditEvent event = AuditChain.link(access, UUID.randomUUID(), i, T0.plusSeconds(i), prevHash);
            chain.add(event);
            prevHash = event.hash();
        }
        return chain;
    }

    private static ChainVerification verify(List<AuditEvent> chain) {
        ChainVerification verification = new ChainVerification();
        for (AuditEvent event : chain) {
            if (!verification.accept(event)) {
                break;
            }
        }
        return verification;
    }
}

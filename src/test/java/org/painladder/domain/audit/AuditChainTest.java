package org.painladder.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Any change, removal or reordering of a stored event is found and the first broken event named, even when whoever
 * changed it recomputed every later hash: without the key, the hashes they compute are not the chain's.
 */
class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:30:00.123456789Z");
    private static final UUID PATIENT = UUID.fromString("7d0c3f56-0b7e-4a0e-9a51-5f0d7c1e2a10");
    private static final TestKeys KEYS = TestKeys.only("k1", "the audit key, kept outside the database");

    @Test
    void anUntouchedChainIsIntact() {
        List<AuditEvent> chain = chainOf(5, KEYS);
        ChainVerification verification = verify(chain, KEYS, List.of());
        assertEquals(Optional.empty(), verification.finish(5, chain.get(4).hash()));
        assertEquals(5, verification.verified());
        assertEquals(AuditChain.GENESIS, chain.get(0).prevHash());
        assertEquals(chain.get(0).hash(), chain.get(1).prevHash());
        assertEquals("k1", chain.get(0).keyId());
    }

    @Test
    void aChangedActorIsNamed() {
        List<AuditEvent> chain = chainOf(5, KEYS);
        AuditEvent original = chain.get(2);
        chain.set(2, new AuditEvent(original.id(), original.chainId(), original.seq(), original.at(),
                withActor(original.access(), "someone.else"), original.keyId(), original.prevHash(), original.hash()));
        ChainVerification.Break broken = verify(chain, KEYS, List.of()).finish(5, chain.get(4).hash()).orElseThrow();
        assertEquals(original.id(), broken.eventId());
        assertTrue(broken.reason().contains("changed"), broken.reason());
    }

    @Test
    void anEventEditedAndRehashedOnwardWithoutTheKeyIsNamed() {
        List<AuditEvent> chain = chainOf(6, KEYS);
        TestKeys attackersGuess = TestKeys.only("k1", "not the audit key");
        List<AuditEvent> forged = new ArrayList<>(chain.subList(0, 2));
        String prevHash = chain.get(1).hash();
        for (int i = 2; i < chain.size(); i++) {
            AuditEvent original = chain.get(i);
            Access access = i == 2 ? withActor(original.access(), "someone.else") : original.access();
            AuditEvent rehashed = AuditChain.seal(AuditChain.pending(access, original.id(), "main", original.at(), attackersGuess),
                    original.seq(), prevHash, attackersGuess);
            forged.add(rehashed);
            prevHash = rehashed.hash();
        }
        ChainVerification.Break broken = verify(forged, KEYS, List.of()).finish(6, prevHash).orElseThrow();
        assertEquals(chain.get(2).id(), broken.eventId());
        assertEquals(3, broken.seq());
        assertTrue(broken.reason().contains("no longer matches its hash"), broken.reason());
    }

    @Test
    void aRemovedEventIsFoundAtItsSuccessor() {
        List<AuditEvent> chain = chainOf(5, KEYS);
        chain.remove(1);
        ChainVerification.Break broken = verify(chain, KEYS, List.of()).finish(5, chain.get(3).hash()).orElseThrow();
        assertEquals(chain.get(1).id(), broken.eventId());
        assertEquals(3, broken.seq());
    }

    @Test
    void cuttingOffTheNewestEventsIsFoundFromTheHead() {
        List<AuditEvent> chain = chainOf(4, KEYS);
        String headHash = chain.get(3).hash();
        chain.remove(3);
        ChainVerification.Break broken = verify(chain, KEYS, List.of()).finish(4, headHash).orElseThrow();
        assertEquals(null, broken.eventId());
        assertEquals(4, broken.seq());
    }

    @Test
    void cuttingOffTheNewestEventsAndTheHeadIsFoundFromTheLastCheckpoint() {
        List<AuditEvent> chain = chainOf(6, KEYS);
        Checkpoint checkpoint = Checkpoint.of("main", 6, chain.get(5).hash(), T0.plusSeconds(60), KEYS);
        List<AuditEvent> cut = chain.subList(0, 4);
        ChainVerification.Break broken = verify(cut, KEYS, List.of(checkpoint)).finish(4, cut.get(3).hash())
                .orElseThrow();
        assertEquals(5, broken.seq());
        assertTrue(broken.reason().contains("events 5 to 6 were removed"), broken.reason());
    }

    @Test
    void aChainRewrittenBeforeItsCheckpointDisagreesWithIt() {
        List<AuditEvent> chain = chainOf(3, KEYS);
        Checkpoint checkpoint = Checkpoint.of("main", 2, "f".repeat(64), T0.plusSeconds(60), KEYS);
        ChainVerification.Break broken = verify(chain, KEYS, List.of(checkpoint)).finish(3, chain.get(2).hash())
                .orElseThrow();
        assertEquals(2, broken.seq());
        assertTrue(broken.reason().contains("checkpoint"), broken.reason());
    }

    @Test
    void aCheckpointIsAuthenticOnlyUnderAConfiguredKeyAndUnchanged() {
        Checkpoint checkpoint = Checkpoint.of("main", 6, "a".repeat(64), T0, KEYS);
        assertTrue(checkpoint.authentic(KEYS));
        assertEquals(false, new Checkpoint("main", 7, checkpoint.hash(), T0, "k1", checkpoint.mac()).authentic(KEYS));
        assertEquals(false, checkpoint.authentic(TestKeys.only("k2", "another key")));
    }

    @Test
    void eventsSealedWithARetiredKeyVerifyWhileItIsStillConfigured() {
        TestKeys first = TestKeys.only("k1", "first key");
        TestKeys rotated = new TestKeys("k2", Map.of("k1", "first key", "k2", "second key"));
        List<AuditEvent> chain = chainOf(2, first);
        AuditEvent third = AuditChain.seal(AuditChain.pending(access(3), UUID.randomUUID(), "main", T0.plusSeconds(3), rotated),
                3, chain.get(1).hash(), rotated);
        chain.add(third);
        assertEquals("k2", third.keyId());
        assertEquals(Optional.empty(), verify(chain, rotated, List.of()).finish(3, third.hash()));

        ChainVerification.Break broken = verify(chain, TestKeys.only("k2", "second key"), List.of())
                .finish(3, third.hash()).orElseThrow();
        assertEquals(1, broken.seq());
        assertTrue(broken.reason().contains("key id k1, which is not configured"), broken.reason());
    }

    @Test
    void aPendingEventIsSealableOnlyAsTheServiceWroteIt() {
        AuditEvent written = AuditChain.pending(access(1), UUID.randomUUID(), "main", T0, KEYS);
        assertTrue(AuditChain.writtenWithKey(written, KEYS));
        AuditEvent changed = new AuditEvent(written.id(), "main", null, written.at(), withActor(written.access(),
                "someone.else"), written.keyId(), null, written.hash());
        assertEquals(false, AuditChain.writtenWithKey(changed, KEYS));
        AuditEvent inserted = AuditChain.pending(access(2), UUID.randomUUID(), "main", T0,
                TestKeys.only("k1", "a guess at the audit key"));
        assertEquals(false, AuditChain.writtenWithKey(inserted, KEYS));
        assertEquals(false, AuditChain.writtenWithKey(new AuditEvent(written.id(), "main", null, written.at(),
                written.access(), null, null, null), KEYS));
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        Access split = new Access("dr.lee", "clinician|admin", null, AuditAction.READ, "patients", null, null,
                AuditOutcome.SUCCESS, 200, null);
        Access shifted = new Access("dr.lee|clinician", "admin", null, AuditAction.READ, "patients", null, null,
                AuditOutcome.SUCCESS, 200, null);
        UUID id = UUID.randomUUID();
        assertNotEquals(AuditChain.seal(AuditChain.pending(split, id, "main", T0, KEYS), 1, AuditChain.GENESIS, KEYS).hash(),
                AuditChain.seal(AuditChain.pending(shifted, id, "main", T0, KEYS), 1, AuditChain.GENESIS, KEYS).hash());
    }

    @Test
    void theSealCoversTheChainAndTheRequestCount() {
        UUID id = UUID.randomUUID();
        Access one = access(1);
        Access many = new Access(one.actor(), one.role(), one.client(), one.action(), one.resourceType(),
                one.resourceId(), one.patientId(), one.outcome(), one.status(), one.correlationId(), 40);
        String sealed = AuditChain.seal(AuditChain.pending(one, id, "main", T0, KEYS), 1, AuditChain.GENESIS, KEYS).hash();
        assertNotEquals(sealed, AuditChain.seal(AuditChain.pending(one, id, "replica-b", T0, KEYS), 1, AuditChain.GENESIS,
                KEYS).hash());
        assertNotEquals(sealed, AuditChain.seal(AuditChain.pending(many, id, "main", T0, KEYS), 1, AuditChain.GENESIS,
                KEYS).hash());
    }

    @Test
    void timeIsSealedAtTheMicrosecondsADatabaseKeeps() {
        AuditEvent event = chainOf(1, KEYS).get(0);
        assertEquals(Instant.parse("2026-11-20T08:30:01.123456Z"), event.at(), "T0 + 1 s, nanoseconds dropped");
    }

    private static Access access(int i) {
        return new Access("dr.lee", "clinician", "ehr-gateway", AuditAction.READ, "patients", PATIENT.toString(),
                PATIENT, AuditOutcome.SUCCESS, 200, "c-" + i);
    }

    private static Access withActor(Access access, String actor) {
        return new Access(actor, access.role(), access.client(), access.action(), access.resourceType(),
                access.resourceId(), access.patientId(), access.outcome(), access.status(), access.correlationId(),
                access.requests());
    }

    private static List<AuditEvent> chainOf(int events, AuditKeys keys) {
        List<AuditEvent> chain = new ArrayList<>();
        String prevHash = AuditChain.GENESIS;
        for (int i = 1; i <= events; i++) {
            AuditEvent event = AuditChain.seal(AuditChain.pending(access(i), UUID.randomUUID(), "main",
                    T0.plusSeconds(i), keys), i, prevHash, keys);
            chain.add(event);
            prevHash = event.hash();
        }
        return chain;
    }

    private static ChainVerification verify(List<AuditEvent> chain, AuditKeys keys, List<Checkpoint> checkpoints) {
        ChainVerification verification = new ChainVerification(keys, checkpoints);
        for (AuditEvent event : chain) {
            if (!verification.accept(event)) {
                break;
            }
        }
        return verification;
    }
}

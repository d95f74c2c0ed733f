package org.painladder.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.painladder.app.SealingAuditTrail;
import org.painladder.domain.audit.Access;
import org.painladder.domain.audit.AuditAction;
import org.painladder.domain.audit.AuditChain;
import org.painladder.domain.audit.AuditEvent;
import org.painladder.domain.audit.AuditKeys;
import org.painladder.domain.audit.AuditOutcome;
import org.painladder.domain.audit.TestKeys;
import org.painladder.persistence.AuditEvents;

/**
 * A database administrator who can rewrite every row of the audit trail, but not read the key kept outside the
 * database nor the checkpoint file, cannot make verify answer intact. Each test tampers with a chain of its own (as
 * another replica's would be) and puts it back afterwards, so that the trail the other tests share stays intact.
 */
@QuarkusTest
class AuditTamperingTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditEvents auditEvents;
    @Inject
    SealingAuditTrail sealing;
    @Inject
    AuditKeys keys;
    @ConfigProperty(name = "painladder.audit.checkpoint-file")
    Path checkpointFile;

    @Test
    void anEventRewrittenWithEveryLaterHashAndTheHeadRecomputedWithoutTheKeyIsNamed() throws SQLException {
        String chain = "replica-rewritten-" + UUID.randomUUID().toString().substring(0, 8);
        List<AuditEvent> original = sealedChain(chain, 6);
        verdict().then().body("intact", equalTo(true));

        // The attacker edits event 3 and re-chains 3..6 and the head as the service would, with the best key guess.
        TestKeys guessed = TestKeys.only(original.get(0).keyId(), "a guess at the audit key");
        List<AuditEvent> forged = new ArrayList<>(original.subList(0, 2));
        for (int i = 2; i < original.size(); i++) {
            AuditEvent event = original.get(i);
            Access access = i == 2 ? withActor(event.access(), "someone.else") : event.access();
            forged.add(AuditChain.seal(AuditChain.pending(access, event.id(), chain, event.at(), guessed), event.seq(),
                    forged.get(i - 1).hash(), guessed));
        }
        overwrite(chain, forged.subList(2, 6));
        try {
            JsonPath verdict = verdict().then().statusCode(200).extract().jsonPath();
            assertEquals(false, verdict.getBoolean("intact"));
            Map<String, Object> tampered = verdict.getMap("chains.find { it.chainId == '" + chain + "' }");
            assertEquals(List.of(false, 3, original.get(2).id().toString(),
                            "its content no longer matches its hash: it was changed"),
                    List.of(tampered.get("intact"), tampered.get("brokenSeq"), tampered.get("brokenEventId"),
                            tampered.get("reason")));
        } finally {
            overwrite(chain, original.subList(2, 6));
        }
        verdict().then().body("intact", equalTo(true));
    }

    @Test
    void theNewestEventsDeletedAfterACheckpointAreMissedEvenWithTheHeadSetBack() throws SQLException {
        String chain = "replica-cut-" + UUID.randomUUID().toString().substring(0, 8);
        List<AuditEvent> original = sealedChain(chain, 6);
        sealing.checkpoint();

        execute("DELETE FROM audit_event WHERE chain_id = '" + chain + "' AND seq > 4");
        setHead(chain, original.get(3));
        try {
            JsonPath verdict = verdict().then().statusCode(200).extract().jsonPath();
            assertEquals(false, verdict.getBoolean("intact"));
            Map<String, Object> cut = verdict.getMap("chains.find { it.chainId == '" + chain + "' }");
            assertEquals(List.of(false, 5, 4, 6), List.of(cut.get("intact"), cut.get("brokenSeq"), cut.get("count"),
                    cut.get("lastCheckpointSeq")));
            assertEquals(true, ((String) cut.get("reason")).contains("events 5 to 6 were removed"), cut.toString());
        } finally {
            QuarkusTransaction.requiringNew().run(() -> original.subList(4, 6).forEach(auditEvents::record));
            setHead(chain, original.get(5));
        }
        verdict().then().body("intact", equalTo(true));
    }

    @Test
    void anEventInsertedThroughJdbcToBeSealedIsNeverSealedAndIsReported() throws SQLException {
        String chain = "replica-injected-" + UUID.randomUUID().toString().substring(0, 8);
        sealedChain(chain, 2);
        UUID injected = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event (id, chain_id, at, actor,"
                     + " action, resource_type, outcome, status, request_count, key_id, hash)"
                     + " VALUES (?, ?, ?, 'dr.scapegoat', 'READ', 'patients', 'SUCCESS', 200, 1, ?, ?)")) {
            insert.setObject(1, injected);
            insert.setString(2, chain);
            insert.setObject(3, java.time.OffsetDateTime.parse("2026-12-01T09:00:00Z"));
            insert.setString(4, keys.currentKeyId());
            insert.setString(5, "e".repeat(64));
            insert.executeUpdate();
        }
        try {
            sealing.seal(chain);
            JsonPath verdict = verdict().then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(false, chain, injected.toString()), List.of(verdict.getBoolean("intact"),
                    verdict.getString("brokenChain"), verdict.getString("brokenEventId")));
            assertEquals(true, verdict.getString("reason").contains("not written by the service"),
                    verdict.getString("reason"));
            Map<String, Object> untouched = verdict.getMap("chains.find { it.chainId == '" + chain + "' }");
            assertEquals(List.of(2, 2, true), List.of(untouched.get("count"), untouched.get("headSeq"),
                    untouched.get("intact")), "the sealer left it out of the chain");
        } finally {
            execute("DELETE FROM audit_event WHERE id = '" + injected + "'");
        }
        verdict().then().body("intact", equalTo(true));
    }

    @Test
    void aCheckpointLineNotSignedWithTheKeyIsReported() throws Exception {
        sealedChain("replica-checkpointed-" + UUID.randomUUID().toString().substring(0, 8), 2);
        sealing.checkpoint();
        String kept = Files.readString(checkpointFile, StandardCharsets.US_ASCII);
        int forgedLine = (int) kept.lines().count() + 1;
        Files.writeString(checkpointFile, "v1 main 1 " + "0".repeat(64) + " 2026-12-01T00:00:00Z local-1 "
                + "f".repeat(64) + "\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        try {
            as("auditor").get("/api/v1/audit-events/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("reason", containsString("line " + forgedLine + " of the checkpoint log"));
        } finally {
            Files.writeString(checkpointFile, kept, StandardCharsets.US_ASCII);
        }
        as("auditor").get("/api/v1/audit-events/verify").then().body("intact", equalTo(true));
    }

    @Test
    void replicasAppendingAndSealingTheirOwnChainsAtOnceKeepEveryChainDense() throws Exception {
        List<String> chains = List.of("replica-b-" + UUID.randomUUID().toString().substring(0, 8),
                "replica-c-" + UUID.randomUUID().toString().substring(0, 8));
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String chain = chains.get(i % chains.size());
            int n = i;
            work.add(() -> {
                QuarkusTransaction.requiringNew().run(() -> auditEvents.record(AuditChain.pending(access("c-" + n),
                        UUID.randomUUID(), chain, Instant.now(), keys)));
                sealing.seal(chain);
                return null;
            });
            work.add(() -> {
                as("clinician").get("/api/v1/patients").then().statusCode(200);
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        chains.forEach(sealing::seal);

        JsonPath verdict = as("auditor").get("/api/v1/audit-events/verify").then().statusCode(200)
                .body("intact", equalTo(true)).extract().jsonPath();
        for (String chain : chains) {
            Map<String, Object> each = verdict.getMap("chains.find { it.chainId == '" + chain + "' }");
            assertEquals(List.of(16, 16, true), List.of(each.get("count"), each.get("headSeq"), each.get("intact")));
        }
    }

    private List<AuditEvent> sealedChain(String chain, int events) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < events; i++) {
                auditEvents.record(AuditChain.pending(access("c-" + i), UUID.randomUUID(), chain,
                        Instant.parse("2026-12-01T08:00:00Z").plusSeconds(i), keys));
            }
        });
        sealing.seal(chain);
        List<AuditEvent> sealed = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> auditEvents.walkChain(chain, sealed::add, (id, seq) -> false));
        assertEquals(events, sealed.size());
        return sealed;
    }

    private static io.restassured.response.Response verdict() {
        return as("auditor").get("/api/v1/audit-events/verify");
    }

    private static Access access(String correlationId) {
        return new Access("dr.lee", "clinician", "10.0.0.7", AuditAction.READ, "patients", null, null,
                AuditOutcome.SUCCESS, 200, correlationId);
    }

    private static Access withActor(Access access, String actor) {
        return new Access(actor, access.role(), access.client(), access.action(), access.resourceType(),
                access.resourceId(), access.patientId(), access.outcome(), access.status(), access.correlationId(),
                access.requests());
    }

    /** What an attacker with write access to the database does: set columns and the head, one statement each. */
    private void overwrite(String chain, List<AuditEvent> events) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE audit_event SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?")) {
            for (AuditEvent event : events) {
                update.setString(1, event.access().actor());
                update.setString(2, event.prevHash());
                update.setString(3, event.hash());
                update.setObject(4, event.id());
                assertEquals(1, update.executeUpdate());
            }
        }
        setHead(chain, events.get(events.size() - 1));
    }

    private void setHead(String chain, AuditEvent last) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE audit_chain SET last_seq = ?, last_hash = ? WHERE chain_id = ?")) {
            update.setLong(1, last.seq());
            update.setString(2, last.hash());
            update.setString(3, chain);
            assertEquals(1, update.executeUpdate());
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }
}

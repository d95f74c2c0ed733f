package org.painladder.security;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.painladder.app.SealingAuditTrail;

/**
 * The sealer checkpoints on a thread of its own, outside any request: the checkpoint must be written there, not only
 * by a test thread that happens to have a request context (in prod it failed every interval and only the checkpoint at
 * shutdown was ever written).
 */
@QuarkusTest
class AuditCheckpointScheduleTest {

    @Inject
    SealingAuditTrail sealing;
    @ConfigProperty(name = "painladder.audit.checkpoint-file")
    Path checkpointFile;

    @Test
    void theSealersOwnThreadWritesACheckpointOfThisReplicasChain() throws Exception {
        as("auditor").get("/api/v1/audit-events").then().statusCode(200);
        ExecutorService sealerThread = Executors.newSingleThreadExecutor();
        try {
            sealerThread.submit(sealing::checkpoint).get(30, TimeUnit.SECONDS);
        } finally {
            sealerThread.shutdownNow();
        }

        String chain = sealing.chainId();
        assertTrue(Files.readAllLines(checkpointFile).stream().anyMatch(line -> line.startsWith("v1 " + chain + " ")),
                "no checkpoint of chain " + chain + " in " + checkpointFile);
    }
}

package org.painladder.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.painladder.domain.regimen.RecordedRegimen;

/**
 * The regimens a replica remembers between ingests (issue 14) are always what the database says: for every later
 * look-back, after a regimen another replica recorded, and after a regimen whose transaction rolled back; and so is
 * the current regimen it answers from them, and the stretch a current regimen read from the database starts.
 */
@QuarkusTest
class RememberedRegimensTest {

    private static final int[] EFFECTIVE_DAYS_AGO = {100, 60, 20, 1};

    @Inject
    Regimens regimens;
    @Inject
    EntityManager entityManager;

    private UUID patientId;
    private Instant now;

    @BeforeEach
    void aPatientTitratedOverThreeMonths() {
        patientId = UUID.fromString(registeredPatient());
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int dose = 10;
        for (int daysAgo : EFFECTIVE_DAYS_AGO) {
            as("clinician").body("""
                    { "items": [ { "drug": "MORPHINE", "route": "ORAL", "dose": %d, "unit": "mg", "timesPerDay": 2,
                                   "prn": false } ],
                      "effectiveAt": "%s", "reason": "titration" }"""
                            .formatted(dose, now.minus(Duration.ofDays(daysAgo))))
                    .put("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
            dose += 10;
        }
    }

    @Test
    void everyLaterLookBackIsWhatTheDatabaseSays() {
        List<Instant> froms = List.of(now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(75)),
                now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(60)).plusSeconds(1),
                now.minus(Duration.ofDays(20)).minusSeconds(1), now.minus(Duration.ofDays(20)),
                now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(1)), now);
        for (Instant from : froms) {
            assertEquals(ids(queried(from)), ids(remembered(from)), "look-back from " + from);
        }
    }

    @Test
    void aRegimenAnotherReplicaRecordedIsSeenAtTheNextEvaluation() {
        Instant from = now.minus(Duration.ofDays(90));
        remembered(from);
        UUID recordedElsewhere = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> recordAsAnotherReplica(recordedElsewhere));

        List<UUID> seen = ids(remembered(from));

        assertEquals(ids(queried(from)), seen);
        assertEquals(recordedElsewhere, seen.get(seen.size() - 1));
    }

    @Test
    void aRegimenWhoseTransactionRolledBackIsForgotten() {
        Instant from = now.minus(Duration.ofDays(90));
        UUID rolledBack = UUID.randomUUID();
        assertThrows(RolledBack.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            recordAsAnotherReplica(rolledBack);
            entityManager.clear();
            assertEquals(rolledBack, last(regimens.recordedInForceSince(patientId, from)));
            throw new RolledBack();
        }));

        assertEquals(ids(queried(from)), ids(remembered(from)));
    }

    @Test
    void theCurrentRegimenIsTheDatabasesAfterAnotherReplicasVersion() {
        remembered(now.minus(Duration.ofDays(90)));
        assertEquals(queriedCurrent(), current());
        UUID recordedElsewhere = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> recordAsAnotherReplica(recordedElsewhere));

        assertEquals(recordedElsewhere, current());
        assertEquals(queriedCurrent(), current());
    }

    @Test
    void aCurrentRegimenReadFromTheDatabaseServesOnlyTheLookBacksItCovers() {
        UUID recordedElsewhere = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> recordAsAnotherReplica(recordedElsewhere));
        assertEquals(recordedElsewhere, current());

        for (Instant from : List.of(now, now.minusSeconds(3600), now.minusSeconds(3601), now.minus(Duration.ofDays(90)))) {
            assertEquals(ids(queried(from)), ids(remembered(from)), "look-back from " + from);
        }
    }

    @Test
    void aCurrentRegimenWhoseTransactionRolledBackIsForgotten() {
        UUID before = queriedCurrent();
        UUID rolledBack = UUID.randomUUID();
        assertThrows(RolledBack.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            recordAsAnotherReplica(rolledBack);
            entityManager.clear();
            assertEquals(rolledBack, regimens.current(patientId).orElseThrow().id());
            throw new RolledBack();
        }));

        assertEquals(before, current());
    }

    private UUID current() {
        return QuarkusTransaction.requiringNew().call(() -> regimens.current(patientId).orElseThrow().id());
    }

    /** The highest version, read past every remembered stretch. */
    private UUID queriedCurrent() {
        return QuarkusTransaction.requiringNew().call(() -> regimens.history(patientId, 0, 1).items().get(0).id());
    }

    private static final class RolledBack extends RuntimeException {
    }

    /** Version 5, written the way another replica's ingest of a regimen leaves the rows. */
    private void recordAsAnotherReplica(UUID regimenId) {
        entityManager.createNativeQuery("INSERT INTO regimen (id, patient_id, version, effective_at, recorded_at,"
                        + " changed_by, reason, ladder_step, omedd_mg, prn_omedd_mg, factors_used, contributions_json,"
                        + " warnings_json) VALUES (?1, ?2, 5, ?3, ?3, 'dr.elsewhere', 'titration', 3, 120, 0,"
                        + " 'CDC_2022', '[]', '[]')")
                .setParameter(1, regimenId).setParameter(2, patientId).setParameter(3, now.minusSeconds(3600))
                .executeUpdate();
        entityManager.createNativeQuery("INSERT INTO regimen_item (id, regimen_id, item_index, drug, route, dose,"
                        + " unit, times_per_day, prn) VALUES (?1, ?2, 0, 'MORPHINE', 'ORAL', 60, 'mg', 2, false)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, regimenId).executeUpdate();
        entityManager.createNativeQuery("UPDATE patient_state SET current_regimen_id = ?1 WHERE patient_id = ?2")
                .setParameter(1, regimenId).setParameter(2, patientId).executeUpdate();
    }

    private List<RecordedRegimen> remembered(Instant from) {
        return QuarkusTransaction.requiringNew().call(() -> regimens.recordedInForceSince(patientId, from));
    }

    private List<RecordedRegimen> queried(Instant from) {
        return QuarkusTransaction.requiringNew().call(() -> regimens.queryInForceSince(patientId, from));
    }

    private static List<UUID> ids(List<RecordedRegimen> stretch) {
        return stretch.stream().map(RecordedRegimen::id).toList();
    }

    private static UUID last(List<RecordedRegimen> stretch) {
        return stretch.get(stretch.size() - 1).id();
    }
}

package org.painladder.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.RefractoryCaseFixtures.flaggedPatient;
import static org.painladder.api.RefractoryCaseFixtures.pancreaticPain;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * With a read replica configured, the worklist and the cohort statistics are read from it and everything else from
 * the primary. The replica here is a second H2 database that nothing replicates to, so what each read shows proves
 * where it was read.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.WithReplica.class)
class ReadReplicaTest {

    /** An empty replica with the schema; on H2 a primary of its own too (TestDatabases). */
    public static class WithReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(Map.of(
                    "quarkus.datasource.replica.jdbc.url", "jdbc:h2:mem:painladder-replica;DB_CLOSE_DELAY=-1",
                    "quarkus.flyway.replica.migrate-at-start", "true"));
            overrides.putAll(TestDatabases.ownH2Database("painladder-read-replica"));
            return overrides;
        }
    }

    @Inject
    @DataSource("replica")
    AgroalDataSource replica;

    @Test
    void theWorklistShowsWhatTheReplicaHoldsWhileTheCaseDetailReadsThePrimary() throws SQLException {
        String[] flagged = flaggedPatient(pancreaticPain());

        as("palliative").get("/api/v1/refractory-cases?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(flagged[1])));
        as("palliative").get("/api/v1/refractory-cases/" + flagged[1]).then().statusCode(200)
                .body("id", equalTo(flagged[1]));

        replicate(flagged[0]);
        as("palliative").get("/api/v1/stats/cohort").then().statusCode(200).body("activePatients", equalTo(1))
                .body("byStep.3", equalTo(1));
    }

    /** The live state of the patient as the replica would receive it from the primary (its patient row aside). */
    private void replicate(String patientId) throws SQLException {
        try (Connection connection = replica.getConnection(); Statement settings = connection.createStatement();
             PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO patient_state (patient_id, ladder_step, omedd_mg, refractory, pain_control,"
                        + " patient_status, updated_at) VALUES (?, 3, 240, true, 'UNCONTROLLED', 'ACTIVE', ?)")) {
            settings.execute("SET REFERENTIAL_INTEGRITY FALSE");
            insert.setObject(1, UUID.fromString(patientId));
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}

package org.painladder.api.budget;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, the live-state update every ingest makes is heap-only (HOT): it writes no index entry, so its cost
 * does not grow with the indexes of a 100,000-patient table or with pages that must be read back in to change them
 * (issue 14; migrations V16 and V16_1). Read from the page itself: the row's old version is marked HOT-updated, or
 * already pruned to a redirect to its new version.
 */
@QuarkusTest
class LiveStateUpdateTest {

    private static final int LP_NORMAL = 1;
    private static final int LP_REDIRECT = 2;
    private static final int HEAP_HOT_UPDATED = 0x4000;

    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void anIngestUpdatesTheLiveStateWithoutTouchingAnIndex() throws SQLException {
        assumeTrue(dbKind.equals("postgresql"), "heap-only updates are PostgreSQL's");
        String patientId = registeredPatient();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ingest(patientId, now.minus(2, ChronoUnit.HOURS), 7);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pageinspect");
            long[] before = rowPosition(connection, patientId);

            ingest(patientId, now.minus(1, ChronoUnit.HOURS), 3);

            try (PreparedStatement page = connection.prepareStatement("SELECT lp_flags, t_infomask2 FROM"
                    + " heap_page_items(get_raw_page('patient_state', ?::int)) WHERE lp = ?")) {
                page.setLong(1, before[0]);
                page.setLong(2, before[1]);
                try (ResultSet row = page.executeQuery()) {
                    assertTrue(row.next(), "the row's old line pointer is gone");
                    int flags = row.getInt(1);
                    int infomask2 = row.getInt(2);
                    boolean heapOnly = flags == LP_REDIRECT || flags == LP_NORMAL && (infomask2 & HEAP_HOT_UPDATED) != 0;
                    assertTrue(heapOnly, "the live-state update was not heap-only (line pointer " + flags
                            + ", infomask2 " + Integer.toHexString(infomask2) + "); indexes of patient_state: "
                            + indexes(connection));
                }
            }
        }
    }

    private static void ingest(String patientId, Instant recordedAt, int score) {
        as("ehr").body(nrsJson(UUID.randomUUID().toString(), recordedAt.toString(), score))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
    }

    /** The block and line pointer of the patient's live-state row. */
    private static long[] rowPosition(Connection connection, String patientId) throws SQLException {
        try (PreparedStatement position = connection.prepareStatement("SELECT (ctid::text::point)[0],"
                + " (ctid::text::point)[1] FROM patient_state WHERE patient_id = ?::uuid")) {
            position.setString(1, patientId);
            try (ResultSet row = position.executeQuery()) {
                assertTrue(row.next(), "no live state for " + patientId);
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }

    private static List<String> indexes(Connection connection) throws SQLException {
        List<String> definitions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT indexdef FROM pg_indexes"
                     + " WHERE tablename = 'patient_state'")) {
            while (rows.next()) {
                definitions.add(rows.getString(1));
            }
        }
        return definitions;
    }
}

package org.painladder.api;

import java.util.Arrays;
import java.util.Map;

/** Databases for test profiles that restart the application in the JVM of the suite. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /**
     * On the in-memory H2 default, the restarted application gets a database of its own, named NAME: writes against
     * the tables an earlier instance created failed their CHECK constraints ("Check constraint invalid") in the full
     * suite. PostgreSQL runs (profile pg) keep their database: no override.
     */
    public static Map<String, String> ownH2Database(String name) {
        if (Arrays.asList(System.getProperty("quarkus.test.profile", "test").split(",")).contains("pg")) {
            return Map.of();
        }
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    }
}

package org.painladder.interop.cdshooks;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;
import org.painladder.api.TestDatabases;

/**
 * Two EHR CDS clients allow-listed as a hospital would configure them: one with a PEM public key, one with a JWKS
 * document. Their key pairs are generated for the test run (CdsClientKeyPairs), never committed.
 */
public class CdsClientsProfile implements QuarkusTestProfile {

    static final String PUBLIC_URL = "https://painladder.test";
    static final String AUDIENCE = PUBLIC_URL + "/cds-services";
    static final String PEM_CLIENT = "https://ehr.example.org/cds-client";
    static final String JWKS_CLIENT = "https://other-ehr.example.org";

    @Override
    public Map<String, String> getConfigOverrides() {
        CdsClientKeyPairs.ensureGenerated();
        Map<String, String> overrides = new HashMap<>(Map.of(
                "painladder.cds-hooks.public-url", PUBLIC_URL,
                "painladder.cds-hooks.clients.main-ehr.issuer", PEM_CLIENT,
                "painladder.cds-hooks.clients.main-ehr.public-key-location",
                CdsClientKeyPairs.PEM_PUBLIC.toString(),
                "painladder.cds-hooks.clients.other-ehr.issuer", JWKS_CLIENT,
                "painladder.cds-hooks.clients.other-ehr.public-key-location",
                CdsClientKeyPairs.JWKS_PUBLIC.toString()));
        overrides.putAll(TestDatabases.ownH2Database("painladder-cds-hooks"));
        return overrides;
    }
}

package org.painladder.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The prod profile refuses to start until it is told whose tokens to trust, and says exactly what is missing. */
class ProductionTokenSettingsTest {

    @Test
    void nothingConfiguredNamesAllThreeVariables() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> ProductionTokenSettings.requireConfigured(Optional.empty(), Optional.empty(), Optional.empty()));
        assertTrue(refusal.getMessage().contains("PAINLADDER_JWT_PUBLIC_KEY_LOCATION"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("PAINLADDER_JWT_ISSUER"), refusal.getMessage());
        assertTrue(refusal.getMessage().contains("PAINLADDER_JWT_AUDIENCE"), refusal.getMessage());
    }

    @Test
    void aBlankAudienceIsNamedAlone() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> ProductionTokenSettings.requireConfigured(Optional.of("/etc/painladder/jwt-public.pem"),
                        Optional.of("https://idp.hospital.example/realms/oncology"), Optional.of(" ")));
        assertTrue(refusal.getMessage().contains("PAINLADDER_JWT_AUDIENCE"), refusal.getMessage());
        assertTrue(!refusal.getMessage().contains("PAINLADDER_JWT_ISSUER"), refusal.getMessage());
    }

    @Test
    void keyIssuerAndAudienceTogetherLetItStart() {
        assertDoesNotThrow(() -> ProductionTokenSettings.requireConfigured(Optional.of("/etc/painladder/jwt-public.pem"),
                Optional.of("https://idp.hospital.example/realms/oncology"), Optional.of("painladder")));
    }
}

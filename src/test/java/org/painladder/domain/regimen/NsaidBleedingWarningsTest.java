package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.regimen.RegimenFixtures.CDC_2022;
import static org.painladder.domain.regimen.RegimenFixtures.oral;
import static org.painladder.domain.regimen.RegimenFixtures.regimen;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.PatientFactors;

/**
 * An NSAID for an anticoagulated patient (third outside review): the regimen warnings ask the question the ladder asks
 * before it names an NSAID (§8.12), so naproxen on warfarin is flagged, not only "two NSAIDs".
 */
class NsaidBleedingWarningsTest {

    private static final int YEAR = 2026;
    private static final ProposedItem SENNA = oral("SENNA", "15", 1);

    private static List<RegimenWarning> warnings(Set<Contraindication> contraindications, ProposedItem... items) {
        PatientOrganFunction patient = PatientOrganFunction.of(PatientFactors.none(), 1960, YEAR, contraindications);
        return regimen(items).evaluate(CDC_2022, OpioidTolerance.unknown(), patient).warnings().stream()
                .filter(warning -> warning.code().equals(RegimenWarning.NSAID_BLEEDING_RISK)).toList();
    }

    @Test
    void naproxenForAnAnticoagulatedPatientIsWarnedOnItsLine() {
        List<RegimenWarning> bleeding = warnings(Set.of(Contraindication.ANTICOAGULATED),
                oral("NAPROXEN", "500", 2), oral("OXYCODONE", "10", 2), SENNA);

        assertEquals(1, bleeding.size(), bleeding.toString());
        assertEquals(List.of(0), bleeding.get(0).items());
        assertTrue(bleeding.get(0).message().contains("anticoagulated"), bleeding.get(0).message());
    }

    @Test
    void aCoagulopathyBarsIbuprofenToo() {
        assertEquals(1, warnings(Set.of(Contraindication.COAGULOPATHY), oral("IBUPROFEN", "400", 3)).size());
    }

    @Test
    void noBleedingRiskOnRecordNoWarning() {
        assertEquals(List.of(), warnings(Set.of(Contraindication.LOCAL_INFECTION), oral("IBUPROFEN", "400", 3)));
        assertEquals(List.of(), warnings(Set.of(Contraindication.ANTICOAGULATED), oral("PARACETAMOL", "1000", 4)));
    }
}

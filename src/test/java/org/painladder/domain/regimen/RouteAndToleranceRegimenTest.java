package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.regimen.RegimenFixtures.CDC_2022;
import static org.painladder.domain.regimen.RegimenFixtures.oral;
import static org.painladder.domain.regimen.RegimenFixtures.prn;
import static org.painladder.domain.regimen.RegimenFixtures.regimen;
import static org.painladder.domain.regimen.RegimenFixtures.scheduled;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.painladder.domain.patient.PatientFactors;

/** The regimen side of the route (§8.2 unableToSwallow) and of the one opioid-tolerance judgement (§1.10). */
class RouteAndToleranceRegimenTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final Regimen MORPHINE_60 = regimen(oral("MORPHINE", "30", 2), oral("SENNA", "15", 1));
    private static final Regimen MORPHINE_20 = regimen(oral("MORPHINE", "10", 2), oral("SENNA", "15", 1));

    private static PatientOrganFunction swallowing(boolean unable) {
        return PatientOrganFunction.of(new PatientFactors(null, null, null, null, unable), 1960, 2026);
    }

    private static List<RegimenWarning> oralWarnings(Regimen regimen, boolean unable) {
        return regimen.evaluate(CDC_2022, OpioidTolerance.unknown(), swallowing(unable)).warnings().stream()
                .filter(w -> w.code().equals(RegimenWarning.ORAL_ROUTE_UNABLE_TO_SWALLOW)).toList();
    }

    @Test
    void oralLinesForAPatientWhoCannotSwallowAreWarnedOnEachLine() {
        Regimen regimen = regimen(oral("MORPHINE", "30", 2), prn("MORPHINE", "ORAL", "10", "mg", 6),
                scheduled("MORPHINE", "SC", "5", "mg", 1), oral("SENNA", "15", 1));
        List<RegimenWarning> warnings = oralWarnings(regimen, true);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(List.of(0, 1, 3), warnings.get(0).items());
    }

    @Test
    void noOralWarningWhenThePatientSwallowsOrNothingIsByMouth() {
        assertTrue(oralWarnings(MORPHINE_60, false).isEmpty());
        assertTrue(oralWarnings(regimen(scheduled("MORPHINE", "SC", "30", "mg", 1)), true).isEmpty());
    }

    @Test
    void theToleranceDoseIsHeldSinceTheFirstRegimenOfTheUnbrokenRunAtIt() {
        List<DatedRegimen> history = List.of(
                new DatedRegimen(NOW.minus(Duration.ofDays(20)), MORPHINE_60),
                new DatedRegimen(NOW.minus(Duration.ofDays(12)), MORPHINE_20),
                new DatedRegimen(NOW.minus(Duration.ofDays(5)), MORPHINE_60),
                new DatedRegimen(NOW.minus(Duration.ofDays(2)), regimen(oral("MORPHINE", "45", 2))));
        assertEquals(Optional.of(NOW.minus(Duration.ofDays(5))), OpioidTolerance.doseHeldSince(history, CDC_2022));
        assertFalse(OpioidTolerance.assess(NOW, history, CDC_2022).tolerant());
        assertEquals(Optional.empty(), OpioidTolerance.doseHeldSince(List.of(
                new DatedRegimen(NOW.minus(Duration.ofDays(20)), MORPHINE_60),
                new DatedRegimen(NOW.minus(Duration.ofDays(1)), MORPHINE_20)), CDC_2022));
    }

    @Test
    void theRegimenCheckAndTheLadderShareTheJudgement() {
        List<DatedRegimen> history = List.of(new DatedRegimen(NOW.minus(Duration.ofDays(8)), MORPHINE_60));
        assertTrue(OpioidTolerance.assess(NOW, history, CDC_2022).tolerant());
        assertEquals(Optional.of(NOW.minus(Duration.ofDays(8))), OpioidTolerance.doseHeldSince(history, CDC_2022));
    }
}

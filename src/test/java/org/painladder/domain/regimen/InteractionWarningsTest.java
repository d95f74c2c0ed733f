package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.regimen.RegimenFixtures.evaluate;
import static org.painladder.domain.regimen.RegimenFixtures.oral;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fourth outside review (finding 4): regimens that combine drugs whose labels warn against each other were recorded
 * without a word. Each is warned once, on the lines concerned, precisely: serotonin syndrome where the opioid's label
 * carries it (tramadol, tapentadol; fentanyl and methadone since FDA 2016), not for every opioid beside an antidepressant.
 */
class InteractionWarningsTest {

    private static final ProposedItem SENNA = oral("SENNA", "15", 1);

    /** code → the items of its warning; a code given twice would be lost here, so {@link #once} checks that first. */
    private static Map<String, List<Integer>> interactions(ProposedItem... items) {
        List<RegimenWarning> warnings = evaluate(items).warnings();
        once(warnings);
        return warnings.stream().filter(w -> List.of("SEROTONERGIC_COMBINATION", "TRAMADOL_SEIZURE_THRESHOLD",
                        "METHADONE_QTC", "TWO_GABAPENTINOIDS", "GABAPENTINOID_WITH_OPIOID").contains(w.code()))
                .collect(Collectors.toMap(RegimenWarning::code, RegimenWarning::items));
    }

    private static void once(List<RegimenWarning> warnings) {
        assertEquals(warnings.stream().map(RegimenWarning::code).distinct().count(), warnings.size(),
                () -> "a warning code given twice: " + warnings);
    }

    private static RegimenWarning warning(String code, ProposedItem... items) {
        return evaluate(items).warnings().stream().filter(w -> w.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " expected"));
    }

    @Test
    void tramadolWithDuloxetineIsSerotonergicAndLowersTheSeizureThreshold() {
        assertEquals(Map.of("SEROTONERGIC_COMBINATION", List.of(0, 1), "TRAMADOL_SEIZURE_THRESHOLD", List.of(0, 1)),
                interactions(oral("TRAMADOL", "100", 4), oral("DULOXETINE", "60", 1), SENNA));
        assertTrue(warning("SEROTONERGIC_COMBINATION", oral("TRAMADOL", "100", 4), oral("DULOXETINE", "60", 1), SENNA)
                .message().contains("gabapentin"), "the advice names the adjuvant that does not interact");
    }

    @Test
    void tramadolWithAmitriptylineToo() {
        assertEquals(Map.of("SEROTONERGIC_COMBINATION", List.of(0, 1), "TRAMADOL_SEIZURE_THRESHOLD", List.of(0, 1)),
                interactions(oral("TRAMADOL", "100", 4), oral("AMITRIPTYLINE", "25", 1), SENNA));
    }

    @Test
    void tapentadolWithDuloxetineIsSerotonergic() {
        assertEquals(Map.of("SEROTONERGIC_COMBINATION", List.of(0, 1)),
                interactions(oral("TAPENTADOL", "100", 2), oral("DULOXETINE", "60", 1), SENNA));
    }

    @Test
    void methadoneAloneCarriesItsQtcCautionAndMoreSoWithATricyclic() {
        assertEquals(Map.of("METHADONE_QTC", List.of(0)), interactions(oral("METHADONE", "10", 3), SENNA));
        assertEquals(Map.of("METHADONE_QTC", List.of(0, 1), "SEROTONERGIC_COMBINATION", List.of(0, 1)),
                interactions(oral("METHADONE", "10", 3), oral("AMITRIPTYLINE", "50", 1), SENNA));
        assertTrue(warning("METHADONE_QTC", oral("METHADONE", "10", 3), oral("AMITRIPTYLINE", "50", 1), SENNA)
                .message().contains("amitriptyline"));
    }

    @Test
    void twoGabapentinoidsAreADuplicateAndAnyBesideAnOpioidCarriesTheFda2019Caution() {
        assertEquals(Map.of("TWO_GABAPENTINOIDS", List.of(1, 2), "GABAPENTINOID_WITH_OPIOID", List.of(0, 1, 2)),
                interactions(oral("MORPHINE", "30", 2), oral("GABAPENTIN", "600", 3), oral("PREGABALIN", "150", 2),
                        SENNA));
    }

    @Test
    void anOpioidWithoutASerotonergicLabelWarningIsNotFlaggedWithAnAntidepressant() {
        assertEquals(Map.of(), interactions(oral("MORPHINE", "30", 2), oral("DULOXETINE", "60", 1), SENNA));
        assertEquals(Map.of(), interactions(oral("OXYCODONE", "10", 2), oral("AMITRIPTYLINE", "25", 1), SENNA));
        assertEquals(Map.of(), interactions(oral("GABAPENTIN", "300", 3)));
    }
}

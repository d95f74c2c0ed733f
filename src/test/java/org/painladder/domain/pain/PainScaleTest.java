package org.painladder.domain.pain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PainScaleTest {

    private static int score(PainScale scale, String raw) {
        return assertInstanceOf(ScaleReading.Accepted.class, scale.read(raw)).score();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "NRS, 0, 0", "NRS, 7, 7", "NRS, 10, 10", "NRS, 7.0, 7",
            "VAS, 65, 7", "VAS, 64, 6", "VAS, 64.9, 6", "VAS, 35, 4", "VAS, 34, 3", "VAS, 5, 1", "VAS, 4, 0",
            "VAS, 0, 0", "VAS, 100, 10",
            "VRS, NONE, 0", "VRS, MILD, 2", "VRS, moderate, 5", "VRS, SEVERE, 8",
            "FACES, 0, 0", "FACES, 2, 2", "FACES, 8, 8", "FACES, 10, 10",
            "PAINAD, 0, 0", "PAINAD, 7, 7", "PAINAD, 10, 10"})
    void normalisesAsTheContractSays(PainScale scale, String raw, int expected) {
        assertEquals(expected, score(scale, raw));
    }

    @ParameterizedTest(name = "{0} {1} is rejected")
    @CsvSource({"NRS, 11", "NRS, -1", "NRS, 6.5", "NRS, seven", "NRS, ''", "VAS, 100.5", "VAS, -0.1", "VAS, abc",
            "VRS, AGONY", "VRS, 5", "FACES, 1", "FACES, 5", "FACES, 12", "PAINAD, 11", "PAINAD, 2.5"})
    void rejectsValuesOffTheScale(PainScale scale, String raw) {
        assertInstanceOf(ScaleReading.Rejected.class, scale.read(raw));
    }

    @Test
    void vrsWordsAreStoredInCanonicalSpelling() {
        assertEquals("MODERATE", assertInstanceOf(ScaleReading.Accepted.class, PainScale.VRS.read(" moderate ")).rawValue());
    }

    @Test
    void nullIsRejectedOnEveryScale() {
        for (PainScale scale : PainScale.values()) {
            assertInstanceOf(ScaleReading.Rejected.class, scale.read(null), scale.name());
        }
    }

    @Test
    void everyIntegerFromZeroToTenIsItsOwnNrsAndPainadScore() {
        qt().forAll(integers().between(0, 10)).check(value ->
                score(PainScale.NRS, value.toString()) == value && score(PainScale.PAINAD, value.toString()) == value);
    }

    @Test
    void everyIntegerOutsideZeroToTenIsRejectedOnNumericScales() {
        qt().forAll(integers().all()).assuming(value -> value < 0 || value > 10).check(value ->
                PainScale.NRS.read(value.toString()) instanceof ScaleReading.Rejected
                        && PainScale.FACES.read(value.toString()) instanceof ScaleReading.Rejected
                        && PainScale.PAINAD.read(value.toString()) instanceof ScaleReading.Rejected);
    }

    @Test
    void facesAcceptsExactlyTheEvenScores() {
        qt().forAll(integers().between(0, 10)).check(value ->
                (PainScale.FACES.read(value.toString()) instanceof ScaleReading.Accepted) == (value % 2 == 0));
    }

    @Test
    void everyVasLengthGivesAScoreWithinHalfAPointOfItsTenth() {
        qt().forAll(doubles().between(0, 100)).check(mm -> {
            String raw = BigDecimal.valueOf(mm).setScale(1, RoundingMode.HALF_UP).toPlainString();
            int score = score(PainScale.VAS, raw);
            double tenth = new BigDecimal(raw).doubleValue() / 10;
            return score >= 0 && score <= 10 && Math.abs(score - tenth) <= 0.5;
        });
    }

    @Test
    void vasIsMonotonic() {
        qt().forAll(integers().between(0, 100), integers().between(0, 100)).check((a, b) ->
                a > b || score(PainScale.VAS, a.toString()) <= score(PainScale.VAS, b.toString()));
    }

    @Test
    void vasOutsideZeroToHundredIsRejected() {
        qt().forAll(integers().all()).assuming(mm -> mm < 0 || mm > 100).check(mm ->
                PainScale.VAS.read(mm.toString()) instanceof ScaleReading.Rejected);
    }
}

package org.painladder.domain.pain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PainBandTest {

    @ParameterizedTest(name = "score {0} is {1}")
    @CsvSource({"0, NONE", "1, MILD", "3, MILD", "4, MODERATE", "6, MODERATE", "7, SEVERE", "10, SEVERE"})
    void defaultEdgesFollowNccn(int score, PainBand band) {
        assertEquals(band, PainBand.forScore(score, BandEdges.DEFAULT));
    }

    @Test
    void serlinEdgesPutFourInTheMildBand() {
        assertEquals(PainBand.MILD, PainBand.forScore(4, new BandEdges(4, 6)));
        assertEquals(PainBand.MODERATE, PainBand.forScore(5, new BandEdges(4, 6)));
    }

    @Test
    void edgesOutsideTheAllowedRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BandEdges(2, 6));
        assertThrows(IllegalArgumentException.class, () -> new BandEdges(3, 7));
        assertThrows(IllegalArgumentException.class, () -> PainBand.forScore(11, BandEdges.DEFAULT));
    }
}

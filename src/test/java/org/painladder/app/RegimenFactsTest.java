package org.painladder.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.painladder.domain.ladder.OpioidTrial;
import org.painladder.domain.ladder.RegimenFacts;
import org.painladder.domain.ladder.RescueDose;
import org.painladder.domain.ladder.ScheduledDrug;
import org.painladder.domain.regimen.DatedRegimen;
import org.painladder.domain.regimen.FactorProfile;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.OpioidTolerance;
import org.painladder.domain.regimen.ProposedItem;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.domain.regimen.Regimen;
import org.painladder.domain.regimen.Validated;

/** What the ladder rules learn from a patient's regimen and the stretch of regimens before it. */
class RegimenFactsTest {

    private static final Formulary FORMULARY = new Formulary(FactorProfile.CDC_2022);
    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    private static ProposedItem scheduled(String drug, int dose, int timesPerDay) {
        return new ProposedItem(drug, "ORAL", BigDecimal.valueOf(dose), "mg", timesPerDay, false);
    }

    private static ProposedItem rescue(String drug, int dose) {
        return new ProposedItem(drug, "ORAL", BigDecimal.valueOf(dose), "mg", 6, true);
    }

    private static Regimen regimen(ProposedItem... items) {
        return ((Validated.Valid<Regimen>) Regimen.check(List.of(items), FORMULARY)).value();
    }

    private static DatedRegimen daysAgo(int days, Regimen regimen) {
        return new DatedRegimen(NOW.minus(days, ChronoUnit.DAYS), regimen);
    }

    private static RegimenFacts factsOf(List<DatedRegimen> history) {
        DatedRegimen latest = history.get(history.size() - 1);
        RecordedRegimen current = new RecordedRegimen(UUID.randomUUID(), UUID.randomUUID(), history.size(),
                latest.effectiveAt(), latest.effectiveAt(), "dr.lee", "dr.lee", "test", latest.regimen(),
                latest.regimen().evaluate(FORMULARY, OpioidTolerance.unknown()));
        return CurrentRegimenFacts.from(current, history, FORMULARY);
    }

    @Test
    void scheduledMorphineWithARescueGivesDosesInMorphineEquivalents() {
        RegimenFacts facts = factsOf(List.of(daysAgo(1, regimen(
                scheduled("PARACETAMOL", 1000, 4), scheduled("MORPHINE", 10, 6), rescue("MORPHINE", 10)))));

        assertEquals(3, facts.ladderStep());
        assertEquals(0, new BigDecimal("60").compareTo(facts.omeddMg()));
        assertEquals(0, new BigDecimal("60").compareTo(facts.prnOmeddMg()));
        ScheduledDrug morphine = facts.scheduled().get(1);
        assertEquals("MORPHINE", morphine.code());
        assertEquals(ScheduledDrug.STRONG_OPIOID, morphine.drugClass());
        assertEquals(0, new BigDecimal("60").compareTo(morphine.dailyDose()));
        assertEquals("mg", morphine.unit());
        assertFalse(morphine.atCeiling());
        assertTrue(facts.scheduled().get(0).atCeiling(), "paracetamol 4 g a day is at its ceiling");
        RescueDose rescue = facts.rescues().get(0);
        assertEquals(0, BigDecimal.TEN.compareTo(rescue.singleDose()));
        assertEquals(0, BigDecimal.TEN.compareTo(rescue.singleDoseOmeddMg()));
        assertEquals(Set.of("PARACETAMOL", "MORPHINE"), facts.scheduledCodes());
        assertEquals(1, facts.regimenVersion());
    }

    @Test
    void codeineReachesItsCeilingAt360MgADay() {
        assertFalse(factsOf(List.of(daysAgo(1, regimen(scheduled("CODEINE", 60, 4))))).scheduled().get(0).atCeiling());
        assertTrue(factsOf(List.of(daysAgo(1, regimen(scheduled("CODEINE", 60, 6))))).scheduled().get(0).atCeiling());
    }

    @Test
    void theTitrationClockStartsAtTheLastChangeOfAScheduledOpioidDose() {
        RegimenFacts facts = factsOf(List.of(
                daysAgo(20, regimen(scheduled("PARACETAMOL", 1000, 4))),
                daysAgo(10, regimen(scheduled("MORPHINE", 10, 6))),
                // An adjuvant added: the opioid dose did not change.
                daysAgo(5, regimen(scheduled("MORPHINE", 10, 6), scheduled("GABAPENTIN", 300, 3)))));

        assertEquals(NOW.minus(10, ChronoUnit.DAYS), facts.lastScheduledOpioidChangeAt());
        assertTrue(facts.adjuvantScheduled());
    }

    @Test
    void theStepThreeStretchAndTheStrongOpioidsTriedInItAreKnown() {
        RegimenFacts facts = factsOf(List.of(
                daysAgo(30, regimen(scheduled("MORPHINE", 10, 6))),
                daysAgo(25, regimen(scheduled("CODEINE", 60, 4))),
                daysAgo(16, regimen(scheduled("MORPHINE", 20, 6))),
                daysAgo(2, regimen(scheduled("OXYCODONE", 30, 2)))));

        assertEquals(NOW.minus(16, ChronoUnit.DAYS), facts.step3Since());
        assertEquals(Set.of("MORPHINE", "OXYCODONE"), facts.strongOpioidsTriedSinceStep3());
        assertEquals(NOW.minus(2, ChronoUnit.DAYS), facts.lastScheduledOpioidChangeAt());
    }

    @Test
    void raisingAScheduledOpioidIsATitrationStepButSwitchingOpioidIsNot() {
        RegimenFacts facts = factsOf(List.of(
                daysAgo(9, regimen(scheduled("MORPHINE", 10, 6))),
                daysAgo(6, regimen(scheduled("MORPHINE", 15, 6))),
                daysAgo(4, regimen(scheduled("MORPHINE", 15, 6), scheduled("GABAPENTIN", 300, 3))),
                daysAgo(3, regimen(scheduled("MORPHINE", 20, 6))),
                daysAgo(1, regimen(scheduled("OXYCODONE", 40, 2)))));

        assertEquals(List.of(NOW.minus(6, ChronoUnit.DAYS), NOW.minus(3, ChronoUnit.DAYS)),
                facts.opioidDoseIncreasesAt());
    }

    /** REF-01's adequate trial reads each strong opioid's stretch: started, raised, stopped (fourth review). */
    @Test
    void eachStrongOpioidStretchSinceStepThreeIsATrialWithItsTitrationSteps() {
        RegimenFacts facts = factsOf(List.of(
                daysAgo(9, regimen(scheduled("MORPHINE", 10, 6))),
                daysAgo(6, regimen(scheduled("MORPHINE", 15, 6))),
                daysAgo(4, regimen(scheduled("MORPHINE", 15, 6), scheduled("GABAPENTIN", 300, 3))),
                daysAgo(1, regimen(scheduled("OXYCODONE", 40, 2)))));

        assertEquals(List.of(
                new OpioidTrial("MORPHINE", "ORAL", NOW.minus(9, ChronoUnit.DAYS), NOW.minus(1, ChronoUnit.DAYS),
                        List.of(NOW.minus(6, ChronoUnit.DAYS))),
                new OpioidTrial("OXYCODONE", "ORAL", NOW.minus(1, ChronoUnit.DAYS), null, List.of())),
                facts.strongOpioidTrials());
    }

    @Test
    void offStepThreeThereIsNoStretch() {
        RegimenFacts facts = factsOf(List.of(daysAgo(3, regimen(scheduled("PARACETAMOL", 1000, 4)))));

        assertNull(facts.step3Since());
        assertTrue(facts.strongOpioidsTriedSinceStep3().isEmpty());
        assertNull(facts.lastScheduledOpioidChangeAt());
        assertTrue(facts.rescues().isEmpty());
    }
}

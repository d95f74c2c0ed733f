package org.painladder.domain.regimen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.domain.patient.OrganFunctionBand.ELDERLY_OR_FRAIL;
import static org.painladder.domain.patient.OrganFunctionBand.HEPATIC_MODERATE;
import static org.painladder.domain.patient.OrganFunctionBand.HEPATIC_SEVERE;
import static org.painladder.domain.patient.OrganFunctionBand.RENAL_FAILURE;
import static org.painladder.domain.patient.OrganFunctionBand.RENAL_REDUCED;
import static org.painladder.domain.patient.OrganFunctionBand.RENAL_SEVERE;
import static org.painladder.domain.regimen.OrganFunctionVerdict.AVOID;
import static org.painladder.domain.regimen.OrganFunctionVerdict.CAUTION;
import static org.painladder.domain.regimen.OrganFunctionVerdict.PREFER;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.painladder.domain.patient.Dialysis;
import org.painladder.domain.patient.HepaticImpairment;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.patient.PatientFactors;
import org.painladder.domain.patient.RenalFunction;

/** The ORG table of clinical-rules §8.2, read through the bands a patient's factors give, on both sides of each edge. */
class OrganFunctionTableTest {

    private static final int THIS_YEAR = 2026;

    private static Set<OrganFunctionBand> egfr(double egfr) {
        return new PatientFactors(new RenalFunction(egfr, Dialysis.NONE, null), null, null, null, null)
                .bands(1960, THIS_YEAR);
    }

    private static Set<OrganFunctionBand> hepatic(HepaticImpairment impairment) {
        return new PatientFactors(null, impairment, null, null, null).bands(1960, THIS_YEAR);
    }

    private static Set<OrganFunctionBand> bornIn(int birthYear) {
        return PatientFactors.none().bands(birthYear, THIS_YEAR);
    }

    private static Optional<OrganFunctionVerdict> verdict(String drug, Set<OrganFunctionBand> bands) {
        return OrganFunctionTable.strictest(drug, bands).map(OrganFunctionAdvice::verdict);
    }

    @Test
    void morphineIsAvoidedFromEgfr29AndOnlyReducedAt30To59() {
        assertEquals(Optional.of(AVOID), verdict("MORPHINE", egfr(29)));
        OrganFunctionAdvice at30 = OrganFunctionTable.strictest("MORPHINE", egfr(30)).orElseThrow();
        assertEquals(CAUTION, at30.verdict());
        assertEquals(RENAL_REDUCED, at30.band());
        assertEquals(25, at30.doseReductionMinPct());
        assertEquals(50, at30.doseReductionMaxPct());
        assertEquals(Optional.of(CAUTION), verdict("MORPHINE", egfr(59)));
        assertEquals(Optional.empty(), verdict("MORPHINE", egfr(60)));
    }

    @Test
    void renalFailureStartsBelow15AndWithAnyDialysis() {
        assertEquals(Set.of(RENAL_FAILURE), egfr(14));
        assertEquals(Set.of(RENAL_SEVERE), egfr(15));
        Set<OrganFunctionBand> dialysedAt40 = new PatientFactors(
                new RenalFunction(40.0, Dialysis.HAEMODIALYSIS, null), null, null, null, null).bands(1960, THIS_YEAR);
        assertEquals(Set.of(RENAL_FAILURE), dialysedAt40);
        Set<OrganFunctionBand> peritonealWithoutEgfr = new PatientFactors(
                new RenalFunction(null, Dialysis.PERITONEAL, null), null, null, null, null).bands(null, THIS_YEAR);
        assertEquals(Set.of(RENAL_FAILURE), peritonealWithoutEgfr);
        assertEquals(Optional.of(AVOID), verdict("CODEINE", dialysedAt40));
    }

    @Test
    void gabapentinoidCapsFollowTheLabelCrClTableOnEachSideOfTheEdges() {
        assertEquals(new BigDecimal("300"), cap("GABAPENTIN", egfr(14)));
        assertEquals(new BigDecimal("700"), cap("GABAPENTIN", egfr(15)));
        assertEquals(new BigDecimal("700"), cap("GABAPENTIN", egfr(29)));
        assertEquals(new BigDecimal("1400"), cap("GABAPENTIN", egfr(30)));
        assertEquals(new BigDecimal("1400"), cap("GABAPENTIN", egfr(59)));
        assertEquals(Optional.empty(), verdict("GABAPENTIN", egfr(60)));
        assertEquals(new BigDecimal("75"), cap("PREGABALIN", egfr(14)));
        assertEquals(new BigDecimal("150"), cap("PREGABALIN", egfr(15)));
        assertEquals(new BigDecimal("300"), cap("PREGABALIN", egfr(30)));
    }

    private static BigDecimal cap(String drug, Set<OrganFunctionBand> bands) {
        OrganFunctionAdvice advice = OrganFunctionTable.strictest(drug, bands).orElseThrow();
        assertEquals(CAUTION, advice.verdict());
        return advice.maxDailyDoseMg();
    }

    @Test
    void oxycodoneAndHydromorphoneAreHalvedBelow30AndPreferredAbove() {
        for (String drug : List.of("OXYCODONE", "HYDROMORPHONE")) {
            OrganFunctionAdvice at29 = OrganFunctionTable.strictest(drug, egfr(29)).orElseThrow();
            assertEquals(CAUTION, at29.verdict());
            assertEquals(50, at29.doseReductionMinPct());
            assertEquals(50, at29.doseReductionMaxPct());
            assertEquals(Optional.of(CAUTION), verdict(drug, egfr(14)));
            assertEquals(Optional.of(PREFER), verdict(drug, egfr(30)));
        }
    }

    @Test
    void avoidedRenalDrugsGetTheTablesAlternatives() {
        Set<OrganFunctionBand> failure = egfr(12);
        assertEquals(List.of("HYDROMORPHONE", "FENTANYL"), OrganFunctionTable.alternatives("MORPHINE", failure));
        assertEquals(List.of("OXYCODONE", "HYDROMORPHONE"), OrganFunctionTable.alternatives("CODEINE", failure));
        assertEquals(List.of("OXYCODONE", "HYDROMORPHONE"), OrganFunctionTable.alternatives("TRAMADOL", failure));
        assertEquals(List.of("PARACETAMOL"), OrganFunctionTable.alternatives("IBUPROFEN", failure));
        assertEquals(List.of("PARACETAMOL"), OrganFunctionTable.alternatives(OrganFunctionTable.NSAID, failure));
        assertEquals(List.of("DENOSUMAB"), OrganFunctionTable.alternatives("ZOLEDRONIC_ACID", failure));
        assertEquals(List.of(), OrganFunctionTable.alternatives("OXYCODONE", failure));
        assertEquals(Optional.of(PREFER), verdict("FENTANYL", failure));
        assertEquals(Optional.of(PREFER), verdict("DENOSUMAB", failure));
        assertTrue(OrganFunctionTable.preferred(RENAL_FAILURE).containsAll(List.of("FENTANYL", "BUPRENORPHINE")));
    }

    @Test
    void zoledronicAcidIsReducedAt30AndAvoidedAt29() {
        assertEquals(Optional.of(CAUTION), verdict("ZOLEDRONIC_ACID", egfr(30)));
        assertTrue(OrganFunctionTable.strictest("ZOLEDRONIC_ACID", egfr(30)).orElseThrow().dosing()
                .contains("3.0 mg"));
        assertEquals(Optional.of(AVOID), verdict("ZOLEDRONIC_ACID", egfr(29)));
    }

    @Test
    void childPughBAndCAvoidProdrugsAndCapParacetamol() {
        assertEquals(Optional.empty(), verdict("CODEINE", hepatic(HepaticImpairment.MILD)));
        for (HepaticImpairment impairment : List.of(HepaticImpairment.MODERATE, HepaticImpairment.SEVERE)) {
            Set<OrganFunctionBand> bands = hepatic(impairment);
            assertEquals(Optional.of(AVOID), verdict("CODEINE", bands));
            assertEquals(Optional.of(AVOID), verdict("TRAMADOL", bands));
            assertEquals(Optional.of(AVOID), verdict("NAPROXEN", bands));
            assertEquals(Optional.of(AVOID), verdict("METHADONE", bands));
            assertEquals(List.of("OXYCODONE", "HYDROMORPHONE"), OrganFunctionTable.alternatives("CODEINE", bands));
            OrganFunctionAdvice morphine = OrganFunctionTable.strictest("MORPHINE", bands).orElseThrow();
            assertEquals(CAUTION, morphine.verdict());
            assertEquals(50, morphine.doseReductionMaxPct());
            assertEquals(Optional.of(PREFER), verdict("FENTANYL", bands));
        }
        assertEquals(Set.of(HEPATIC_MODERATE), hepatic(HepaticImpairment.MODERATE));
        assertEquals(new BigDecimal("3000"), cap("PARACETAMOL", hepatic(HepaticImpairment.MODERATE)));
        assertEquals(Set.of(HEPATIC_SEVERE), hepatic(HepaticImpairment.SEVERE));
        assertEquals(new BigDecimal("2000"), cap("PARACETAMOL", hepatic(HepaticImpairment.SEVERE)));
    }

    @Test
    void elderlyFrom75ByBirthYearOrFrailAtAnyAge() {
        assertEquals(Set.of(), bornIn(THIS_YEAR - 74));
        assertEquals(Set.of(ELDERLY_OR_FRAIL), bornIn(THIS_YEAR - 75));
        assertEquals(Set.of(ELDERLY_OR_FRAIL),
                new PatientFactors(null, null, true, null, null).bands(THIS_YEAR - 40, THIS_YEAR));
        assertEquals(Optional.empty(), verdict("AMITRIPTYLINE", bornIn(THIS_YEAR - 74)));
        Set<OrganFunctionBand> elderly = bornIn(THIS_YEAR - 75);
        assertEquals(Optional.of(AVOID), verdict("AMITRIPTYLINE", elderly));
        assertEquals(List.of("GABAPENTIN", "PREGABALIN", "DULOXETINE"),
                OrganFunctionTable.alternatives("AMITRIPTYLINE", elderly));
        assertEquals(Optional.of(AVOID), verdict("CELECOXIB", elderly));
        assertEquals(Optional.of(CAUTION), verdict("TRAMADOL", elderly));
        // Still the first-line non-opioid, under the frail elderly's 3 g ceiling (clinical-rules §1.7).
        assertEquals(Optional.of(CAUTION), verdict("PARACETAMOL", elderly));
        assertEquals(List.of(new BigDecimal("3000")), OrganFunctionTable.advice("PARACETAMOL", elderly).stream()
                .map(OrganFunctionAdvice::maxDailyDoseMg).toList());
    }

    @Test
    void startDosesAreHalvedOnlyForTheElderlyOrFrail() {
        assertEquals(new BigDecimal("0.5"), OrganFunctionTable.startDoseFactor(bornIn(THIS_YEAR - 75)));
        assertEquals(BigDecimal.ONE, OrganFunctionTable.startDoseFactor(bornIn(THIS_YEAR - 74)));
        assertEquals(BigDecimal.ONE, OrganFunctionTable.startDoseFactor(egfr(10)));
    }

    @Test
    void anAlternativeAnotherBandAvoidsIsDropped() {
        Set<OrganFunctionBand> renalAndElderly = Set.of(RENAL_FAILURE, ELDERLY_OR_FRAIL);
        assertEquals(List.of("PARACETAMOL"), OrganFunctionTable.alternatives("DICLOFENAC", renalAndElderly));
        Set<OrganFunctionBand> renalAndHepatic = Set.of(RENAL_SEVERE, HEPATIC_SEVERE);
        assertEquals(List.of("OXYCODONE", "HYDROMORPHONE"),
                OrganFunctionTable.alternatives("TRAMADOL", renalAndHepatic));
        assertEquals(AVOID, OrganFunctionTable.advice("MORPHINE", renalAndHepatic).get(0).verdict());
        assertEquals(CAUTION, OrganFunctionTable.advice("MORPHINE", renalAndHepatic).get(1).verdict());
    }

    @Test
    void everyLineNamesItsReasonAndSource() {
        for (OrganFunctionBand band : OrganFunctionBand.values()) {
            assertFalse(OrganFunctionTable.describe(band).isBlank());
            for (String drug : List.of("MORPHINE", "CODEINE", "IBUPROFEN", "PARACETAMOL", "GABAPENTIN",
                    "AMITRIPTYLINE", "ZOLEDRONIC_ACID", "FENTANYL")) {
                for (OrganFunctionAdvice advice : OrganFunctionTable.advice(drug, Set.of(band))) {
                    assertFalse(advice.reason().isBlank(), drug + " " + band);
                    assertFalse(advice.source().isBlank(), drug + " " + band);
                    assertEquals(advice.isAvoid(), !advice.alternatives().isEmpty(), drug + " " + band);
                }
            }
        }
    }
}

package org.painladder.domain.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.painladder.domain.pain.AcuteCause;
import org.painladder.domain.pain.PainAssessment;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.ladder.PostoperativeNonOpioids.Choice;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.OrganFunctionBand;
import org.painladder.domain.patient.PatientFactors;

/**
 * The multimodal part of CAU-04 (clinical-rules §8.2, §8.10): paracetamol and an NSAID as the ORG table allows, and
 * the seam another table can stand in for.
 */
class PostoperativeAnalgesiaTest {

    private static List<Choice> check(Set<OrganFunctionBand> bands, Double weightKg,
                                      Set<Contraindication> contraindications) {
        return PostoperativeNonOpioids.ORG_TABLE.check(bands,
                new PatientFactors(null, null, null, weightKg, null), contraindications);
    }

    private static Choice drug(List<Choice> choices, String code) {
        return choices.stream().filter(choice -> choice.drug().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void aFitAdultGetsParacetamolFourGramsAndIbuprofen() {
        List<Choice> choices = check(Set.of(), 70.0, Set.of());
        assertEquals(new BigDecimal("4000"), drug(choices, "PARACETAMOL").maxDailyDoseMg());
        assertTrue(drug(choices, "IBUPROFEN").give());
    }

    @Test
    void severeRenalImpairmentFrailtyAndModerateHepaticImpairmentEachWithholdTheNsaid() {
        for (OrganFunctionBand band : List.of(OrganFunctionBand.RENAL_SEVERE, OrganFunctionBand.RENAL_FAILURE,
                OrganFunctionBand.HEPATIC_MODERATE, OrganFunctionBand.ELDERLY_OR_FRAIL)) {
            Choice nsaid = drug(check(Set.of(band), null, Set.of()), "IBUPROFEN");
            assertEquals(false, nsaid.give(), band.name());
            assertTrue(nsaid.reason().contains(band.name()), nsaid.reason());
        }
        Choice reduced = drug(check(Set.of(OrganFunctionBand.RENAL_REDUCED), null, Set.of()), "IBUPROFEN");
        assertTrue(reduced.give() && reduced.reason().contains("caution"), reduced.reason());
        assertEquals(false, drug(check(Set.of(), null, Set.of(Contraindication.COAGULOPATHY)), "IBUPROFEN").give());
    }

    @Test
    void paracetamolIsCappedByLiverAndByWeightWhicheverIsLower() {
        assertEquals(new BigDecimal("3000"), drug(check(Set.of(OrganFunctionBand.HEPATIC_MODERATE), null, Set.of()),
                "PARACETAMOL").maxDailyDoseMg());
        assertEquals(new BigDecimal("2000"), drug(check(Set.of(OrganFunctionBand.HEPATIC_SEVERE), 45.0, Set.of()),
                "PARACETAMOL").maxDailyDoseMg());
        assertEquals(new BigDecimal("2400"), drug(check(Set.of(), 40.0, Set.of()), "PARACETAMOL").maxDailyDoseMg());
        assertEquals(new BigDecimal("4000"), drug(check(Set.of(), 50.0, Set.of()), "PARACETAMOL").maxDailyDoseMg());
    }

    @Test
    void theSeamLetsAnotherOrganFunctionTableDecideWhatTheProposalSays() {
        PostoperativeNonOpioids.NonOpioidCheck table = (bands, factors, contraindications) -> List.of(
                new Choice("PARACETAMOL", true, new BigDecimal("3000"), "paracetamol 1 g × 3 from the ORG table"));
        PainAssessment afterSurgery = Assessments.assessments().background(7).site(PainSite.ABDOMEN_UPPER)
                .acute(AcuteCause.POSTOPERATIVE).hoursAgo(1);
        ClinicalPicture picture = new ClinicalPicture(PatientSnapshots.noAnalgesia().build(), afterSurgery,
                LadderPolicy.defaults(), Assessments.NOW);
        Advice advice = Advice.of(RuleId.CAU_04, picture);
        String text = new PostoperativeAnalgesia(table).addTo(advice, picture, afterSurgery);
        Map<String, Object> proposal = advice.because(text).build().proposal();
        assertEquals(List.of(Map.of("drug", "PARACETAMOL", "give", true, "maxDailyDoseMg", new BigDecimal("3000"),
                "reason", "paracetamol 1 g × 3 from the ORG table")), proposal.get("multimodal"));
        assertTrue(text.endsWith("multimodal: paracetamol 1 g × 3 from the ORG table."), text);
        @SuppressWarnings("unchecked")
        Map<String, Object> pcia = (Map<String, Object>) proposal.get("pcia");
        assertEquals("none: opioid-naive (APS 2016)", pcia.get("basalInfusion"));
        assertTrue(proposal.containsKey("pcea"), "upper-abdominal surgery, no neuraxial contraindication");
    }
}

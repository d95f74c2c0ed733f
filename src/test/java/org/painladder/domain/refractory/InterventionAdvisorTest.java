package org.painladder.domain.refractory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.PrimarySite;

/** Candidate interventions: every §6.6 row × life expectancy 2, 3 or unknown × each §3.4 contraindication. */
class InterventionAdvisorTest {

    private final InterventionAdvisor advisor = new InterventionAdvisor(RefractoryPolicy.defaults());

    /** A §6.6 row as a patient presents it, with its options for ≥ 3 months' survival (IT = pump or catheter). */
    private record Presentation(String name, PainSite site, PainMechanism mechanism, PrimarySite primarySite,
                                boolean boneMetastases, String options) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Presentation> ROWS = List.of(
            new Presentation("pancreatic upper-abdominal visceral pain", PainSite.ABDOMEN_UPPER,
                    PainMechanism.NOCICEPTIVE_VISCERAL, PrimarySite.PANCREAS, false, "CELIAC_PLEXUS_NEUROLYSIS IT IV_PCA"),
            new Presentation("cervical cancer pelvic visceral pain", PainSite.PELVIS, PainMechanism.NOCICEPTIVE_VISCERAL,
                    PrimarySite.CERVIX_UTERUS, false,
                    "SUPERIOR_HYPOGASTRIC_PLEXUS_NEUROLYSIS IT EPIDURAL_CATHETER IV_PCA"),
            new Presentation("rectal cancer perineal pain", PainSite.PERINEUM, PainMechanism.MIXED,
                    PrimarySite.COLORECTAL, false, "GANGLION_IMPAR_NEUROLYSIS IT IV_PCA"),
            new Presentation("mesothelioma chest-wall pain", PainSite.CHEST, PainMechanism.NEUROPATHIC,
                    PrimarySite.MESOTHELIOMA, false,
                    "INTERCOSTAL_NEUROLYSIS CORDOTOMY PALLIATIVE_RADIOTHERAPY IT EPIDURAL_CATHETER IV_PCA"),
            new Presentation("Pancoast tumour arm pain", PainSite.LIMB_UPPER, PainMechanism.NEUROPATHIC,
                    PrimarySite.LUNG, false, "CORDOTOMY IT PALLIATIVE_RADIOTHERAPY IV_PCA"),
            new Presentation("breast cancer diffuse bone pain", PainSite.BONE_DIFFUSE, PainMechanism.NOCICEPTIVE_SOMATIC,
                    PrimarySite.BREAST, true, "PALLIATIVE_RADIOTHERAPY VERTEBRAL_AUGMENTATION IT IV_PCA"),
            new Presentation("myeloma low-back pain", PainSite.BACK_LOW, PainMechanism.NOCICEPTIVE_SOMATIC,
                    PrimarySite.MYELOMA, true,
                    "VERTEBRAL_AUGMENTATION PALLIATIVE_RADIOTHERAPY IT EPIDURAL_CATHETER IV_PCA"),
            new Presentation("head and neck cancer pain", PainSite.HEAD, PainMechanism.MIXED, PrimarySite.HEAD_NECK,
                    false, "PALLIATIVE_RADIOTHERAPY IV_PCA"),
            new Presentation("lymphoma generalised pain", PainSite.GENERALIZED, PainMechanism.MIXED,
                    PrimarySite.LYMPHOMA, false, "IT IV_PCA"));

    /** §3.4, written out per option: A = absolute (contraindicatedBy), R = relative (a caution). */
    private static final Map<InterventionType, String> MATRIX = Map.ofEntries(
            Map.entry(InterventionType.INTRATHECAL_PUMP, "A A A A A"),
            Map.entry(InterventionType.INTRATHECAL_CATHETER, "A A A A A"),
            Map.entry(InterventionType.EPIDURAL_CATHETER, "A A A A A"),
            Map.entry(InterventionType.CELIAC_PLEXUS_NEUROLYSIS, "A A R A A"),
            Map.entry(InterventionType.SUPERIOR_HYPOGASTRIC_PLEXUS_NEUROLYSIS, "A A R A A"),
            Map.entry(InterventionType.GANGLION_IMPAR_NEUROLYSIS, "A A R A A"),
            Map.entry(InterventionType.INTERCOSTAL_NEUROLYSIS, "R R R A A"),
            Map.entry(InterventionType.CORDOTOMY, "A A R A A"),
            Map.entry(InterventionType.VERTEBRAL_AUGMENTATION, "A A A A A"),
            Map.entry(InterventionType.PALLIATIVE_RADIOTHERAPY, "- - - - A"),
            Map.entry(InterventionType.IV_PCA, "- - - - A"));

    static Stream<Arguments> everyRowLifeExpectancyAndContraindication() {
        List<Arguments> cases = new ArrayList<>();
        for (Presentation row : ROWS) {
            for (Integer months : Arrays.asList(2, 3, null)) {
                for (Contraindication contraindication : Contraindication.values()) {
                    cases.add(Arguments.of(row, months, contraindication));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, life expectancy {1} months, {2}")
    @MethodSource("everyRowLifeExpectancyAndContraindication")
    void candidatesFollowTheRowTheLifeExpectancyAndTheContraindicationMatrix(Presentation row, Integer months,
                                                                            Contraindication contraindication) {
        List<CandidateIntervention> candidates = advisor.advise(new InterventionContext(row.site(), row.mechanism(),
                row.primarySite(), row.boneMetastases(), months, Set.of(contraindication)));

        assertEquals(expectedOrder(row.options(), months), candidates.stream().map(CandidateIntervention::type).toList());
        for (CandidateIntervention candidate : candidates) {
            String strength = MATRIX.get(candidate.type()).split(" ")[contraindication.ordinal()];
            assertEquals(strength.equals("A") ? List.of(contraindication) : List.of(), candidate.contraindicatedBy(),
                    candidate.type() + " contraindicatedBy");
            boolean cautioned = candidate.cautions().stream()
                    .anyMatch(c -> c.startsWith("Relative contraindication " + contraindication));
            assertEquals(strength.equals("R"), cautioned, candidate.type() + " relative caution");
            assertTrue(candidate.rationale().length() > 40, "a rationale in clinical words");
        }
    }

    private static List<InterventionType> expectedOrder(String options, Integer months) {
        List<InterventionType> expected = new ArrayList<>();
        for (String option : options.split(" ")) {
            if (!option.equals("IT")) {
                expected.add(InterventionType.valueOf(option));
            } else if (months == null) {
                expected.add(InterventionType.INTRATHECAL_PUMP);
                expected.add(InterventionType.INTRATHECAL_CATHETER);
            } else {
                expected.add(months >= 3 ? InterventionType.INTRATHECAL_PUMP : InterventionType.INTRATHECAL_CATHETER);
            }
        }
        return expected;
    }

    @Test
    void aPatientWhoDeclinesHasEveryOptionContraindicatedButKeepsTheList() {
        List<CandidateIntervention> candidates = advisor.advise(new InterventionContext(PainSite.ABDOMEN_UPPER,
                PainMechanism.NOCICEPTIVE_VISCERAL, PrimarySite.PANCREAS, false, 6,
                Set.of(Contraindication.PATIENT_DECLINES)));
        assertEquals(3, candidates.size());
        assertTrue(candidates.stream().allMatch(c -> c.contraindicatedBy().equals(List.of(Contraindication.PATIENT_DECLINES))));
        assertTrue(candidates.get(0).cautions().contains("The patient declines interventional treatment: the case stays"
                + " open for comfort-care planning"));
    }

    @Test
    void anUnknownLifeExpectancyListsPumpAndCatheterWithACaution() {
        List<CandidateIntervention> candidates = advisor.advise(new InterventionContext(PainSite.GENERALIZED,
                PainMechanism.MIXED, PrimarySite.OTHER, false, null, Set.of()));
        assertTrue(candidates.get(0).cautions().contains("Life expectancy not recorded: choose the pump if expected"
                + " survival is at least 3 months, the catheter if shorter"));
        assertTrue(candidates.get(1).cautions().get(0).startsWith("Life expectancy not recorded"));
    }

    @Test
    void shortLifeExpectancyAsksForSingleFractionRadiotherapyAndCautionsAgainstVertebralAugmentation() {
        List<CandidateIntervention> candidates = advisor.advise(new InterventionContext(PainSite.BONE_DIFFUSE,
                PainMechanism.NOCICEPTIVE_SOMATIC, PrimarySite.BREAST, true, 2, Set.of()));
        assertEquals("Life expectancy 2 months: prefer a single fraction (8 Gy × 1)", candidates.get(0).cautions().get(0));
        assertTrue(candidates.get(1).cautions().get(0).startsWith("Relative contraindication: life expectancy 2 months"));
    }

    @Test
    void theRationaleSaysWhyInClinicalWords() {
        CandidateIntervention celiac = advisor.advise(new InterventionContext(PainSite.ABDOMEN_UPPER,
                PainMechanism.NOCICEPTIVE_VISCERAL, PrimarySite.PANCREAS, false, 6, Set.of())).get(0);
        assertTrue(celiac.rationale().startsWith("Upper-abdominal visceral pain: coeliac plexus neurolysis"),
                celiac.rationale());
    }

    @Test
    void whenTheSiteDoesNotDecideThePrimaryTumourOrBoneMetastasesDo() {
        assertEquals(InterventionType.CELIAC_PLEXUS_NEUROLYSIS, firstFor(PainSite.GENERALIZED,
                PainMechanism.NOCICEPTIVE_VISCERAL, PrimarySite.PANCREAS, false));
        assertEquals(InterventionType.SUPERIOR_HYPOGASTRIC_PLEXUS_NEUROLYSIS, firstFor(PainSite.OTHER,
                PainMechanism.MIXED, PrimarySite.PROSTATE, false));
        assertEquals(InterventionType.PALLIATIVE_RADIOTHERAPY, firstFor(PainSite.GENERALIZED,
                PainMechanism.NOCICEPTIVE_SOMATIC, PrimarySite.PROSTATE, true));
        assertEquals(InterventionType.INTRATHECAL_PUMP, firstFor(null, PainMechanism.UNKNOWN, null, false));
    }

    @Test
    void neuropathicUpperAbdominalPainIsNotSteeredToAPlexusBlock() {
        assertEquals(InterventionType.INTRATHECAL_PUMP, firstFor(PainSite.ABDOMEN_UPPER, PainMechanism.NEUROPATHIC,
                PrimarySite.PANCREAS, false));
    }

    private InterventionType firstFor(PainSite site, PainMechanism mechanism, PrimarySite primary, boolean boneMets) {
        return advisor.advise(new InterventionContext(site, mechanism, primary, boneMets, 6, Set.of())).get(0).type();
    }
}

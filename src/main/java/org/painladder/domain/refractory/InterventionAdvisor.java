package org.painladder.domain.refractory;

import static org.painladder.domain.refractory.InterventionType.CELIAC_PLEXUS_NEUROLYSIS;
import static org.painladder.domain.refractory.InterventionType.CORDOTOMY;
import static org.painladder.domain.refractory.InterventionType.EPIDURAL_CATHETER;
import static org.painladder.domain.refractory.InterventionType.GANGLION_IMPAR_NEUROLYSIS;
import static org.painladder.domain.refractory.InterventionType.INTERCOSTAL_NEUROLYSIS;
import static org.painladder.domain.refractory.InterventionType.INTRATHECAL_CATHETER;
import static org.painladder.domain.refractory.InterventionType.INTRATHECAL_PUMP;
import static org.painladder.domain.refractory.InterventionType.IV_PCA;
import static org.painladder.domain.refractory.InterventionType.PALLIATIVE_RADIOTHERAPY;
import static org.painladder.domain.refractory.InterventionType.SUPERIOR_HYPOGASTRIC_PLEXUS_NEUROLYSIS;
import static org.painladder.domain.refractory.InterventionType.VERTEBRAL_AUGMENTATION;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.painladder.domain.pain.PainMechanism;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.PrimarySite;
import org.painladder.domain.refractory.InterventionType.Family;

/**
 * Candidate interventions for a refractory case (clinical-rules §6.6), most specific first for the pain's site,
 * mechanism and primary tumour; then fitted to the life expectancy (implanted pump only with ≥ 3 months expected
 * survival) and annotated with the §3.4 contraindications. Nothing is hidden: a contraindicated option is listed
 * with {@code contraindicatedBy}, a relative one gets a caution.
 */
public final class InterventionAdvisor {

    /** A §6.6 row: the pain it fits, in words, and its options in order; IT stands for pump or catheter. */
    private enum Row {
        UPPER_ABDOMINAL_VISCERAL("Upper-abdominal visceral pain", CELIAC_PLEXUS_NEUROLYSIS, INTRATHECAL_PUMP, IV_PCA),
        PELVIC_VISCERAL("Pelvic or lower-abdominal visceral pain", SUPERIOR_HYPOGASTRIC_PLEXUS_NEUROLYSIS,
                INTRATHECAL_PUMP, EPIDURAL_CATHETER, IV_PCA),
        PERINEAL("Perineal pain", GANGLION_IMPAR_NEUROLYSIS, INTRATHECAL_PUMP, IV_PCA),
        CHEST_WALL("Chest-wall pain", INTERCOSTAL_NEUROLYSIS, CORDOTOMY, PALLIATIVE_RADIOTHERAPY, INTRATHECAL_PUMP,
                EPIDURAL_CATHETER, IV_PCA),
        LIMB("Limb pain", CORDOTOMY, INTRATHECAL_PUMP, PALLIATIVE_RADIOTHERAPY, IV_PCA),
        BONE("Bone pain from metastases", PALLIATIVE_RADIOTHERAPY, VERTEBRAL_AUGMENTATION, INTRATHECAL_PUMP, IV_PCA),
        LOW_BACK("Low-back pain", VERTEBRAL_AUGMENTATION, PALLIATIVE_RADIOTHERAPY, INTRATHECAL_PUMP,
                EPIDURAL_CATHETER, IV_PCA),
        HEAD_NECK("Head and neck pain", PALLIATIVE_RADIOTHERAPY, IV_PCA),
        GENERALIZED("Diffuse, bilateral or midline pain", INTRATHECAL_PUMP, IV_PCA);

        private final String indication;
        private final List<InterventionType> options;

        Row(String indication, InterventionType... options) {
            this.indication = indication;
            this.options = List.of(options);
        }
    }

    private enum Strength { ABSOLUTE, RELATIVE }

    private static final Set<PrimarySite> UPPER_ABDOMINAL_PRIMARIES =
            EnumSet.of(PrimarySite.PANCREAS, PrimarySite.STOMACH, PrimarySite.LIVER);
    private static final Set<PrimarySite> PELVIC_PRIMARIES = EnumSet.of(PrimarySite.COLORECTAL,
            PrimarySite.CERVIX_UTERUS, PrimarySite.OVARY, PrimarySite.BLADDER, PrimarySite.PROSTATE);
    private static final Map<Family, Map<Contraindication, Strength>> MATRIX = contraindicationMatrix();

    private final RefractoryPolicy policy;

    public InterventionAdvisor(RefractoryPolicy policy) {
        this.policy = policy;
    }

    public List<CandidateIntervention> advise(InterventionContext context) {
        Row row = rowFor(context);
        List<CandidateIntervention> candidates = new ArrayList<>();
        for (InterventionType option : row.options) {
            for (InterventionType type : fittedToLifeExpectancy(option, context.lifeExpectancyMonths())) {
                candidates.add(annotated(type, row, context));
            }
        }
        return candidates;
    }

    private static Row rowFor(InterventionContext context) {
        PainSite site = context.site();
        PainMechanism mechanism = context.mechanism();
        boolean visceral = is(mechanism, PainMechanism.NOCICEPTIVE_VISCERAL, PainMechanism.MIXED);
        boolean somatic = is(mechanism, PainMechanism.NOCICEPTIVE_SOMATIC, PainMechanism.MIXED);
        if (site == PainSite.PERINEUM) {
            return Row.PERINEAL;
        }
        if (site == PainSite.ABDOMEN_UPPER && visceral) {
            return Row.UPPER_ABDOMINAL_VISCERAL;
        }
        if ((site == PainSite.ABDOMEN_LOWER || site == PainSite.PELVIS) && visceral) {
            return Row.PELVIC_VISCERAL;
        }
        if (site == PainSite.CHEST && (somatic || is(mechanism, PainMechanism.NEUROPATHIC))) {
            return Row.CHEST_WALL;
        }
        // Unilateral limb pain below C5: neuropathic, mixed, or incident (movement-related, hence somatic) pain.
        if ((site == PainSite.LIMB_LOWER || site == PainSite.LIMB_UPPER) && mechanism != PainMechanism.NOCICEPTIVE_VISCERAL) {
            return Row.LIMB;
        }
        if (site == PainSite.BONE_DIFFUSE && somatic) {
            return Row.BONE;
        }
        if (site == PainSite.BACK_LOW && somatic) {
            return Row.LOW_BACK;
        }
        if (site == PainSite.HEAD || site == PainSite.NECK_SHOULDER) {
            return Row.HEAD_NECK;
        }
        // The site did not decide (generalised, other, or a mechanism that does not fit it): the tumour may.
        if (visceral && UPPER_ABDOMINAL_PRIMARIES.contains(context.primarySite())) {
            return Row.UPPER_ABDOMINAL_VISCERAL;
        }
        if (visceral && PELVIC_PRIMARIES.contains(context.primarySite())) {
            return Row.PELVIC_VISCERAL;
        }
        if (context.boneMetastases() && mechanism == PainMechanism.NOCICEPTIVE_SOMATIC) {
            return Row.BONE;
        }
        return Row.GENERALIZED;
    }

    /** An unknown mechanism fits every row, so the site alone decides. */
    private static boolean is(PainMechanism mechanism, PainMechanism... accepted) {
        return mechanism == PainMechanism.UNKNOWN || List.of(accepted).contains(mechanism);
    }

    /** Intrathecal delivery: an implanted pump with ≥ 3 months' expected survival, a catheter below; both if unknown. */
    private List<InterventionType> fittedToLifeExpectancy(InterventionType option, Integer lifeExpectancyMonths) {
        if (option != INTRATHECAL_PUMP) {
            return List.of(option);
        }
        if (lifeExpectancyMonths == null) {
            return List.of(INTRATHECAL_PUMP, INTRATHECAL_CATHETER);
        }
        return List.of(lifeExpectancyMonths >= policy.itPumpMinLifeExpectancyMonths() ? INTRATHECAL_PUMP
                : INTRATHECAL_CATHETER);
    }

    /**
     * The patient's §3.4 contraindications to a procedure family: the absolute ones rule it out, the relative ones are
     * weighed and corrected first where possible. The refractory case's candidates and the co-advice that names a
     * procedure (INT-04's epidural injection, INT-05's coeliac plexus neurolysis) read this one table.
     */
    public record Contraindications(List<Contraindication> absolute, List<Contraindication> relative) {

        public Contraindications {
            absolute = List.copyOf(absolute);
            relative = List.copyOf(relative);
        }
    }

    public static Contraindications contraindications(Family family, Set<Contraindication> patient) {
        List<Contraindication> absolute = new ArrayList<>();
        List<Contraindication> relative = new ArrayList<>();
        Map<Contraindication, Strength> column = MATRIX.get(family);
        for (Contraindication contraindication : Contraindication.values()) {
            if (patient.contains(contraindication) && column.containsKey(contraindication)) {
                (column.get(contraindication) == Strength.ABSOLUTE ? absolute : relative).add(contraindication);
            }
        }
        return new Contraindications(absolute, relative);
    }

    private CandidateIntervention annotated(InterventionType type, Row row, InterventionContext context) {
        Contraindications found = contraindications(type.family(), context.contraindications());
        List<Contraindication> contraindicatedBy = found.absolute();
        List<String> cautions = new ArrayList<>();
        for (Contraindication contraindication : found.relative()) {
            cautions.add("Relative contraindication " + contraindication + ": weigh the benefit against the"
                    + " risk and correct it first where possible");
        }
        if (context.contraindications().contains(Contraindication.PATIENT_DECLINES)) {
            cautions.add("The patient declines interventional treatment: the case stays open for comfort-care"
                    + " planning");
        }
        cautions.addAll(lifeExpectancyCautions(type, context.lifeExpectancyMonths()));
        cautions.addAll(standingCautions(type));
        return new CandidateIntervention(type, row.indication + ": " + rationale(type), contraindicatedBy, cautions);
    }

    private List<String> lifeExpectancyCautions(InterventionType type, Integer months) {
        int threshold = policy.itPumpMinLifeExpectancyMonths();
        boolean shortLife = months != null && months < threshold;
        if (months == null && (type == INTRATHECAL_PUMP || type == INTRATHECAL_CATHETER)) {
            return List.of("Life expectancy not recorded: choose the pump if expected survival is at least "
                    + threshold + " months, the catheter if shorter");
        }
        if (shortLife && type == VERTEBRAL_AUGMENTATION) {
            return List.of("Relative contraindication: life expectancy " + months + " months (< " + threshold
                    + "); the benefit needs weeks of survival");
        }
        if (shortLife && type == PALLIATIVE_RADIOTHERAPY) {
            return List.of("Life expectancy " + months + " months: prefer a single fraction (8 Gy × 1)");
        }
        return List.of();
    }

    /** Relative contraindications the api has no field for yet (§3.4): checks to make before referral. */
    private static List<String> standingCautions(InterventionType type) {
        return switch (type) {
            case INTRATHECAL_PUMP -> List.of("Check for raised intracranial pressure or obstructed CSF flow",
                    "Needs a caregiver and access to pump refills");
            case INTRATHECAL_CATHETER, EPIDURAL_CATHETER ->
                    List.of("Check for raised intracranial pressure or obstructed CSF flow");
            case CORDOTOMY -> List.of("Unilateral pain below C5 only; check contralateral lung function");
            case IV_PCA -> List.of("The patient must be able to work the button; cognitive impairment is a relative"
                    + " contraindication");
            case VERTEBRAL_AUGMENTATION -> List.of("Only for a vertebral compression fracture shown on imaging,"
                    + " without retropulsed fragment or cord compression");
            default -> List.of();
        };
    }

    private static String rationale(InterventionType type) {
        return switch (type) {
            case CELIAC_PLEXUS_NEUROLYSIS -> "coeliac plexus neurolysis (percutaneous or EUS-guided) relieves"
                    + " pancreatic and upper-gut pain and cuts opioid use and its side effects; earlier use is"
                    + " favoured in pancreatic cancer. Transient hypotension and diarrhoea are common.";
            case SUPERIOR_HYPOGASTRIC_PLEXUS_NEUROLYSIS -> "superior hypogastric plexus neurolysis reduces pelvic"
                    + " visceral pain and opioid need (Pérez-Moreno 2020).";
            case GANGLION_IMPAR_NEUROLYSIS -> "ganglion impar neurolysis blocks the sympathetic supply of the"
                    + " perineum, anus, distal rectum and vulva.";
            case INTERCOSTAL_NEUROLYSIS -> "intercostal or paravertebral neurolysis (chemical, cryo or"
                    + " radiofrequency) for pain over 1 to 3 dermatomes, such as rib metastases or chest-wall invasion.";
            case CORDOTOMY -> "percutaneous cervical cordotomy for unilateral pain below C5, especially incident pain;"
                    + " satisfactory relief in 54 of 62 patients (JCO 1995). Pain may return after months.";
            case PALLIATIVE_RADIOTHERAPY -> "palliative radiotherapy for a painful bone metastasis or a focal tumour"
                    + " pressing on nerves; 60 to 85 % respond, and 8 Gy × 1 relieves as well as 30 Gy/10 (ASTRO 2017).";
            case VERTEBRAL_AUGMENTATION -> "vertebroplasty or kyphoplasty for a painful vertebral compression"
                    + " fracture improves pain and function within a month (CAFE trial).";
            case INTRATHECAL_PUMP -> "an implanted intrathecal pump gives better relief with about half the"
                    + " toxicity of systemic opioids (Smith 2002 RCT); for expected survival of at least 3 months.";
            case INTRATHECAL_CATHETER -> "a tunnelled intrathecal catheter gives the same relief as a pump, is quicker"
                    + " to place and suits expected survival under 3 months; infection risk grows with time.";
            case EPIDURAL_CATHETER -> "a tunnelled epidural catheter with local anaesthetic and opioid for segmental"
                    + " pain or as a bridge, for weeks rather than months.";
            case IV_PCA -> "IV or SC patient-controlled analgesia for rapid titration in a pain crisis, as a bridge"
                    + " to a procedure, or when the oral route fails.";
        };
    }

    private static Map<Family, Map<Contraindication, Strength>> contraindicationMatrix() {
        Map<Family, Map<Contraindication, Strength>> matrix = new EnumMap<>(Family.class);
        matrix.put(Family.NEURAXIAL, column(Strength.ABSOLUTE, Strength.ABSOLUTE, Strength.ABSOLUTE, Strength.ABSOLUTE));
        matrix.put(Family.PLEXUS_NEUROLYSIS,
                column(Strength.ABSOLUTE, Strength.ABSOLUTE, Strength.RELATIVE, Strength.ABSOLUTE));
        matrix.put(Family.INTERCOSTAL, column(Strength.RELATIVE, Strength.RELATIVE, Strength.RELATIVE, Strength.ABSOLUTE));
        matrix.put(Family.CORDOTOMY, column(Strength.ABSOLUTE, Strength.ABSOLUTE, Strength.RELATIVE, Strength.ABSOLUTE));
        matrix.put(Family.VERTEBRAL_AUGMENTATION,
                column(Strength.ABSOLUTE, Strength.ABSOLUTE, Strength.ABSOLUTE, Strength.ABSOLUTE));
        matrix.put(Family.RADIOTHERAPY, column(null, null, null, null));
        matrix.put(Family.PATIENT_CONTROLLED_ANALGESIA, column(null, null, null, null));
        return matrix;
    }

    /** One §3.4 column; a null strength means no contraindication. The patient's refusal rules out every procedure. */
    private static Map<Contraindication, Strength> column(Strength anticoagulated, Strength coagulopathy,
                                                          Strength systemicInfection, Strength localInfection) {
        Map<Contraindication, Strength> column = new EnumMap<>(Contraindication.class);
        putIfPresent(column, Contraindication.ANTICOAGULATED, anticoagulated);
        putIfPresent(column, Contraindication.COAGULOPATHY, coagulopathy);
        putIfPresent(column, Contraindication.SYSTEMIC_INFECTION, systemicInfection);
        putIfPresent(column, Contraindication.LOCAL_INFECTION, localInfection);
        column.put(Contraindication.PATIENT_DECLINES, Strength.ABSOLUTE);
        return column;
    }

    private static void putIfPresent(Map<Contraindication, Strength> column, Contraindication contraindication,
                                     Strength strength) {
        if (strength != null) {
            column.put(contraindication, strength);
        }
    }
}

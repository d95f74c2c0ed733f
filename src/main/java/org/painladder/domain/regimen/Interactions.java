package org.painladder.domain.regimen;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The drug-drug interactions of the formulary that the labels and clinical-rules §1.4, §2.5 name, read by the regimen
 * warnings (what the patient takes) and by the ladder (what a proposal would add). Precise rather than alarmist:
 * serotonin syndrome only for the opioids whose labels carry it in their warnings (tramadol and tapentadol, which
 * inhibit monoamine reuptake themselves; fentanyl and methadone, added by FDA 2016 for cases at usual doses), not for
 * every opioid beside an antidepressant, which the class labelling lists only as a drug interaction.
 */
public final class Interactions {

    public static final String SEROTONERGIC_COMBINATION = "SEROTONERGIC_COMBINATION";
    public static final String TRAMADOL_SEIZURE_THRESHOLD = "TRAMADOL_SEIZURE_THRESHOLD";
    public static final String METHADONE_QTC = "METHADONE_QTC";
    public static final String TWO_GABAPENTINOIDS = "TWO_GABAPENTINOIDS";
    public static final String GABAPENTINOID_WITH_OPIOID = "GABAPENTINOID_WITH_OPIOID";

    /** Opioids that inhibit serotonin or noradrenaline reuptake themselves: their labels warn first of all. */
    static final Set<String> REUPTAKE_OPIOIDS = Set.of("TRAMADOL", "TAPENTADOL");
    /** Opioids whose labels carry serotonin syndrome since FDA 2016 (cases at recommended doses). */
    static final Set<String> REPORTED_SEROTONERGIC_OPIOIDS = Set.of("FENTANYL", "METHADONE");
    /** The serotonergic antidepressants used as adjuvants: an SNRI and the tricyclics. */
    static final Set<String> SEROTONERGIC_ANTIDEPRESSANTS = Set.of("DULOXETINE", "AMITRIPTYLINE", "NORTRIPTYLINE");
    /** Tricyclics prolong the QT interval, as methadone does (§2.5). */
    static final Set<String> TRICYCLICS = Set.of("AMITRIPTYLINE", "NORTRIPTYLINE");
    static final Set<String> GABAPENTINOIDS = Set.of("GABAPENTIN", "PREGABALIN");

    private static final String FDA_2016 = "FDA Drug Safety Communication 2016 (serotonin syndrome with opioids); "
            + "product labels";

    /**
     * One interaction: the warning code, the drugs concerned (formulary codes, in the order given), the risk in a few
     * words ("serotonin syndrome and seizures with tramadol"), what to do, and the source.
     */
    public record Finding(String code, List<String> drugs, String reason, String message, String source) {
        public Finding {
            drugs = List.copyOf(drugs);
        }
    }

    private Interactions() {
    }

    /**
     * Every interaction among these drugs, each code once; opioids are told apart by {@code opioids}, the codes of the
     * opioid lines.
     */
    public static List<Finding> among(Collection<String> drugs, Collection<String> opioids) {
        List<String> codes = new ArrayList<>(new LinkedHashSet<>(drugs));
        List<Finding> findings = new ArrayList<>();
        serotonergic(codes).ifPresent(findings::add);
        seizureThreshold(codes).ifPresent(findings::add);
        methadoneQtc(codes).ifPresent(findings::add);
        List<String> gabapentinoids = codes.stream().filter(GABAPENTINOIDS::contains).toList();
        if (gabapentinoids.size() > 1) {
            findings.add(new Finding(TWO_GABAPENTINOIDS, gabapentinoids, "a second gabapentinoid",
                    "two gabapentinoids at once (" + names(gabapentinoids) + "): the same α2δ action, so more sedation, dizziness and slowed "
                    + "breathing and no more relief; use one", "Gabapentin and pregabalin labels"));
        }
        List<String> opioidLines = codes.stream().filter(opioids::contains).toList();
        if (!gabapentinoids.isEmpty() && !opioidLines.isEmpty()) {
            List<String> both = codes.stream().filter(code -> opioidLines.contains(code)
                    || gabapentinoids.contains(code)).toList();
            findings.add(new Finding(GABAPENTINOID_WITH_OPIOID, both, "slowed breathing with "
                    + names(opioidLines), names(gabapentinoids) + " with " + names(opioidLines) + ": together they can slow breathing; start the gabapentinoid at the "
                    + "lowest dose, titrate slowly, and watch for sedation and slowed or shallow breathing, more so "
                    + "in the elderly or with lung disease", "FDA Drug Safety Communication 2019 (gabapentinoids)"));
        }
        return findings;
    }

    /**
     * The interaction that rules a drug out of advice for a patient taking {@code taken}, where the rules have an
     * alternative that does not interact: a serotonergic antidepressant beside tramadol or tapentadol, a tricyclic
     * beside methadone; and the other way round, tramadol beside a serotonergic antidepressant. Empty when none does.
     */
    public static Optional<Finding> leaveOut(String drug, Collection<String> taken) {
        String code = drug.toUpperCase(Locale.ROOT);
        List<String> with = new ArrayList<>(taken);
        with.remove(code);
        with.add(code);
        boolean antidepressantBesideReuptakeOpioid = SEROTONERGIC_ANTIDEPRESSANTS.contains(code)
                && taken.stream().anyMatch(REUPTAKE_OPIOIDS::contains);
        boolean reuptakeOpioidBesideAntidepressant = REUPTAKE_OPIOIDS.contains(code)
                && taken.stream().anyMatch(SEROTONERGIC_ANTIDEPRESSANTS::contains);
        if (antidepressantBesideReuptakeOpioid || reuptakeOpioidBesideAntidepressant) {
            return serotonergic(with);
        }
        if (TRICYCLICS.contains(code) && taken.contains("METHADONE")) {
            return methadoneQtc(with);
        }
        return Optional.empty();
    }

    /** The interactions a drug would add to {@code taken} (those among {@code taken} alone left out). */
    public static List<Finding> adding(String drug, Collection<String> taken, Collection<String> opioids) {
        String code = drug.toUpperCase(Locale.ROOT);
        List<String> with = new ArrayList<>(taken);
        with.add(code);
        List<String> before = among(taken, opioids).stream().map(Finding::code).toList();
        return among(with, opioids).stream()
                .filter(finding -> finding.drugs().contains(code) && !before.contains(finding.code())).toList();
    }

    private static Optional<Finding> serotonergic(List<String> codes) {
        List<String> reuptake = codes.stream().filter(REUPTAKE_OPIOIDS::contains).toList();
        List<String> reported = codes.stream().filter(REPORTED_SEROTONERGIC_OPIOIDS::contains).toList();
        List<String> antidepressants = codes.stream().filter(SEROTONERGIC_ANTIDEPRESSANTS::contains).toList();
        if (antidepressants.isEmpty() || reuptake.isEmpty() && reported.isEmpty()) {
            return Optional.empty();
        }
        List<String> drugs = codes.stream().filter(code -> reuptake.contains(code) || reported.contains(code)
                || antidepressants.contains(code)).toList();
        String message = reuptake.isEmpty()
                ? names(reported) + " with " + names(antidepressants) + ": serotonin syndrome has been reported at "
                        + "usual doses; watch for agitation, tremor, clonus, sweating and fever after starting or "
                        + "raising either, and stop one if it appears"
                : names(reuptake) + " with " + names(antidepressants) + ": both raise serotonin, so serotonin "
                        + "syndrome is a label warning (agitation, tremor, clonus, sweating, fever); for neuropathic "
                        + "pain prefer gabapentin or pregabalin, or move to an opioid without this action";
        String with = names(reuptake.isEmpty() ? reported : reuptake);
        return Optional.of(new Finding(SEROTONERGIC_COMBINATION, drugs, "serotonin syndrome"
                + (reuptake.contains("TRAMADOL") ? " and seizures" : "") + " with " + with, message, FDA_2016));
    }

    private static Optional<Finding> seizureThreshold(List<String> codes) {
        List<String> antidepressants = codes.stream().filter(SEROTONERGIC_ANTIDEPRESSANTS::contains).toList();
        if (!codes.contains("TRAMADOL") || antidepressants.isEmpty()) {
            return Optional.empty();
        }
        List<String> drugs = codes.stream().filter(code -> code.equals("TRAMADOL") || antidepressants.contains(code))
                .toList();
        return Optional.of(new Finding(TRAMADOL_SEIZURE_THRESHOLD, drugs, "seizures with tramadol", "tramadol with " + names(antidepressants)
                + ": seizures are more likely (the label names SNRIs and tricyclics), above all near the 400 mg/d "
                + "ceiling or with epilepsy" + (codes.contains("DULOXETINE") ? "; duloxetine also blocks CYP2D6, so "
                + "less tramadol is turned into its analgesic metabolite" : ""),
                "Tramadol label (seizure risk); clinical-rules §1.4"));
    }

    private static Optional<Finding> methadoneQtc(List<String> codes) {
        if (!codes.contains("METHADONE")) {
            return Optional.empty();
        }
        List<String> tricyclics = codes.stream().filter(TRICYCLICS::contains).toList();
        List<String> drugs = codes.stream().filter(code -> code.equals("METHADONE") || tricyclics.contains(code))
                .toList();
        String message = "methadone prolongs the QTc interval: ECG before starting, after each rise and at doses above"
                + " 100 mg/d; correct low potassium or magnesium"
                + (tricyclics.isEmpty() ? "" : "; " + names(tricyclics) + " prolongs it too: avoid the combination "
                + "(gabapentin or pregabalin for neuropathic pain), or ECG before and after adding it");
        return Optional.of(new Finding(METHADONE_QTC, drugs, "QTc prolongation with methadone", message,
                "Methadone label; clinical-rules §2.5, §8.5"));
    }

    private static String names(List<String> codes) {
        return String.join(" and ", codes.stream().map(code -> code.toLowerCase(Locale.ROOT)).toList());
    }
}

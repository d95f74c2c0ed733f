package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Something a clinician should look at, which does not stop the regimen being recorded.
 *
 * @param items   the regimen lines concerned, as in {@code items[n]}
 * @param figures the numbers behind the message, by name (e.g. dailyDoseMg, ceilingDailyDoseMg), in reading order
 */
public record RegimenWarning(String code, String message, List<Integer> items, Map<String, BigDecimal> figures) {

    public static final String CEILING_EXCEEDED = "CEILING_EXCEEDED";
    public static final String SAME_CLASS_OPIOIDS = "SAME_CLASS_OPIOIDS";
    /** One drug on several scheduled lines: a duplicate order unless meant (e.g. modified- and immediate-release). */
    public static final String SAME_DRUG_SCHEDULED_TWICE = "SAME_DRUG_SCHEDULED_TWICE";
    public static final String WEAK_AND_STRONG_OPIOIDS = "WEAK_AND_STRONG_OPIOIDS";
    public static final String TWO_NSAIDS = "TWO_NSAIDS";
    /** An NSAID for a patient with an anticoagulant or a coagulopathy on record (clinical-rules §8.12). */
    public static final String NSAID_BLEEDING_RISK = "NSAID_BLEEDING_RISK";
    public static final String RESCUE_DOSE_OUT_OF_RANGE = "RESCUE_DOSE_OUT_OF_RANGE";
    public static final String PRN_ONLY_OPIOID = "PRN_ONLY_OPIOID";
    public static final String FENTANYL_PATCH_NOT_OPIOID_TOLERANT = "FENTANYL_PATCH_NOT_OPIOID_TOLERANT";
    public static final String NO_MME_FACTOR = "NO_MME_FACTOR";
    /** A drug the patient's organ function says to avoid or to give with caution (clinical-rules §8.2, ORG table). */
    public static final String ORGAN_FUNCTION = "ORGAN_FUNCTION";
    /** A scheduled opioid without a scheduled laxative (clinical-rules §8.7). */
    public static final String NO_LAXATIVE = "NO_LAXATIVE";
    /** Paracetamol above 60 mg/kg/d for a patient under 50 kg (clinical-rules §8.2). */
    public static final String PARACETAMOL_ABOVE_WEIGHT_DOSE = "PARACETAMOL_ABOVE_WEIGHT_DOSE";
    /** A line by mouth for a patient who cannot swallow (clinical-rules §8.2 unableToSwallow, ROT-03). */
    public static final String ORAL_ROUTE_UNABLE_TO_SWALLOW = "ORAL_ROUTE_UNABLE_TO_SWALLOW";

    /** An opioid whose label warns of serotonin syndrome with a serotonergic antidepressant (§1.4; FDA 2016). */
    public static final String SEROTONERGIC_COMBINATION = Interactions.SEROTONERGIC_COMBINATION;
    /** Tramadol with an SNRI or a tricyclic: the label's seizure warning (§1.4). */
    public static final String TRAMADOL_SEIZURE_THRESHOLD = Interactions.TRAMADOL_SEIZURE_THRESHOLD;
    /** Methadone prolongs QTc (§2.5), more so beside a tricyclic. */
    public static final String METHADONE_QTC = Interactions.METHADONE_QTC;
    /** Gabapentin and pregabalin together: one mechanism twice. */
    public static final String TWO_GABAPENTINOIDS = Interactions.TWO_GABAPENTINOIDS;
    /** A gabapentinoid beside an opioid: respiratory depression (FDA 2019). */
    public static final String GABAPENTINOID_WITH_OPIOID = Interactions.GABAPENTINOID_WITH_OPIOID;

    public RegimenWarning {
        items = List.copyOf(items);
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
}

package org.painladder.domain.regimen;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.painladder.domain.patient.OrganFunctionBand;

/**
 * Drug choice by organ function: the ORG table of clinical-rules §8.2, read by the ladder rules (a proposal naming an
 * AVOID drug is replaced by the table's alternative) and by {@code PUT /regimen} (a warning per AVOID or CAUTION line).
 *
 * <p>Drugs are named by formulary code. {@link #NSAID} stands for "any NSAID", so a rule proposing "an NSAID if safe"
 * can ask before it names one; every NSAID code of the formulary answers the same lines. The renal bands are eGFR
 * bands; the gabapentinoid and zoledronic acid labels are written in creatinine clearance, which the eGFR stands in for
 * here (the lines say so).
 */
public final class OrganFunctionTable {

    /** The code that stands for any NSAID in a question to the table. */
    public static final String NSAID = "NSAID";
    /** Starting doses in the elderly (75+) or frail are halved (AGS Beers 2023; NCCN frail start; §8.2). */
    public static final BigDecimal ELDERLY_OR_FRAIL_START_DOSE_FACTOR = new BigDecimal("0.5");

    static final Set<String> NSAIDS = Set.of("IBUPROFEN", "NAPROXEN", "DICLOFENAC", "CELECOXIB", "KETOROLAC",
            "ACETYLSALICYLIC_ACID");

    private static final String EAPC_RENAL = "EAPC 2012 renal recommendations (King et al. 2011, Palliat Med 25:525)";
    private static final String EAPC_RENAL_PCF = EAPC_RENAL + "; Palliative Care Formulary";
    private static final String GABAPENTINOID_LABELS =
            "Gabapentin (Neurontin) and pregabalin (Lyrica) labels: dose by creatinine clearance";
    private static final String ZOLEDRONIC_LABEL =
            "Zoledronic acid oncology label (Zometa): dose by creatinine clearance, not recommended below 30 mL/min";
    private static final String HEPATIC = "Bosilkovska et al. 2012 (Drugs 72:1645); Soleimanpour et al. 2016";
    private static final String DULOXETINE_LABEL =
            "Duloxetine (Cymbalta) label: avoid with CrCl < 30 mL/min and in any hepatic insufficiency";
    private static final String BEERS = "AGS Beers Criteria 2023";
    private static final String METOCLOPRAMIDE_LABELS = "Metoclopramide labels (Reglan: lower doses from CrCl 60 and"
            + " in Child-Pugh B/C; EU SmPC: −50 % at CrCl 15–60 and in severe hepatic impairment, −75 % below 15)";
    private static final String FRAIL_START = "AGS Beers Criteria 2023; NCCN Adult Cancer Pain (frail start doses)";

    private static final Set<OrganFunctionBand> RENAL_SEVERE_OR_WORSE = EnumSet.of(RENAL_SEVERE, RENAL_FAILURE);
    private static final Set<OrganFunctionBand> HEPATIC_MODERATE_OR_WORSE = EnumSet.of(HEPATIC_MODERATE, HEPATIC_SEVERE);

    private record Line(Set<OrganFunctionBand> bands, Set<String> drugs, OrganFunctionVerdict verdict,
                        Integer reductionMinPct, Integer reductionMaxPct, String maxDailyDoseMg, String dosing,
                        List<String> alternatives, String reason, String source) {
    }

    private static final List<Line> LINES = List.of(
            // renal REDUCED (eGFR 30–59)
            new Line(Set.of(RENAL_REDUCED), Set.of("MORPHINE", "CODEINE", "DIHYDROCODEINE", "TRAMADOL"), CAUTION,
                    25, 50, null, "reduce the dose by 25–50 % and lengthen the interval", List.of(),
                    "active metabolites are cleared by the kidney and accumulate", EAPC_RENAL),
            new Line(Set.of(RENAL_REDUCED), Set.of(NSAID), CAUTION, null, null, null,
                    "shortest course at the lowest dose; check renal function and hydration", List.of(),
                    "NSAIDs lower renal blood flow and can tip reduced function into failure", EAPC_RENAL),
            new Line(Set.of(RENAL_REDUCED), Set.of("ZOLEDRONIC_ACID"), CAUTION, null, null, null,
                    "3.5 mg (CrCl 50–60), 3.3 mg (40–49), 3.0 mg (30–39) instead of 4 mg; creatinine before each dose",
                    List.of(), "nephrotoxic; the label lowers the dose by creatinine clearance", ZOLEDRONIC_LABEL),
            new Line(Set.of(RENAL_REDUCED), Set.of("GABAPENTIN"), CAUTION, null, null, "1400",
                    "gabapentin 400–1400 mg/d (label, CrCl 30–59)", List.of(),
                    "renally cleared; sedation and falls when it accumulates", GABAPENTINOID_LABELS),
            new Line(Set.of(RENAL_REDUCED), Set.of("PREGABALIN"), CAUTION, null, null, "300",
                    "pregabalin 75–300 mg/d (label, CrCl 30–60)", List.of(),
                    "renally cleared; sedation and falls when it accumulates", GABAPENTINOID_LABELS),
            new Line(Set.of(RENAL_REDUCED), Set.of("OXYCODONE", "HYDROMORPHONE"), PREFER, null, null, null,
                    "at a reduced dose, titrated slowly", List.of(),
                    "few active metabolites cleared by the kidney", EAPC_RENAL),
            // renal SEVERE (eGFR 15–29) and FAILURE (< 15 or dialysis)
            new Line(RENAL_SEVERE_OR_WORSE, Set.of("MORPHINE"), AVOID, null, null, null, null,
                    List.of("HYDROMORPHONE", "FENTANYL"),
                    "morphine-3- and -6-glucuronide accumulate: sedation, myoclonus, respiratory depression",
                    EAPC_RENAL_PCF),
            new Line(RENAL_SEVERE_OR_WORSE, Set.of("CODEINE", "DIHYDROCODEINE"), AVOID, null, null, null,
                    null, List.of("OXYCODONE", "HYDROMORPHONE"),
                    "active metabolites accumulate: sedation, respiratory depression", EAPC_RENAL_PCF),
            new Line(RENAL_SEVERE_OR_WORSE, Set.of("TRAMADOL"), AVOID, null, null, null,
                    null, List.of("OXYCODONE", "HYDROMORPHONE"),
                    "the parent drug and its active metabolite accumulate and lower the seizure threshold",
                    EAPC_RENAL_PCF),
            new Line(RENAL_SEVERE_OR_WORSE, Set.of(NSAID), AVOID, null, null, null, null, List.of("PARACETAMOL"),
                    "nephrotoxic; further loss of renal function, hyperkalaemia, fluid retention", EAPC_RENAL_PCF),
            new Line(RENAL_SEVERE_OR_WORSE, Set.of("ZOLEDRONIC_ACID"), AVOID, null, null, null, null,
                    List.of("DENOSUMAB"), "not recommended below a creatinine clearance of 30 mL/min",
                    ZOLEDRONIC_LABEL),
            new Line(RENAL_SEVERE_OR_WORSE, Set.of("OXYCODONE", "HYDROMORPHONE"), CAUTION, 50, 50, null,
                    "halve the dose and lengthen the interval; low dose, titrate slowly", List.of(),
                    "metabolites and the parent drug accumulate when eGFR < 30", EAPC_RENAL_PCF),
            new Line(Set.of(RENAL_SEVERE), Set.of("GABAPENTIN"), CAUTION, null, null, "700",
                    "gabapentin 200–700 mg/d (label, CrCl 15–29)", List.of(),
                    "renally cleared; sedation and falls when it accumulates", GABAPENTINOID_LABELS),
            new Line(Set.of(RENAL_SEVERE), Set.of("PREGABALIN"), CAUTION, null, null, "150",
                    "pregabalin 25–150 mg/d (label, CrCl 15–30)", List.of(),
                    "renally cleared; sedation and falls when it accumulates", GABAPENTINOID_LABELS),
            new Line(Set.of(RENAL_FAILURE), Set.of("GABAPENTIN"), CAUTION, null, null, "300",
                    "gabapentin 100–300 mg/d (label, CrCl < 15); on haemodialysis a supplementary dose after each"
                            + " session", List.of(),
                    "renally cleared; sedation and falls when it accumulates", GABAPENTINOID_LABELS),
            new Line(Set.of(RENAL_FAILURE), Set.of("PREGABALIN"), CAUTION, null, null, "75",
                    "pregabalin 25–75 mg/d (label, CrCl < 15); on haemodialysis a supplementary dose after each"
                            + " session", List.of(),
                    "renally cleared; sedation and falls when it accumulates", GABAPENTINOID_LABELS),
            new Line(RENAL_SEVERE_OR_WORSE, Set.of("DULOXETINE"), AVOID, null, null, null, null,
                    List.of("GABAPENTIN", "PREGABALIN"), "exposure rises several-fold below a creatinine clearance of 30",
                    DULOXETINE_LABEL),
            new Line(RENAL_SEVERE_OR_WORSE, Set.of("FENTANYL"), PREFER, null, null, null,
                    "transdermal or SC", List.of(), "no renally cleared active metabolite", EAPC_RENAL_PCF),
            new Line(RENAL_SEVERE_OR_WORSE, Set.of("BUPRENORPHINE"), PREFER, null, null, null,
                    "transdermal", List.of(), "mainly cleared by the liver", EAPC_RENAL_PCF),
            new Line(RENAL_SEVERE_OR_WORSE, Set.of("DENOSUMAB"), PREFER, null, null, null,
                    "for bone metastases; watch calcium (hypocalcaemia is commoner when eGFR < 30)", List.of(),
                    "not cleared by the kidney", EAPC_RENAL_PCF),
            // hepatic MODERATE (Child-Pugh B) and SEVERE (Child-Pugh C)
            new Line(HEPATIC_MODERATE_OR_WORSE, Set.of("DULOXETINE"), AVOID, null, null, null, null,
                    List.of("GABAPENTIN", "PREGABALIN"), "hepatotoxic, and cleared by the liver", DULOXETINE_LABEL),
            new Line(HEPATIC_MODERATE_OR_WORSE, Set.of("CODEINE", "TRAMADOL"), AVOID, null, null, null, null,
                    List.of("OXYCODONE", "HYDROMORPHONE"),
                    "prodrugs: activation by the liver is unreliable, so analgesia is unpredictable", HEPATIC),
            new Line(HEPATIC_MODERATE_OR_WORSE, Set.of(NSAID), AVOID, null, null, null, null,
                    List.of("PARACETAMOL"),
                    "bleeding (varices, low platelets and clotting factors), renal failure and ascites", HEPATIC),
            new Line(HEPATIC_MODERATE_OR_WORSE, Set.of("METHADONE"), AVOID, null, null, null,
                    "only on a specialist's advice", List.of("FENTANYL"),
                    "long, variable half-life that lengthens further when the liver fails", HEPATIC),
            new Line(HEPATIC_MODERATE_OR_WORSE, Set.of("MORPHINE", "OXYCODONE", "HYDROMORPHONE"), CAUTION, 50, 50,
                    null, "halve the dose and lengthen the interval", List.of(),
                    "less first-pass metabolism raises exposure and prolongs the half-life", HEPATIC),
            new Line(Set.of(HEPATIC_MODERATE), Set.of("PARACETAMOL"), CAUTION, null, null, "3000",
                    "at most 3 g/d", List.of(), "hepatotoxic in overdose; less glutathione in liver disease", HEPATIC),
            new Line(Set.of(HEPATIC_SEVERE), Set.of("PARACETAMOL"), CAUTION, null, null, "2000",
                    "at most 2 g/d", List.of(), "hepatotoxic in overdose; less glutathione in liver disease", HEPATIC),
            new Line(HEPATIC_MODERATE_OR_WORSE, Set.of("FENTANYL"), PREFER, null, null, null,
                    "low dose, titrated slowly", List.of(), "no active metabolite; little first-pass effect", HEPATIC),
            // ELDERLY_OR_FRAIL (75+ or frail)
            new Line(Set.of(ELDERLY_OR_FRAIL), Set.of(NSAID), AVOID, null, null, null,
                    "no long-term use; a short course with gastric protection only if nothing else works",
                    List.of("PARACETAMOL"), "gastrointestinal bleeding, renal failure and heart failure", BEERS),
            new Line(Set.of(ELDERLY_OR_FRAIL), Set.of("AMITRIPTYLINE"), AVOID, null, null, null, null,
                    List.of("GABAPENTIN", "PREGABALIN", "DULOXETINE"),
                    "strongly anticholinergic: confusion, falls, retention, orthostatic hypotension", BEERS),
            new Line(Set.of(ELDERLY_OR_FRAIL), Set.of("TRAMADOL"), CAUTION, 50, 50, null,
                    "half the usual start dose; check sodium", List.of(), "hyponatraemia (SIADH) and seizures", BEERS),
            new Line(Set.of(ELDERLY_OR_FRAIL), Set.of("PARACETAMOL"), CAUTION, null, null, "3000",
                    "at most 3 g/d; regular, the first-line non-opioid", List.of(),
                    "the safest non-opioid in older people, at the lower ceiling for the frail elderly",
                    BEERS + "; WHO 2018 Annex 6"),
            new Line(Set.of(ELDERLY_OR_FRAIL), Set.of("MORPHINE"), PREFER, 50, 50,
                    null, "start at half the usual dose (morphine 2.5–5 mg every 4 h), titrate slowly", List.of(),
                    "a low-dose strong opioid is safer than a weak opioid at its ceiling", FRAIL_START),
            new Line(Set.of(ELDERLY_OR_FRAIL), Set.of("OXYCODONE", "HYDROMORPHONE"), PREFER, 50, 50,
                    null, "start at half the usual dose, titrate slowly", List.of(),
                    "a low-dose strong opioid is safer than a weak opioid at its ceiling", FRAIL_START),
            new Line(Set.of(ELDERLY_OR_FRAIL), Set.of("GABAPENTIN", "PREGABALIN"), PREFER, null, null, null,
                    "low start dose, slow titration", List.of(), "no anticholinergic load", BEERS),
            // The antiemetic every strong-opioid start names (§8.7) is checked as any drug a proposal names (§8.12).
            new Line(Set.of(RENAL_REDUCED, RENAL_SEVERE), Set.of("METOCLOPRAMIDE"), CAUTION, 50, 50, "15",
                    "5 mg up to three times a day (half the dose)", List.of(),
                    "cleared more slowly as renal function falls: more extrapyramidal effects", METOCLOPRAMIDE_LABELS),
            new Line(Set.of(RENAL_FAILURE), Set.of("METOCLOPRAMIDE"), CAUTION, 75, 75, "7.5",
                    "2.5 mg up to three times a day (a quarter of the dose: the EU label's cut in end-stage renal "
                            + "disease, within the US label's 10 mg/day)", List.of(),
                    "cleared more slowly as renal function falls: more extrapyramidal effects", METOCLOPRAMIDE_LABELS),
            new Line(HEPATIC_MODERATE_OR_WORSE, Set.of("METOCLOPRAMIDE"), CAUTION, 50, 50, "15",
                    "5 mg up to three times a day (half the dose)", List.of(),
                    "cleared more slowly when the liver fails", METOCLOPRAMIDE_LABELS),
            new Line(Set.of(ELDERLY_OR_FRAIL), Set.of("METOCLOPRAMIDE"), AVOID, null, null, null, null,
                    List.of("HALOPERIDOL"),
                    "extrapyramidal effects, tardive dyskinesia included, commoner in frail older adults",
                    BEERS + "; EMA 2013 metoclopramide review"),
            new Line(Set.of(ELDERLY_OR_FRAIL), Set.of("HALOPERIDOL"), CAUTION, null, null, "1",
                    "0.5 mg at night, the lowest dose, for the first week only", List.of(),
                    "antipsychotic: sedation, falls and extrapyramidal effects at higher doses",
                    BEERS + "; Palliative Care Formulary (haloperidol for opioid nausea)"));

    private static final Map<OrganFunctionBand, String> DESCRIPTIONS = new EnumMap<>(Map.of(
            RENAL_REDUCED, "reduced renal function (eGFR 30–59)",
            RENAL_SEVERE, "severe renal impairment (eGFR 15–29)",
            RENAL_FAILURE, "renal failure (eGFR < 15 or dialysis)",
            HEPATIC_MODERATE, "moderate hepatic impairment (Child-Pugh B)",
            HEPATIC_SEVERE, "severe hepatic impairment (Child-Pugh C)",
            ELDERLY_OR_FRAIL, "elderly (75 or over) or frail"));

    private OrganFunctionTable() {
    }

    /**
     * Every line of the table for this drug in these bands, strictest first (AVOID, CAUTION, PREFER), then in band
     * order. Empty when the bands say nothing about the drug.
     */
    public static List<OrganFunctionAdvice> advice(String drugCode, Set<OrganFunctionBand> bands) {
        String code = drugCode.toUpperCase(Locale.ROOT);
        String asked = NSAIDS.contains(code) ? NSAID : code;
        List<OrganFunctionAdvice> advice = new ArrayList<>();
        for (OrganFunctionBand band : OrganFunctionBand.values()) {
            if (!bands.contains(band)) {
                continue;
            }
            for (Line line : LINES) {
                if (line.bands().contains(band) && line.drugs().contains(asked)) {
                    advice.add(new OrganFunctionAdvice(code, band, line.verdict(), line.reductionMinPct(),
                            line.reductionMaxPct(),
                            line.maxDailyDoseMg() == null ? null : new BigDecimal(line.maxDailyDoseMg()),
                            line.dosing(), line.alternatives(), line.reason(), line.source()));
                }
            }
        }
        advice.sort(Comparator.comparing(OrganFunctionAdvice::verdict));
        return List.copyOf(advice);
    }

    /** The strictest line for this drug (an AVOID before a CAUTION); empty when the bands say nothing about it. */
    public static Optional<OrganFunctionAdvice> strictest(String drugCode, Set<OrganFunctionBand> bands) {
        return advice(drugCode, bands).stream().findFirst();
    }

    public static boolean avoid(String drugCode, Set<OrganFunctionBand> bands) {
        return strictest(drugCode, bands).map(OrganFunctionAdvice::isAvoid).orElse(false);
    }

    /**
     * What to give instead of a drug these bands say to avoid: the table's alternatives from every AVOID line, first
     * choice first, without any that another of the bands says to avoid (morphine in renal failure and Child-Pugh C
     * keeps hydromorphone and fentanyl; an NSAID keeps paracetamol, under its hepatic cap). Empty when the drug is not
     * avoided, or when nothing in the table is left: then a specialist decides.
     */
    public static List<String> alternatives(String drugCode, Set<OrganFunctionBand> bands) {
        Set<String> alternatives = new LinkedHashSet<>();
        for (OrganFunctionAdvice line : advice(drugCode, bands)) {
            if (line.isAvoid()) {
                line.alternatives().stream().filter(alternative -> !avoid(alternative, bands))
                        .forEach(alternatives::add);
            }
        }
        return List.copyOf(alternatives);
    }

    /** The drugs the table prefers in this band, as formulary codes. */
    public static List<String> preferred(OrganFunctionBand band) {
        Set<String> preferred = new LinkedHashSet<>();
        LINES.stream().filter(line -> line.verdict() == PREFER && line.bands().contains(band))
                .forEach(line -> line.drugs().stream().sorted().forEach(preferred::add));
        return List.copyOf(preferred);
    }

    /** The factor for a starting dose: 0.5 for the elderly or frail, else 1. */
    public static BigDecimal startDoseFactor(Set<OrganFunctionBand> bands) {
        return bands.contains(ELDERLY_OR_FRAIL) ? ELDERLY_OR_FRAIL_START_DOSE_FACTOR : BigDecimal.ONE;
    }

    /** The band in the clinic's words, e.g. "renal failure (eGFR < 15 or dialysis)". */
    public static String describe(OrganFunctionBand band) {
        return DESCRIPTIONS.get(band);
    }

    public static boolean isNsaid(String drugCode) {
        String code = drugCode.toUpperCase(Locale.ROOT);
        return NSAID.equals(code) || NSAIDS.contains(code);
    }
}

package org.painladder.domain.regimen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.OrganFunctionBand;

/**
 * The warnings of clinical-rules §1.2, §1.4 and §2.5 (interactions), §1.6, §1.7, §1.10, §8.2 (organ function, weight)
 * and §8.7 (laxative). They never block a regimen: the clinician may have
 * reasons, and the EHR must be able to record what the patient actually takes.
 */
final class RegimenWarnings {

    /** A rescue dose should be 10-20 % of the scheduled 24-hour opioid dose (NCCN; §1.6). */
    static final BigDecimal RESCUE_MIN_PCT = new BigDecimal("10");
    static final BigDecimal RESCUE_MAX_PCT = new BigDecimal("20");

    private final Regimen regimen;
    private final List<RegimenWarning> warnings = new ArrayList<>();

    private RegimenWarnings(Regimen regimen) {
        this.regimen = regimen;
    }

    /** Paracetamol for a patient under {@link #LOW_WEIGHT_KG}: at most 60 mg/kg/d (clinical-rules §8.2). */
    static final BigDecimal PARACETAMOL_MG_PER_KG = new BigDecimal("60");
    static final BigDecimal LOW_WEIGHT_KG = new BigDecimal("50");

    static List<RegimenWarning> of(Regimen regimen, Omedd omedd, Formulary formulary, OpioidTolerance tolerance,
                                   PatientOrganFunction patient) {
        RegimenWarnings check = new RegimenWarnings(regimen);
        check.ceilings();
        check.sameClassOpioids(DrugClass.WEAK_OPIOID, "weak");
        check.sameClassOpioids(DrugClass.STRONG_OPIOID, "strong");
        check.sameDrugScheduledTwice();
        check.weakWithStrong();
        check.twoNsaids();
        check.interactions();
        check.nsaidBleeding(patient);
        check.prnOnlyOpioid();
        check.rescueDoses(omedd);
        check.fentanylPatch(tolerance);
        check.noMmeFactor(omedd);
        check.organFunction(patient, formulary);
        check.paracetamolForWeight(patient);
        check.oralRouteUnableToSwallow(patient);
        check.noLaxative();
        return List.copyOf(check.warnings);
    }

    /** Each drug's daily dose summed over all its lines, PRN at their maximum: combination products add up. */
    private void ceilings() {
        for (Drug drug : distinctDrugs(item -> item.unit() == DoseUnit.MG)) {
            List<Integer> lines = indexes(item -> item.drug().equals(drug) && item.unit() == DoseUnit.MG);
            Optional<BigDecimal> ceiling = lines.stream()
                    .map(index -> drug.ceilingDailyDoseMg(regimen.items().get(index).route()))
                    .flatMap(Optional::stream).min(BigDecimal::compareTo);
            BigDecimal daily = lines.stream().map(index -> regimen.items().get(index).dailyDose())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (ceiling.isPresent() && daily.compareTo(ceiling.get()) > 0) {
                warnings.add(new RegimenWarning(RegimenWarning.CEILING_EXCEEDED, drug.name() + " "
                        + Amounts.plain(daily) + " mg/d (" + itemList(lines) + ", PRN lines at their daily maximum)"
                        + " is above its ceiling of " + Amounts.plain(ceiling.get()) + " mg/d", lines,
                        figures("dailyDoseMg", daily, "ceilingDailyDoseMg", ceiling.get())));
            }
        }
    }

    private void sameClassOpioids(DrugClass drugClass, String adjective) {
        List<Drug> drugs = distinctDrugs(item -> item.scheduled() && item.drug().drugClass() == drugClass);
        if (drugs.size() > 1) {
            List<Integer> lines = indexes(item -> item.scheduled() && item.drug().drugClass() == drugClass);
            warnings.add(new RegimenWarning(RegimenWarning.SAME_CLASS_OPIOIDS, drugs.size() + " " + adjective
                    + " opioids scheduled together (" + names(drugs) + ", " + itemList(lines) + "); use one"
                    + (drugClass == DrugClass.WEAK_OPIOID ? " and go up the ladder, not across" : " and titrate it"),
                    lines, Map.of()));
        }
    }

    /**
     * One drug on several scheduled lines is the classic duplicate order (a new line added without stopping the old
     * one); a modified- and an immediate-release line of one drug can be meant, so it is a question, not a refusal.
     */
    private void sameDrugScheduledTwice() {
        for (Drug drug : distinctDrugs(RegimenItem::scheduled)) {
            List<Integer> lines = indexes(item -> item.scheduled() && item.drug().equals(drug));
            if (lines.size() < 2) {
                continue;
            }
            List<DoseUnit> units = lines.stream().map(index -> regimen.items().get(index).unit()).distinct().toList();
            BigDecimal daily = lines.stream().map(index -> regimen.items().get(index).dailyDose())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            String together = units.size() == 1
                    ? ", " + Amounts.plain(daily) + " " + units.get(0).dailySymbol() + " together" : "";
            warnings.add(new RegimenWarning(RegimenWarning.SAME_DRUG_SCHEDULED_TWICE, drug.name() + " on "
                    + lines.size() + " scheduled lines (" + itemList(lines) + together + "): check that one is not"
                    + " a duplicate order left running beside its replacement", lines,
                    units.size() == 1 ? figures("dailyDose", daily) : Map.of()));
        }
    }

    private void weakWithStrong() {
        List<Integer> weak = indexes(item -> item.scheduled() && item.drug().drugClass() == DrugClass.WEAK_OPIOID);
        List<Integer> strong = indexes(item -> item.scheduled()
                && item.drug().drugClass() == DrugClass.STRONG_OPIOID);
        if (!weak.isEmpty() && !strong.isEmpty()) {
            List<Integer> lines = new ArrayList<>(weak);
            lines.addAll(strong);
            lines.sort(Integer::compareTo);
            warnings.add(new RegimenWarning(RegimenWarning.WEAK_AND_STRONG_OPIOIDS, "a weak and a strong opioid"
                    + " are scheduled together (" + itemList(lines) + "); on step 3 stop the weak opioid", lines,
                    Map.of()));
        }
    }

    private void twoNsaids() {
        List<Drug> nsaids = distinctDrugs(item -> item.drug().nsaid());
        if (nsaids.size() > 1) {
            List<Integer> lines = indexes(item -> item.drug().nsaid());
            warnings.add(new RegimenWarning(RegimenWarning.TWO_NSAIDS, nsaids.size() + " NSAIDs at once ("
                    + names(nsaids) + ", " + itemList(lines) + "): more bleeding and renal risk, no more relief",
                    lines, Map.of()));
        }
    }

    /**
     * The interactions the labels warn of ({@link Interactions}), each once, on the lines of the drugs concerned, PRN
     * lines included: an as-needed tramadol interacts as a scheduled one does.
     */
    private void interactions() {
        List<String> codes = distinctDrugs(item -> true).stream().map(Drug::code).toList();
        List<String> opioids = distinctDrugs(RegimenItem::isOpioid).stream().map(Drug::code).toList();
        for (Interactions.Finding finding : Interactions.among(codes, opioids)) {
            warnings.add(new RegimenWarning(finding.code(), finding.message() + " (" + finding.source() + ")",
                    indexes(item -> finding.drugs().contains(item.drug().code())), Map.of()));
        }
    }

    /** The same question the ladder asks before it names an NSAID ({@link Contraindication#nsaidBleedingRisk}). */
    private void nsaidBleeding(PatientOrganFunction patient) {
        List<Integer> lines = indexes(item -> item.drug().nsaid());
        Optional<String> bleeding = Contraindication.nsaidBleedingRisk(patient.contraindications());
        if (!lines.isEmpty() && bleeding.isPresent()) {
            warnings.add(new RegimenWarning(RegimenWarning.NSAID_BLEEDING_RISK, names(distinctDrugs(
                    item -> item.drug().nsaid())) + " (" + itemList(lines) + ") with " + bleeding.get()
                    + ": stop the NSAID; paracetamol, and dexamethasone for bone or inflammatory pain", lines,
                    Map.of()));
        }
    }

    private void prnOnlyOpioid() {
        List<Integer> prn = indexes(item -> item.isOpioid() && item.prn());
        if (!prn.isEmpty() && indexes(item -> item.isOpioid() && item.scheduled()).isEmpty()) {
            warnings.add(new RegimenWarning(RegimenWarning.PRN_ONLY_OPIOID, "opioid given only as needed ("
                    + itemList(prn) + "); persistent pain needs a scheduled opioid \"by the clock\" with a rescue",
                    prn, Map.of()));
        }
    }

    /** A rescue is judged as one dose in oral morphine against the scheduled OMEDD (§1.6; RSC-02). */
    private void rescueDoses(Omedd omedd) {
        BigDecimal scheduled = omedd.scheduledMg();
        if (scheduled.signum() == 0) {
            return;
        }
        for (Contribution contribution : omedd.contributions()) {
            if (!contribution.prn() || contribution.factor() == null
                    || !regimen.items().get(contribution.itemIndex()).prn()) {
                continue;
            }
            RegimenItem item = regimen.items().get(contribution.itemIndex());
            BigDecimal rescueOmedd = Amounts.rounded(item.dose().multiply(contribution.factor()));
            BigDecimal pct = Amounts.percent(rescueOmedd, scheduled);
            if (pct.compareTo(RESCUE_MIN_PCT) >= 0 && pct.compareTo(RESCUE_MAX_PCT) <= 0) {
                continue;
            }
            BigDecimal low = Amounts.rounded(Amounts.divide(Amounts.percentOf(scheduled, RESCUE_MIN_PCT),
                    contribution.factor()));
            BigDecimal high = Amounts.rounded(Amounts.divide(Amounts.percentOf(scheduled, RESCUE_MAX_PCT),
                    contribution.factor()));
            String unit = item.unit().symbol();
            warnings.add(new RegimenWarning(RegimenWarning.RESCUE_DOSE_OUT_OF_RANGE, "rescue "
                    + item.drug().name() + " " + Amounts.plain(item.dose()) + " " + unit + " (item "
                    + contribution.itemIndex() + ") = " + Amounts.plain(rescueOmedd) + " mg OMEDD, "
                    + Amounts.plain(pct) + " % of the scheduled " + Amounts.plain(scheduled) + " mg/d; 10-20 % is "
                    + Amounts.plain(low) + "-" + Amounts.plain(high) + " " + unit + " " + item.drug().name(),
                    List.of(contribution.itemIndex()),
                    figures("rescueDoseOmeddMg", rescueOmedd, "scheduledOmeddMg", scheduled, "rescuePct", pct,
                            "minPct", RESCUE_MIN_PCT, "maxPct", RESCUE_MAX_PCT, "minDose", low, "maxDose", high)));
        }
    }

    private void fentanylPatch(OpioidTolerance tolerance) {
        List<Integer> patches = indexes(item -> item.drug().code().equals("FENTANYL")
                && item.route() == Route.TRANSDERMAL);
        if (!patches.isEmpty() && !tolerance.tolerant()) {
            warnings.add(new RegimenWarning(RegimenWarning.FENTANYL_PATCH_NOT_OPIOID_TOLERANT, "fentanyl patch ("
                    + itemList(patches) + ") for a patient who is not opioid-tolerant: " + tolerance.basis()
                    + "; titrate an oral opioid first (§1.10)", patches,
                    figures("requiredOmeddMg", OpioidTolerance.MIN_OMEDD_MG,
                            "requiredDays", BigDecimal.valueOf(OpioidTolerance.MIN_DURATION.toDays()))));
        }
    }

    private void noMmeFactor(Omedd omedd) {
        List<Integer> lines = omedd.contributions().stream()
                .filter(contribution -> contribution.factor() == null && !contribution.route().isNeuraxial())
                .map(Contribution::itemIndex).toList();
        if (!lines.isEmpty()) {
            warnings.add(new RegimenWarning(RegimenWarning.NO_MME_FACTOR, "no MME factor for " + itemList(lines)
                    + " (buprenorphine is a partial agonist with a ceiling effect, CDC 2022): the OMEDD leaves it"
                    + " out", lines, Map.of()));
        }
    }

    /**
     * One warning per line of the ORG table that applies to a drug of the regimen (AVOID or CAUTION), with what put
     * the patient in the band, the reason, the dose change or the alternative, and the source.
     */
    private void organFunction(PatientOrganFunction patient, Formulary formulary) {
        for (Drug drug : distinctDrugs(item -> true)) {
            List<Integer> lines = indexes(item -> item.drug().equals(drug));
            for (OrganFunctionAdvice advice : OrganFunctionTable.advice(drug.code(), patient.bands())) {
                if (advice.verdict() == OrganFunctionVerdict.PREFER) {
                    continue;
                }
                Map<String, BigDecimal> figures = new LinkedHashMap<>();
                Double egfr = patient.factors().renalFunction() == null ? null
                        : patient.factors().renalFunction().egfr();
                if (advice.band().isRenal() && egfr != null) {
                    figures.put("egfr", BigDecimal.valueOf(egfr));
                }
                if (advice.band() == OrganFunctionBand.ELDERLY_OR_FRAIL && patient.ageYears() != null) {
                    figures.put("ageYears", BigDecimal.valueOf(patient.ageYears()));
                }
                StringBuilder message = new StringBuilder(patient.basis(advice.band())).append(": ")
                        .append(drug.name()).append(" (").append(itemList(lines)).append(") — ")
                        .append(advice.isAvoid() ? "avoid" : "caution").append(" (")
                        .append(OrganFunctionTable.describe(advice.band())).append("): ").append(advice.reason());
                if (advice.doseReductionMaxPct() != null) {
                    figures.put("doseReductionMinPct", BigDecimal.valueOf(advice.doseReductionMinPct()));
                    figures.put("doseReductionMaxPct", BigDecimal.valueOf(advice.doseReductionMaxPct()));
                }
                if (advice.dosing() != null) {
                    message.append("; ").append(advice.dosing());
                }
                if (advice.maxDailyDoseMg() != null) {
                    BigDecimal daily = lines.stream().map(index -> regimen.items().get(index))
                            .filter(item -> item.unit() == DoseUnit.MG).map(RegimenItem::dailyDose)
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    figures.put("dailyDoseMg", daily);
                    figures.put("maxDailyDoseMg", advice.maxDailyDoseMg());
                    if (daily.compareTo(advice.maxDailyDoseMg()) > 0) {
                        message.append("; ").append(Amounts.plain(daily)).append(" mg/d (PRN lines at their daily"
                                + " maximum) is above ").append(Amounts.plain(advice.maxDailyDoseMg())).append(" mg/d");
                    }
                }
                List<String> alternatives = OrganFunctionTable.alternatives(drug.code(), patient.bands()).stream()
                        .map(code -> formulary.find(code).map(Drug::name).orElse(code)).toList();
                if (advice.isAvoid()) {
                    message.append(alternatives.isEmpty() ? "; nothing in the table is left for this patient's"
                            + " bands: ask a specialist" : "; prefer " + String.join(" or ", alternatives));
                }
                message.append(" (").append(advice.source()).append(")");
                warnings.add(new RegimenWarning(RegimenWarning.ORGAN_FUNCTION, message.toString(), lines, figures));
            }
        }
    }

    /** Under 50 kg, 60 mg/kg/d is the paracetamol limit, whatever the 4 g ceiling says (clinical-rules §8.2). */
    /** §8.2 unableToSwallow: a line by mouth cannot be taken; ROT-03 moves the opioid under the skin. */
    private void oralRouteUnableToSwallow(PatientOrganFunction patient) {
        List<Integer> lines = indexes(item -> item.route() == Route.ORAL);
        if (patient.factors().isUnableToSwallow() && !lines.isEmpty()) {
            warnings.add(new RegimenWarning(RegimenWarning.ORAL_ROUTE_UNABLE_TO_SWALLOW, "the patient cannot "
                    + "swallow, yet " + itemList(lines) + " " + (lines.size() == 1 ? "is" : "are") + " given by "
                    + "mouth: use another route (subcutaneous first, or transdermal; ROT-03)", lines, Map.of()));
        }
    }

        private void paracetamolForWeight(PatientOrganFunction patient) {
        Double weight = patient.factors().weightKg();
        if (weight == null || BigDecimal.valueOf(weight).compareTo(LOW_WEIGHT_KG) >= 0) {
            return;
        }
        List<Integer> lines = indexes(item -> item.drug().code().equals("PARACETAMOL") && item.unit() == DoseUnit.MG);
        BigDecimal daily = lines.stream().map(index -> regimen.items().get(index).dailyDose())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal weightKg = BigDecimal.valueOf(weight);
        BigDecimal limit = Amounts.rounded(weightKg.multiply(PARACETAMOL_MG_PER_KG));
        if (daily.compareTo(limit) > 0) {
            warnings.add(new RegimenWarning(RegimenWarning.PARACETAMOL_ABOVE_WEIGHT_DOSE, "paracetamol "
                    + Amounts.plain(daily) + " mg/d (" + itemList(lines) + ", PRN lines at their daily maximum) for "
                    + Amounts.plain(weightKg) + " kg is above 60 mg/kg/d = " + Amounts.plain(limit) + " mg/d (under "
                    + "50 kg)", lines, figures("dailyDoseMg", daily, "weightKg", weightKg, "maxDailyDoseMg", limit)));
        }
    }

    /**
     * Every regular opioid needs a regular laxative (NCCN; EAPC; clinical-rules §8.7). A PCA without a basal rate gives
     * demand doses only (§8.10), so it is not a regular opioid here.
     */
    private void noLaxative() {
        List<Integer> opioids = indexes(RegimenItem::opioidByTheClock);
        boolean laxative = regimen.items().stream().anyMatch(item -> item.scheduled()
                && item.drug().adjuvantRole() == AdjuvantRole.OPIOID_INDUCED_CONSTIPATION);
        if (!opioids.isEmpty() && !laxative) {
            warnings.add(new RegimenWarning(RegimenWarning.NO_LAXATIVE, "scheduled opioid (" + itemList(opioids)
                    + ") without a scheduled laxative: add senna ± macrogol by the clock (NCCN; EAPC); if"
                    + " constipation persists, a PAMORA (naloxegol or methylnaltrexone)", opioids, Map.of()));
        }
    }

    private List<Drug> distinctDrugs(Predicate<RegimenItem> filter) {
        return regimen.items().stream().filter(filter).map(RegimenItem::drug).distinct().toList();
    }

    private List<Integer> indexes(Predicate<RegimenItem> filter) {
        return IntStream.range(0, regimen.items().size()).filter(index -> filter.test(regimen.items().get(index)))
                .boxed().toList();
    }

    private static String names(List<Drug> drugs) {
        return drugs.stream().map(Drug::name).collect(Collectors.joining(", "));
    }

    private static String itemList(List<Integer> lines) {
        return (lines.size() == 1 ? "item " : "items ")
                + lines.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static Map<String, BigDecimal> figures(Object... nameThenValue) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValue.length; i += 2) {
            figures.put((String) nameThenValue[i], (BigDecimal) nameThenValue[i + 1]);
        }
        return figures;
    }
}

package org.painladder.interop.fhir;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Ratio;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Type;
import org.painladder.domain.regimen.DoseUnit;
import org.painladder.domain.regimen.Drug;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.ProposedItem;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.domain.regimen.RegimenItem;
import org.painladder.domain.regimen.Route;

/**
 * Between a FHIR R4 MedicationRequest and a regimen line: the drug by its RxNorm ingredient (or painladder's formulary
 * code), the route by SNOMED CT (the FHIR route-codes value set) or HL7 v3, the single dose from
 * {@code doseAndRate.doseQuantity} converted to the formulary's unit, doses a day from {@code timing.repeat}
 * (frequencyMax, else frequency, per period) or a timing code, and {@code asNeeded[x]}. What cannot be read is
 * reported with the element that is missing or unusable, never guessed.
 */
public final class MedicationRequests {

    public static final String FORMULARY_SYSTEM = "http://painladder.org/fhir/CodeSystem/formulary";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String V3_ROUTE = "http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration";
    public static final String ROUTE_SYSTEM = "http://painladder.org/fhir/CodeSystem/route";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String TIMING_ABBREVIATION = "http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation";

    /** SNOMED CT route concepts (children of 284009009 "Route of administration value"), per formulary route. */
    private static final Map<String, Route> SNOMED_ROUTES = Map.of(
            "26643006", Route.ORAL,
            "34206005", Route.SC,
            "47625008", Route.IV,
            "45890007", Route.TRANSDERMAL,
            "37839007", Route.SUBLINGUAL,
            "37161004", Route.RECTAL,
            "6064005", Route.TOPICAL,
            "72607000", Route.INTRATHECAL,
            "404820008", Route.EPIDURAL);
    private static final Map<Route, String[]> SNOMED_DISPLAY = Map.of(
            Route.ORAL, new String[] {"26643006", "Oral route"},
            Route.SC, new String[] {"34206005", "Subcutaneous route"},
            Route.IV, new String[] {"47625008", "Intravenous route"},
            Route.TRANSDERMAL, new String[] {"45890007", "Transdermal route"},
            Route.SUBLINGUAL, new String[] {"37839007", "Sublingual route"},
            Route.RECTAL, new String[] {"37161004", "Rectal route"},
            Route.TOPICAL, new String[] {"6064005", "Topical route"},
            Route.INTRATHECAL, new String[] {"72607000", "Intrathecal route"},
            Route.EPIDURAL, new String[] {"404820008", "Epidural route"});
    private static final Map<String, Route> V3_ROUTES = Map.of(
            "PO", Route.ORAL, "SL", Route.SUBLINGUAL, "SQ", Route.SC, "IVINJ", Route.IV, "IVINFUS", Route.IV,
            "TRNSDERMD", Route.TRANSDERMAL);
    /** HL7 v3 GTSAbbreviation timing codes, as doses a day. */
    private static final Map<String, Integer> TIMING_CODES = Map.ofEntries(
            Map.entry("QD", 1), Map.entry("AM", 1), Map.entry("PM", 1), Map.entry("BID", 2), Map.entry("TID", 3),
            Map.entry("QID", 4), Map.entry("Q4H", 6), Map.entry("Q6H", 4), Map.entry("Q8H", 3),
            Map.entry("Q12H", 2));

    /** What a MedicationRequest says as a regimen line, or the element that keeps it from being one. */
    public sealed interface Mapping {
        record Mapped(ProposedItem item) implements Mapping {
        }

        record Unmappable(String element, String message) implements Mapping {
        }
    }

    private MedicationRequests() {
    }

    public static Mapping toProposedItem(MedicationRequest request, Formulary formulary) {
        Optional<List<CodeableConcept>> medication = medicationConcepts(request);
        if (medication.isEmpty()) {
            return new Mapping.Unmappable("MedicationRequest.medicationReference", "is "
                    + request.getMedicationReference().getReference() + ", not a Medication contained in the order:"
                    + " the EHR's FHIR server is never called, so contain the Medication (#id) or send"
                    + " medicationCodeableConcept");
        }
        Optional<Drug> drug = drugOf(medication.get(), formulary);
        if (drug.isEmpty()) {
            return new Mapping.Unmappable("MedicationRequest.medication[x]", "names no single drug of the formulary:"
                    + " read are RxNorm ingredient codes (" + RxNormIngredients.SYSTEM + ", e.g. 7804 oxycodone) and"
                    + " formulary codes in medicationCodeableConcept or a contained Medication's code and"
                    + " ingredient.itemCodeableConcept; a product code (e.g. SCD 1049621) needs its ingredient code,"
                    + " or a display or text naming exactly one formulary ingredient");
        }
        if (!request.hasDosageInstruction()) {
            return new Mapping.Unmappable("MedicationRequest.dosageInstruction", "is missing: the dose, route and"
                    + " frequency are needed to weigh the order");
        }
        Dosage dosage = request.getDosageInstructionFirstRep();
        Optional<Route> route = route(dosage.getRoute());
        if (route.isEmpty()) {
            return new Mapping.Unmappable("MedicationRequest.dosageInstruction[0].route", dosage.hasRoute()
                    ? "is not a route known here: use SNOMED CT (" + SNOMED + ", e.g. 26643006 oral route)"
                    : "is missing");
        }
        Optional<DoseUnit> unit = drug.get().unitFor(route.get());
        if (unit.isEmpty()) {
            return new Mapping.Unmappable("MedicationRequest.dosageInstruction[0].route", drug.get().code()
                    + " is not given " + route.get() + " here");
        }
        // A patch is prescribed by its delivery rate (rateQuantity 25 ug/h), its dose being "1 patch": the rate is
        // the line, when the order gives one.
        if (unit.get() == DoseUnit.MCG_PER_H && dosage.hasDoseAndRate() && dosage.getDoseAndRateFirstRep().hasRate()) {
            Optional<BigDecimal> rate = microgramsPerHour(dosage.getDoseAndRateFirstRep().getRate());
            if (rate.isEmpty()) {
                return new Mapping.Unmappable("MedicationRequest.dosageInstruction[0].doseAndRate[0].rate[x]",
                        "is not a delivery rate read here: rateQuantity in UCUM ug/h (or mg/h), or rateRatio of a"
                                + " mass (ug, mg) per time (h, min, d)");
            }
            return mapped(drug.get(), route.get(), rate.get(), unit.get(), dosage);
        }
        // dose[x] may be a doseRange, whose getDoseQuantity() throws: only a Quantity is a single dose.
        if (!dosage.hasDoseAndRate() || !(dosage.getDoseAndRateFirstRep().getDose() instanceof Quantity quantity)
                || !quantity.hasValue()) {
            return new Mapping.Unmappable("MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity",
                    "is missing: the single dose (a patch's delivery rate goes in rateQuantity, in ug/h); a doseRange"
                            + " is not read");
        }
        Optional<BigDecimal> dose = convert(quantity, unit.get());
        if (dose.isEmpty()) {
            return new Mapping.Unmappable("MedicationRequest.dosageInstruction[0].doseAndRate[0].doseQuantity",
                    "unit " + unitOf(quantity) + " cannot be converted to " + unit.get().symbol() + " (UCUM mg, g, ug"
                            + (unit.get() == DoseUnit.MCG_PER_H ? ", ug/h" : "") + ")");
        }
        return mapped(drug.get(), route.get(), dose.get(), unit.get(), dosage);
    }

    private static Mapping mapped(Drug drug, Route route, BigDecimal dose, DoseUnit unit, Dosage dosage) {
        boolean prn = dosage.hasAsNeeded() && (!(dosage.getAsNeeded() instanceof BooleanType flag)
                || flag.booleanValue());
        // A patch line is its delivery rate, whatever the change interval (api.md).
        Integer timesPerDay = route == Route.TRANSDERMAL ? Integer.valueOf(1) : timesPerDay(dosage.getTiming());
        if (timesPerDay == null) {
            return new Mapping.Unmappable("MedicationRequest.dosageInstruction[0].timing.repeat",
                    "must give whole doses a day: frequency (or frequencyMax) per period in h or d, or a timing code"
                            + " such as BID or Q4H");
        }
        return new Mapping.Mapped(new ProposedItem(drug.code(), route.name(), dose, unit.symbol(), timesPerDay, prn));
    }

    /** rate[x] as micrograms an hour: a rateQuantity in ug/h or mg/h, or a rateRatio of a mass per time. */
    private static Optional<BigDecimal> microgramsPerHour(Type rate) {
        if (rate instanceof Quantity quantity && quantity.hasValue()) {
            return convert(quantity, DoseUnit.MCG_PER_H);
        }
        if (rate instanceof Ratio ratio && ratio.getNumerator().hasValue() && ratio.getDenominator().hasValue()
                && ratio.getDenominator().getValue().signum() > 0) {
            Optional<BigDecimal> micrograms = convert(ratio.getNumerator(), DoseUnit.MCG);
            BigDecimal hours = switch (unitOf(ratio.getDenominator()).trim().toLowerCase(Locale.ROOT)) {
                case "h", "hr" -> BigDecimal.ONE;
                case "min" -> BigDecimal.ONE.divide(BigDecimal.valueOf(60), MathContext.DECIMAL64);
                case "d" -> BigDecimal.valueOf(24);
                default -> null;
            };
            if (micrograms.isPresent() && hours != null) {
                BigDecimal perHour = micrograms.get().divide(ratio.getDenominator().getValue().multiply(hours),
                        MathContext.DECIMAL64).stripTrailingZeros();
                return Optional.of(perHour.scale() < 0 ? perHour.setScale(0) : perHour);
            }
        }
        return Optional.empty();
    }

    /**
     * What names the drug: medicationCodeableConcept, or a contained Medication's code and then its ingredients.
     * Empty when medicationReference points outside the order, as only what the request carries is read.
     */
    private static Optional<List<CodeableConcept>> medicationConcepts(MedicationRequest request) {
        if (!(request.getMedication() instanceof Reference reference)) {
            return Optional.of(request.getMedication() instanceof CodeableConcept concept ? List.of(concept)
                    : List.of());
        }
        Medication medication = reference.getResource() instanceof Medication linked ? linked : null;
        for (Resource contained : request.getContained()) {
            String id = contained.getIdElement().getIdPart();
            if (medication == null && contained instanceof Medication candidate && reference.hasReference()
                    && id != null && reference.getReference().equals(id.startsWith("#") ? id : "#" + id)) {
                medication = candidate;
            }
        }
        if (medication == null) {
            return Optional.empty();
        }
        List<CodeableConcept> concepts = new ArrayList<>();
        concepts.add(medication.getCode());
        for (Medication.MedicationIngredientComponent ingredient : medication.getIngredient()) {
            // item[x] may be a Reference to a Medication or Substance, which names nothing here.
            if (ingredient.getItem() instanceof CodeableConcept item) {
                concepts.add(item);
            }
        }
        return Optional.of(concepts);
    }

    /**
     * The formulary drug the concepts name: by code (an RxNorm ingredient or a formulary code), else by an
     * ingredient's name in a product's text or display ("oxycodone hydrochloride 5 MG Oral Tablet"). Codes or names
     * of two drugs (a combination product) name none, as weighing one of them would understate the order.
     */
    private static Optional<Drug> drugOf(List<CodeableConcept> concepts, Formulary formulary) {
        Set<Drug> byCode = new LinkedHashSet<>();
        for (CodeableConcept concept : concepts) {
            for (Coding coding : concept.getCoding()) {
                if (RxNormIngredients.SYSTEM.equals(coding.getSystem()) && coding.hasCode()) {
                    RxNormIngredients.table().byRxcui(coding.getCode())
                            .flatMap(ingredient -> formulary.find(ingredient.formularyCode())).ifPresent(byCode::add);
                }
                if (FORMULARY_SYSTEM.equals(coding.getSystem()) && coding.hasCode()) {
                    formulary.find(coding.getCode()).ifPresent(byCode::add);
                }
            }
        }
        if (!byCode.isEmpty()) {
            return byCode.size() == 1 ? byCode.stream().findFirst() : Optional.empty();
        }
        Set<Drug> byName = new LinkedHashSet<>();
        for (CodeableConcept concept : concepts) {
            named(concept.getText(), formulary, byName);
            for (Coding coding : concept.getCoding()) {
                named(coding.getDisplay(), formulary, byName);
            }
        }
        return byName.size() == 1 ? byName.stream().findFirst() : Optional.empty();
    }

    private static void named(String text, Formulary formulary, Set<Drug> drugs) {
        if (text == null || text.isBlank()) {
            return;
        }
        String words = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        for (RxNormIngredients.Ingredient ingredient : RxNormIngredients.table().all().values()) {
            Optional<Drug> drug = formulary.find(ingredient.formularyCode());
            if (drug.isPresent() && (names(words, ingredient.name()) || names(words, drug.get().name()))) {
                drugs.add(drug.get());
            }
        }
    }

    /** Whole words only: "morphine" is not named by "hydromorphone", nor "codeine" by "dihydrocodeine". */
    private static boolean names(String words, String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        return !wanted.isEmpty() && words.contains(" " + wanted + " ");
    }

    private static Optional<Route> route(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (SNOMED.equals(coding.getSystem()) && SNOMED_ROUTES.containsKey(coding.getCode())) {
                return Optional.of(SNOMED_ROUTES.get(coding.getCode()));
            }
            if (V3_ROUTE.equals(coding.getSystem()) && V3_ROUTES.containsKey(coding.getCode())) {
                return Optional.of(V3_ROUTES.get(coding.getCode()));
            }
            if (ROUTE_SYSTEM.equals(coding.getSystem()) && coding.hasCode()) {
                Optional<Route> named = Route.parse(coding.getCode());
                if (named.isPresent()) {
                    return named;
                }
            }
        }
        return Optional.empty();
    }

    private static String unitOf(Quantity quantity) {
        String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
        return unit == null ? "(none)" : unit;
    }

    /** The dose in the formulary's unit: mass units scale by 1000s, a rate must stay a rate. */
    static Optional<BigDecimal> convert(Quantity quantity, DoseUnit target) {
        String unit = unitOf(quantity).trim().toLowerCase(Locale.ROOT).replace("mcg", "ug").replace("µg", "ug");
        BigDecimal value = quantity.getValue();
        BigDecimal thousand = BigDecimal.valueOf(1000);
        BigDecimal converted = switch (target) {
            case MG -> switch (unit) {
                case "mg" -> value;
                case "g" -> value.multiply(thousand);
                case "ug" -> value.divide(thousand, MathContext.DECIMAL64);
                default -> null;
            };
            case MCG -> switch (unit) {
                case "ug" -> value;
                case "mg" -> value.multiply(thousand);
                default -> null;
            };
            case MCG_PER_H -> switch (unit) {
                case "ug/h", "ug/hr" -> value;
                case "mg/h" -> value.multiply(thousand);
                default -> null;
            };
        };
        return Optional.ofNullable(converted).map(BigDecimal::stripTrailingZeros)
                .map(amount -> amount.scale() < 0 ? amount.setScale(0) : amount);
    }

    /** Whole doses a day from timing.repeat (frequencyMax, the most aggressive reading, else frequency) or a code. */
    static Integer timesPerDay(Timing timing) {
        if (timing.hasRepeat() && timing.getRepeat().hasPeriod() && timing.getRepeat().hasPeriodUnit()) {
            Timing.TimingRepeatComponent repeat = timing.getRepeat();
            int frequency = repeat.hasFrequencyMax() ? repeat.getFrequencyMax()
                    : repeat.hasFrequency() ? repeat.getFrequency() : 1;
            BigDecimal hours = switch (repeat.getPeriodUnit()) {
                case H -> repeat.getPeriod();
                case D -> repeat.getPeriod().multiply(BigDecimal.valueOf(24));
                case MIN -> repeat.getPeriod().divide(BigDecimal.valueOf(60), MathContext.DECIMAL64);
                default -> null;
            };
            if (hours == null || hours.signum() <= 0) {
                return null;
            }
            BigDecimal perDay = BigDecimal.valueOf(24L * frequency).divide(hours, 6, RoundingMode.HALF_UP);
            // A period of a split second would be billions of doses a day: no whole int, so not a timing read here.
            return perDay.stripTrailingZeros().scale() <= 0 && perDay.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE))
                    <= 0 ? perDay.intValueExact() : null;
        }
        if (timing.hasCode()) {
            for (Coding coding : timing.getCode().getCoding()) {
                Integer perDay = TIMING_CODES.get(coding.getCode());
                if (perDay != null) {
                    return perDay;
                }
            }
        }
        return null;
    }

    /** The FHIR id of a regimen line: the regimen version's id and the line's place in it. */
    public static String lineId(UUID regimenId, int index) {
        return regimenId + "-" + index;
    }

    /** The index of the current regimen's line a MedicationRequest id names, or -1 when it names none. */
    public static int lineIndex(String id, UUID regimenId) {
        String prefix = regimenId + "-";
        if (id == null || !id.startsWith(prefix)) {
            return -1;
        }
        try {
            return Integer.parseInt(id.substring(prefix.length()));
        } catch (NumberFormatException notALine) {
            return -1;
        }
    }

    /** The regimen in force as the patient's active MedicationRequests, one per line. */
    public static List<MedicationRequest> of(RecordedRegimen recorded) {
        List<RegimenItem> items = recorded.regimen().items();
        return java.util.stream.IntStream.range(0, items.size()).mapToObj(index -> {
            MedicationRequest request = of(items.get(index), recorded.patientId());
            request.setId(lineId(recorded.id(), index));
            request.setAuthoredOn(Date.from(recorded.effectiveAt()));
            return request;
        }).toList();
    }

    /** One regimen line (or a proposed prescription) as an active order for the patient. */
    public static MedicationRequest of(RegimenItem item, UUID patientId) {
        return of(item, patientId.toString());
    }

    /** @param patientId the id the subject's system knows the patient by (painladder's, or the EHR's) */
    public static MedicationRequest of(RegimenItem item, String patientId) {
        MedicationRequest request = new MedicationRequest();
        request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setMedication(medication(item.drug()));
        request.setSubject(new Reference("Patient/" + patientId));
        Dosage dosage = request.addDosageInstruction();
        dosage.setText(text(item));
        String[] route = SNOMED_DISPLAY.get(item.route());
        CodeableConcept routeConcept = new CodeableConcept().setText(item.route().name());
        if (route != null) {
            routeConcept.addCoding(new Coding(SNOMED, route[0], route[1]));
        }
        dosage.setRoute(routeConcept);
        dosage.setAsNeeded(new BooleanType(item.prn()));
        if (item.unit() == DoseUnit.MCG_PER_H) {
            // A patch delivers a rate (FHIR doseAndRate.rateQuantity), not a dose taken a number of times a day; how
            // often it is changed is not kept here, so no timing is said.
            dosage.addDoseAndRate().setRate(quantity(item.dose(), item.unit()));
            return request;
        }
        // Regular dosing is prescribed "every N h" (1 per N h), which an EHR shows as such; other counts per day.
        if (everyHours(item) != null) {
            dosage.getTiming().getRepeat().setFrequency(1).setPeriod(BigDecimal.valueOf(everyHours(item)))
                    .setPeriodUnit(Timing.UnitsOfTime.H);
        } else {
            dosage.getTiming().getRepeat().setFrequency(item.timesPerDay()).setPeriod(BigDecimal.ONE)
                    .setPeriodUnit(Timing.UnitsOfTime.D);
        }
        dosage.addDoseAndRate().setDose(quantity(item.dose(), item.unit()));
        return request;
    }

    static CodeableConcept medication(Drug drug) {
        CodeableConcept concept = new CodeableConcept().setText(drug.name());
        RxNormIngredients.table().byFormularyCode(drug.code()).ifPresent(ingredient ->
                concept.addCoding(new Coding(RxNormIngredients.SYSTEM, ingredient.rxcui(), ingredient.name())));
        concept.addCoding(new Coding(FORMULARY_SYSTEM, drug.code(), drug.name()));
        return concept;
    }

    static Quantity quantity(BigDecimal value, DoseUnit unit) {
        String ucum = switch (unit) {
            case MG -> "mg";
            case MCG -> "ug";
            case MCG_PER_H -> "ug/h";
        };
        return new Quantity().setValue(value).setUnit(unit.symbol()).setSystem(UCUM).setCode(ucum);
    }

    private static String text(RegimenItem item) {
        return item.drug().name() + " " + item.dose().toPlainString() + " " + item.unit().symbol() + " "
                + item.route().name().toLowerCase(Locale.ROOT)
                + (item.route() == Route.TRANSDERMAL ? "" : everyHours(item) != null ? ", every " + everyHours(item)
                + " h" : ", " + item.timesPerDay() + " times a day")
                + (item.prn() ? " as needed" : "");
    }

    /** The hours between doses when a line's doses a day divide the day evenly (2 → 12, 6 → 4); else null. */
    private static Integer everyHours(RegimenItem item) {
        int times = item.timesPerDay();
        return item.route() != Route.TRANSDERMAL && times > 1 && 24 % times == 0 ? 24 / times : null;
    }
}

package org.painladder.domain.regimen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The analgesics a patient takes, one line each, in the order the EHR sent them (item indexes name them). */
public record Regimen(List<RegimenItem> items) {

    public Regimen {
        items = List.copyOf(items);
    }

    /** Checks every line against the formulary and collects every problem, each naming its item. */
    public static Validated<Regimen> check(List<ProposedItem> proposed, Formulary formulary) {
        List<RegimenViolation> violations = new ArrayList<>();
        List<RegimenItem> items = new ArrayList<>();
        for (int index = 0; index < proposed.size(); index++) {
            checkItem(proposed.get(index), "items[" + index + "]", formulary, violations).ifPresent(items::add);
        }
        return violations.isEmpty() ? new Validated.Valid<>(new Regimen(items))
                : new Validated.Invalid<>(violations);
    }

    /**
     * The ladder step (clinical-rules §1.2): the strongest scheduled opioid decides (strong 3, weak 2); with no
     * scheduled opioid a PRN-only opioid counts (and is warned about); otherwise a scheduled non-opioid makes it 1.
     * Adjuvants and PRN non-opioids alone leave it at 0. A PRN strong rescue on top of a scheduled weak opioid stays
     * on step 2: the step follows the by-the-clock opioid.
     */
    public int ladderStep() {
        int scheduledOpioid = highestStep(items.stream().filter(item -> item.isOpioid() && item.scheduled()).toList());
        if (scheduledOpioid > 0) {
            return scheduledOpioid;
        }
        int prnOpioid = highestStep(items.stream().filter(RegimenItem::isOpioid).toList());
        if (prnOpioid > 0) {
            return prnOpioid;
        }
        boolean scheduledNonOpioid = items.stream()
                .anyMatch(item -> item.scheduled() && item.drug().drugClass() == DrugClass.NON_OPIOID);
        return scheduledNonOpioid ? 1 : 0;
    }

    /** Distinct drugs on scheduled lines, by code, e.g. to tell which strong opioids a patient has tried. */
    public List<Drug> scheduledDrugs() {
        return items.stream().filter(RegimenItem::scheduled).map(RegimenItem::drug)
                .collect(Collectors.toMap(Drug::code, drug -> drug, (first, second) -> first,
                        LinkedHashMap::new))
                .values().stream().toList();
    }

    /** As {@link #evaluate(Formulary, OpioidTolerance, PatientOrganFunction)} for a patient of unknown factors. */
    public RegimenEvaluation evaluate(Formulary formulary, OpioidTolerance tolerance) {
        return evaluate(formulary, tolerance, PatientOrganFunction.unknown());
    }

    /**
     * Assesses this regimen under the formulary's factor profile for this patient: step, OMEDD with its trace, and
     * warnings (those of organ function and weight need the patient's factors).
     */
    public RegimenEvaluation evaluate(Formulary formulary, OpioidTolerance tolerance, PatientOrganFunction patient) {
        Omedd omedd = Omedd.of(this, formulary);
        List<RegimenWarning> warnings = new ArrayList<>(RegimenWarnings.of(this, omedd, formulary, tolerance,
                patient));
        warnings.addAll(LineWarnings.of(this, omedd));
        return new RegimenEvaluation(ladderStep(), omedd, List.copyOf(warnings), formulary.profile().factorsUsed());
    }

    private static int highestStep(List<RegimenItem> opioids) {
        return opioids.stream().map(item -> item.drug().ladderStep()).max(Comparator.naturalOrder()).orElse(0);
    }

    private static Optional<RegimenItem> checkItem(ProposedItem item, String field, Formulary formulary,
                                                   List<RegimenViolation> violations) {
        int before = violations.size();
        Optional<Drug> drug = Optional.ofNullable(item.drug()).flatMap(formulary::find);
        if (drug.isEmpty()) {
            violations.add(new RegimenViolation(field + ".drug", item.drug() == null ? "is required"
                    : "unknown drug " + item.drug() + "; GET /api/v1/formulary lists the codes"));
        }
        Optional<Route> route = Optional.ofNullable(item.route()).flatMap(Route::parse);
        if (route.isEmpty()) {
            violations.add(new RegimenViolation(field + ".route", item.route() == null ? "is required"
                    : "unknown route " + item.route()));
        } else if (drug.isPresent() && drug.get().unitFor(route.get()).isEmpty()) {
            violations.add(new RegimenViolation(field + ".route", drug.get().code() + " is not given " + route.get()
                    + " here; its routes are " + drug.get().routeSet().stream().map(Route::name).sorted()
                    .collect(Collectors.joining(", "))));
        }
        Optional<LineMode> mode = checkMode(item, route, field, violations);
        Optional<DoseUnit> unit = Optional.ofNullable(item.unit()).flatMap(DoseUnit::parse);
        Optional<DoseUnit> expectedUnit = drug.flatMap(known -> route.flatMap(known::unitFor));
        if (unit.isEmpty()) {
            violations.add(new RegimenViolation(field + ".unit", item.unit() == null ? "is required"
                    : "unknown unit " + item.unit() + "; use mg, mcg or mcg/h"));
        } else if (expectedUnit.isPresent() && expectedUnit.get() != unit.get()) {
            violations.add(new RegimenViolation(field + ".unit", drug.get().code() + " " + route.get()
                    + " is dosed in " + expectedUnit.get().symbol() + ", not " + unit.get().symbol()));
        }
        mode.ifPresent(known -> LineFields.check(item, known, route, field, violations));
        if (violations.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new RegimenItem(drug.get(), route.get(), item.dose(), unit.get(),
                item.timesPerDay() == null ? 0 : item.timesPerDay(), Boolean.TRUE.equals(item.prn()), mode.get(),
                item.ratePerHour(), item.bolusDose(), item.lockoutMinutes(), item.maxDosePer4h()));
    }

    /** The line mode (SCHEDULED when absent), which must suit the route (§8.10). */
    private static Optional<LineMode> checkMode(ProposedItem item, Optional<Route> route, String field,
                                                List<RegimenViolation> violations) {
        Optional<LineMode> mode = item.mode() == null ? Optional.of(LineMode.SCHEDULED) : LineMode.parse(item.mode());
        if (mode.isEmpty()) {
            violations.add(new RegimenViolation(field + ".mode", "unknown mode " + item.mode()
                    + "; use SCHEDULED, CONTINUOUS_INFUSION, PCA or CATHETER_BOLUS"));
        } else if (route.isPresent() && mode.get() != LineMode.SCHEDULED && !route.get().takesLines()) {
            violations.add(new RegimenViolation(field + ".mode", mode.get() + " runs SC, IV, EPIDURAL or INTRATHECAL;"
                    + " a " + route.get() + " line is SCHEDULED"));
        } else if (route.isPresent() && mode.get() == LineMode.SCHEDULED && route.get().isNeuraxial()) {
            violations.add(new RegimenViolation(field + ".mode", "an " + route.get() + " line runs through a catheter"
                    + " or pump: give its mode as CATHETER_BOLUS (regular injections), CONTINUOUS_INFUSION or PCA"));
        }
        return mode;
    }

    static void checkFrequency(ProposedItem item, Optional<Route> route, String field,
                               List<RegimenViolation> violations) {
        boolean patch = route.filter(Route.TRANSDERMAL::equals).isPresent();
        if (item.timesPerDay() == null || item.timesPerDay() < 1
                || item.timesPerDay() > RegimenItem.MAX_TIMES_PER_DAY) {
            violations.add(new RegimenViolation(field + ".timesPerDay",
                    "must be a whole number from 1 to " + RegimenItem.MAX_TIMES_PER_DAY));
        } else if (patch && item.timesPerDay() != 1) {
            violations.add(new RegimenViolation(field + ".timesPerDay", "must be 1 for a transdermal item: its dose"
                    + " is the delivery rate of all patches worn (mcg/h), whatever the change interval"));
        }
        if (patch && Boolean.TRUE.equals(item.prn())) {
            violations.add(new RegimenViolation(field + ".prn", "a transdermal patch cannot be taken as needed"));
        }
    }
}

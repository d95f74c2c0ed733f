package org.painladder.interop.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.painladder.app.ReadingPatientView.PatientView;
import org.painladder.domain.ladder.Evidence;
import org.painladder.domain.ladder.LadderPolicy;
import org.painladder.domain.ladder.ProposedRecommendation;
import org.painladder.domain.ladder.RecommendationType;
import org.painladder.domain.recommendation.Recommendation;
import org.painladder.domain.refractory.CandidateIntervention;
import org.painladder.domain.refractory.Criterion;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.domain.regimen.DoseUnit;
import org.painladder.domain.regimen.Drug;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.domain.regimen.RegimenItem;
import org.painladder.domain.regimen.Route;
import org.painladder.interop.fhir.MedicationRequests;

/**
 * patient-view cards: one per PENDING recommendation (uuid = the recommendation id, so feedback can decide it) and one
 * for an open refractory case. Each names the rule and rules version, links the rule's entry in the policy and the
 * patient's page in the dashboard, and explains itself in Markdown; a prescription proposal comes with a FHIR
 * MedicationRequest the EHR can create (a new drug) or update (a new dose of a current line).
 */
@ApplicationScoped
class PatientViewCards {

    static final String RULE_SYSTEM = "http://painladder.org/fhir/CodeSystem/rule";

    private final CdsHooksConfig config;
    private final FhirContext fhirContext;
    private final Formulary formulary;

    PatientViewCards(CdsHooksConfig config, FhirContext fhirContext, Formulary formulary) {
        this.config = config;
        this.fhirContext = fhirContext;
        this.formulary = formulary;
    }

    /**
     * @param ehrPatientId the patient as the EHR named them (context.patientId): suggested orders are for the EHR to
     *                     apply, so their subject is its id, not painladder's
     */
    List<CdsHooksJson.Card> cards(PatientView view, String ehrPatientId) {
        List<CdsHooksJson.Card> cards = new ArrayList<>();
        UUID patientId = view.patient().id();
        view.openCase().ifPresent(openCase -> cards.add(refractoryCard(openCase, patientId)));
        for (Recommendation recommendation : view.pending()) {
            cards.add(recommendationCard(recommendation, view.currentRegimen(), ehrPatientId));
        }
        // The most urgent first, as an EHR lists them in order.
        cards.sort((a, b) -> Integer.compare(rank(a.indicator()), rank(b.indicator())));
        return cards;
    }

    private CdsHooksJson.Card recommendationCard(Recommendation recommendation, Optional<RecordedRegimen> current,
                                                 String ehrPatientId) {
        ProposedRecommendation advice = recommendation.advice();
        String ruleCode = advice.ruleId().code();
        List<CdsHooksJson.Suggestion> suggestions = suggestion(recommendation, current, ehrPatientId).map(List::of)
                .orElse(List.of());
        return new CdsHooksJson.Card(recommendation.id().toString(), CardText.summary(ruleCode + " " + headline(advice)),
                detail(advice), CardIndicators.of(ruleCode, advice.type(),
                        Boolean.TRUE.equals(advice.proposal().get("critical"))),
                source(advice.rulesVersion(), ruleCode, advice.ruleId().summary()), suggestions,
                suggestions.isEmpty() ? null : "at-most-one", links(recommendation.patientId()),
                OverrideReasons.OFFERED);
    }

    private CdsHooksJson.Card refractoryCard(RefractoryCase openCase, UUID patientId) {
        String interventions = openCase.candidateInterventions().stream()
                .filter(candidate -> candidate.contraindicatedBy().isEmpty())
                .map(candidate -> CardText.words(candidate.type().name()).toLowerCase(java.util.Locale.ROOT))
                .limit(2).collect(Collectors.joining(", "));
        String summary = "REF-01 Refractory cancer pain: case " + CardText.words(openCase.status().name())
                .toLowerCase(java.util.Locale.ROOT) + (interventions.isEmpty() ? "" : "; consider " + interventions);
        StringBuilder detail = new StringBuilder("Pain refractory after an adequate, titrated step 3 (REF-01): the case"
                + " is on the palliative-care worklist since " + openCase.flaggedAt() + ".\n\n**Criteria that held**\n");
        for (Criterion criterion : openCase.criteria()) {
            detail.append("\n- ").append(criterion.code()).append(": ").append(criterion.detail());
        }
        detail.append("\n\n**Candidate interventions**\n");
        for (CandidateIntervention candidate : openCase.candidateInterventions()) {
            detail.append("\n- ").append(CardText.words(candidate.type().name())).append(": ")
                    .append(candidate.rationale());
            if (!candidate.contraindicatedBy().isEmpty()) {
                detail.append(" (contraindicated: ").append(candidate.contraindicatedBy().stream().map(Enum::name)
                        .collect(Collectors.joining(", "))).append(")");
            }
            candidate.cautions().forEach(caution -> detail.append(" Caution: ").append(caution));
        }
        return new CdsHooksJson.Card(openCase.id().toString(), CardText.summary(summary), detail.toString(),
                CardIndicators.CRITICAL, source(LadderPolicy.RULES_VERSION, "REF-01",
                "Pain refractory after an adequate, titrated step 3"), List.of(), null, links(patientId),
                OverrideReasons.OFFERED);
    }

    private static String headline(ProposedRecommendation advice) {
        Map<String, Object> proposal = advice.proposal();
        String type = CardText.words(advice.type().name());
        Object drug = proposal.get("drug");
        if (drug != null && proposal.get("fromDailyDose") != null && proposal.get("toDailyDose") != null) {
            // A rotation names the drug it leaves, in that drug's unit (a patch's mcg/h is no daily dose).
            Object from = proposal.get("fromDrug") != null ? proposal.get("fromDrug") : proposal.get("stopDrug");
            Object unit = proposal.getOrDefault("unit", "");
            Object fromUnit = proposal.get("fromUnit") != null ? proposal.get("fromUnit") : unit;
            String to = amount(proposal.get("toDailyDose"), unit);
            if (from != null && !from.equals(drug)) {
                return type + ": " + name(from) + " " + amount(proposal.get("fromDailyDose"), fromUnit) + " → "
                        + name(drug) + " " + to;
            }
            return type + ": " + name(drug) + " " + (fromUnit.equals(unit) ? CardText.plain(proposal.get(
                    "fromDailyDose")) : amount(proposal.get("fromDailyDose"), fromUnit)) + " → " + to;
        }
        if (drug != null && proposal.get("dose") != null) {
            return type + ": " + drug.toString().toLowerCase(java.util.Locale.ROOT) + " "
                    + CardText.plain(proposal.get("dose")) + " " + proposal.getOrDefault("doseUnit", "")
                    + (proposal.get("frequency") == null ? "" : " " + proposal.get("frequency"));
        }
        String rationale = advice.rationale();
        int sentence = rationale.indexOf(". ");
        return type + ": " + (sentence > 0 ? rationale.substring(0, sentence) : rationale);
    }

    private static String name(Object drug) {
        return drug.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** A daily amount: "30 mg/d", but a rate stays as it is ("25 mcg/h"). */
    private static String amount(Object value, Object unit) {
        return CardText.plain(value) + " " + unit + (unit.toString().contains("/") ? "" : "/d");
    }

    private static String detail(ProposedRecommendation advice) {
        StringBuilder markdown = new StringBuilder(advice.rationale());
        Evidence evidence = advice.evidence();
        StringBuilder facts = new StringBuilder();
        if (!evidence.scores().isEmpty()) {
            facts.append("\n- scores read: ").append(evidence.scores().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        if (evidence.omeddMg() != null) {
            facts.append("\n- OMEDD: ").append(CardText.plain(evidence.omeddMg())).append(" mg/d");
        }
        evidence.thresholds().forEach((name, value) -> facts.append("\n- threshold ").append(name).append(": ")
                .append(CardText.plain(value)));
        evidence.facts().forEach((name, value) -> facts.append("\n- ").append(name).append(": ")
                .append(CardText.plain(value)));
        if (facts.length() > 0) {
            markdown.append("\n\n**Evidence**\n").append(facts);
        }
        CardText.list(markdown, "Proposal", advice.proposal());
        markdown.append("\n\nRule **").append(advice.ruleId().code()).append("** (rules ").append(advice.rulesVersion())
                .append("): ").append(advice.ruleId().summary()).append(". Source: ").append(advice.ruleId().source())
                .append('.');
        return markdown.toString();
    }

    /**
     * A new prescription becomes a MedicationRequest to create, with its rescue when the proposal carries one; a new
     * daily dose of a drug the patient takes on one scheduled line becomes a new order for that line. The EHR has never
     * seen painladder's line ids (they change with each regimen version), so no update or delete targets them: the
     * order to stop is named in the action's description instead. Anything the proposal does not say exactly gets no
     * suggestion.
     */
    private Optional<CdsHooksJson.Suggestion> suggestion(Recommendation recommendation,
                                                         Optional<RecordedRegimen> current, String ehrPatientId) {
        Map<String, Object> proposal = recommendation.advice().proposal();
        Optional<Drug> drug = text(proposal.get("drug")).flatMap(formulary::find);
        Optional<Route> route = text(proposal.get("route")).flatMap(Route::parse);
        if (drug.isEmpty() || route.isEmpty()) {
            return Optional.empty();
        }
        if (recommendation.type() == RecommendationType.TITRATE_DOSE || proposal.get("direction") != null) {
            return doseChange(recommendation, drug.get(), route.get(), current, ehrPatientId);
        }
        Optional<MedicationRequest> order = order(drug.get(), route.get(), proposal.get("dose"),
                proposal.get("doseUnit"), proposal.get("toDailyDose"), ehrPatientId);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        String label = "Order " + order.get().getDosageInstructionFirstRep().getText();
        List<CdsHooksJson.Action> actions = new ArrayList<>();
        actions.add(new CdsHooksJson.Action("create", label + stopping(proposal), json(order.get())));
        rescue(proposal, ehrPatientId).ifPresent(rescue -> actions.add(new CdsHooksJson.Action("create",
                "Rescue: order " + rescue.getDosageInstructionFirstRep().getText(), json(rescue))));
        return Optional.of(suggestion(recommendation, label, actions));
    }

    /** The order the proposal stops, for the clinician to discontinue in the EHR; empty when it stops none. */
    private static String stopping(Map<String, Object> proposal) {
        Object stop = proposal.get("stopDrug");
        if (stop == null) {
            return "";
        }
        Object fromDaily = proposal.get("fromDailyDose");
        Object fromUnit = proposal.get("fromUnit") != null ? proposal.get("fromUnit") : proposal.get("unit");
        return "; stop the current " + name(stop) + (fromDaily == null || fromUnit == null ? ""
                : " " + amount(fromDaily, fromUnit)) + " order"
                + (Boolean.TRUE.equals(proposal.get("removePatch")) ? " and remove the patch" : "");
    }

    /** A PRN rescue "as needed, up to hourly" is at most 24 doses a day. */
    private Optional<MedicationRequest> rescue(Map<String, Object> proposal, String ehrPatientId) {
        Optional<Drug> drug = text(proposal.get("rescueDrug")).flatMap(formulary::find);
        Optional<Route> route = text(proposal.get("rescueRoute")).flatMap(Route::parse);
        Optional<DoseUnit> unit = text(proposal.get("rescueUnit")).flatMap(DoseUnit::parse);
        Optional<BigDecimal> dose = decimal(proposal.get("rescueDose"));
        if (drug.isEmpty() || route.isEmpty() || unit.isEmpty() || dose.isEmpty() || dose.get().signum() <= 0
                || !text(proposal.get("rescueFrequency")).filter(frequency -> frequency.contains("hourly"))
                .isPresent()) {
            return Optional.empty();
        }
        return Optional.of(proposed(new RegimenItem(drug.get(), route.get(), dose.get(), unit.get(),
                RegimenItem.MAX_TIMES_PER_DAY, true), ehrPatientId));
    }

    private static Optional<MedicationRequest> order(Drug drug, Route route, Object singleDose, Object doseUnit,
                                                     Object dailyDose, String ehrPatientId) {
        Optional<DoseUnit> unit = text(doseUnit).flatMap(DoseUnit::parse);
        Optional<BigDecimal> single = decimal(singleDose);
        Optional<BigDecimal> total = decimal(dailyDose);
        if (single.isEmpty() || total.isEmpty() || unit.isEmpty() || single.get().signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal times = total.get().divide(single.get(), 6, RoundingMode.HALF_UP).stripTrailingZeros();
        if (times.scale() > 0 || times.intValue() < 1 || times.intValue() > RegimenItem.MAX_TIMES_PER_DAY) {
            return Optional.empty();
        }
        return Optional.of(proposed(new RegimenItem(drug, route, single.get(), unit.get(), times.intValue(), false),
                ehrPatientId));
    }

    private static MedicationRequest proposed(RegimenItem item, String ehrPatientId) {
        MedicationRequest order = MedicationRequests.of(item, ehrPatientId);
        order.setStatus(MedicationRequest.MedicationRequestStatus.DRAFT);
        order.setIntent(MedicationRequest.MedicationRequestIntent.PROPOSAL);
        return order;
    }

    private Optional<CdsHooksJson.Suggestion> doseChange(Recommendation recommendation, Drug drug, Route route,
                                                         Optional<RecordedRegimen> current, String ehrPatientId) {
        Optional<BigDecimal> total = decimal(recommendation.advice().proposal().get("toDailyDose"));
        if (current.isEmpty() || total.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal daily = total.get();
        List<RegimenItem> items = current.get().regimen().items();
        List<Integer> lines = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            RegimenItem item = items.get(index);
            if (item.scheduled() && item.drug().code().equals(drug.code()) && item.route() == route) {
                lines.add(index);
            }
        }
        if (lines.size() != 1) {
            return Optional.empty();
        }
        RegimenItem line = items.get(lines.get(0));
        BigDecimal dose = route == Route.TRANSDERMAL ? daily
                : daily.divide(BigDecimal.valueOf(line.timesPerDay()), 6, RoundingMode.HALF_UP).stripTrailingZeros();
        if (dose.scale() > RegimenItem.MAX_DOSE_DECIMALS || dose.signum() <= 0) {
            return Optional.empty();
        }
        MedicationRequest order = proposed(new RegimenItem(drug, route, dose, line.unit(), line.timesPerDay(),
                false), ehrPatientId);
        String label = "Change to " + order.getDosageInstructionFirstRep().getText();
        String stop = "; stop the current order " + MedicationRequests.of(line, ehrPatientId)
                .getDosageInstructionFirstRep().getText();
        return Optional.of(suggestion(recommendation, label, List.of(new CdsHooksJson.Action("create", label + stop,
                json(order)))));
    }

    private String json(MedicationRequest order) {
        return fhirContext.newJsonParser().encodeResourceToString(order);
    }

    private static CdsHooksJson.Suggestion suggestion(Recommendation recommendation, String label,
                                                      List<CdsHooksJson.Action> actions) {
        return new CdsHooksJson.Suggestion(CardText.summary(label), suggestionOf(recommendation.id()).toString(), true,
                actions);
    }

    /** The uuid of the one suggestion a recommendation's card may offer: the same on every patient-view call. */
    static UUID suggestionOf(UUID card) {
        return UUID.nameUUIDFromBytes((card + "|suggestion").getBytes(StandardCharsets.UTF_8));
    }

    CdsHooksJson.Source source(String rulesVersion, String ruleCode, String ruleSummary) {
        return new CdsHooksJson.Source("painladder rules " + rulesVersion,
                config.publicUrl() + "/api/v1/ladder/policy#" + ruleCode,
                new CdsHooksJson.Coding(RULE_SYSTEM, ruleCode, ruleSummary));
    }

    List<CdsHooksJson.Link> links(UUID patientId) {
        return List.of(new CdsHooksJson.Link("Pain timeline and ladder in painladder",
                config.publicUrl() + "/ui/patients/" + patientId, "absolute"));
    }

    private static Optional<String> text(Object value) {
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    /** Stored proposals read back integers as Integer and decimals as BigDecimal. */
    private static Optional<BigDecimal> decimal(Object value) {
        return value instanceof Number number ? Optional.of(new BigDecimal(number.toString())) : Optional.empty();
    }

    private static int rank(String indicator) {
        return switch (indicator) {
            case CardIndicators.CRITICAL -> 0;
            case CardIndicators.WARNING -> 1;
            default -> 2;
        };
    }
}

package org.painladder.interop.cdshooks;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.painladder.app.PreviewingDraftOrders;
import org.painladder.app.PreviewingDraftOrders.CurrentOrders;
import org.painladder.app.PreviewingDraftOrders.DraftPreview;
import org.painladder.domain.ladder.LadderPolicy;
import org.painladder.domain.pain.PainBand;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.regimen.Contribution;
import org.painladder.domain.regimen.Drug;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.ProposedItem;
import org.painladder.domain.regimen.RegimenEvaluation;
import org.painladder.domain.regimen.RegimenViolation;
import org.painladder.domain.regimen.RegimenWarning;
import org.painladder.interop.fhir.MedicationRequests;

/**
 * order-select and order-sign cards: the draft MedicationRequests are read as regimen lines and weighed as if added to
 * the current regimen (nothing is stored): the OMEDD before and after, every regimen warning of the result, and
 * whether an opioid fits the patient's latest pain band. A draft that cannot be read gets an info card naming the
 * element that is missing, so a clinician knows painladder did not check it.
 */
@ApplicationScoped
class OrderCards {

    private final Formulary formulary;
    private final PreviewingDraftOrders previewingDraftOrders;
    private final PatientViewCards patientViewCards;
    private final CdsHooksConfig config;

    OrderCards(Formulary formulary, PreviewingDraftOrders previewingDraftOrders, PatientViewCards patientViewCards,
               CdsHooksConfig config) {
        this.formulary = formulary;
        this.config = config;
        this.previewingDraftOrders = previewingDraftOrders;
        this.patientViewCards = patientViewCards;
    }

    /**
     * @param activeOrders the EHR's active MedicationRequests (prefetch.medications), or null when it sent none: when
     *                     sent they are what the patient is on, as the EHR's list is the source of truth when the
     *                     order is signed and painladder's recorded regimen may lag behind it
     */
    List<CdsHooksJson.Card> cards(Patient patient, String contextPatientId, Bundle draftOrders, Bundle activeOrders) {
        List<CdsHooksJson.Card> cards = new ArrayList<>();
        List<ProposedItem> drafts = new ArrayList<>();
        Set<String> changedIds = new HashSet<>();
        for (Bundle.BundleEntryComponent entry : draftOrders.getEntry()) {
            if (!(entry.getResource() instanceof MedicationRequest request)) {
                continue;
            }
            // A draft for another patient must not be weighed against this one's regimen.
            String subject = request.getSubject().getReferenceElement().getIdPart();
            if (request.getSubject().hasReference() && !contextPatientId.equals(subject)
                    && !patient.id().toString().equals(subject)) {
                cards.add(notChecked(patient, describe(request), "MedicationRequest.subject", "is "
                        + request.getSubject().getReference() + ", not the patient of this hook (context.patientId "
                        + contextPatientId + ")"));
                continue;
            }
            MedicationRequests.Mapping mapping = MedicationRequests.toProposedItem(request, formulary);
            if (mapping instanceof MedicationRequests.Mapping.Unmappable unmappable) {
                cards.add(notChecked(patient, describe(request), unmappable.element(), unmappable.message()));
            } else {
                drafts.add(((MedicationRequests.Mapping.Mapped) mapping).item());
                changedIds.addAll(changedOrders(request));
            }
        }
        if (drafts.isEmpty()) {
            return cards;
        }
        List<String> notCounted = new ArrayList<>();
        CurrentOrders current = activeOrders == null
                ? new CurrentOrders.Recorded(regimenId -> replaced(changedIds, regimenId))
                : fromEhr(activeOrders, changedIds, notCounted);
        DraftPreview preview = previewingDraftOrders.preview(patient, drafts, current);
        for (RegimenViolation violation : preview.violations()) {
            int draft = Integer.parseInt(violation.field().replaceAll("^items\\[(\\d+)].*$", "$1"));
            cards.add(notChecked(patient, describe(drafts.get(draft)), "MedicationRequest."
                    + violation.field().replaceFirst("^items\\[\\d+]\\.", ""), violation.message()));
        }
        if (preview.after() == null) {
            return cards;
        }
        String basis = current instanceof CurrentOrders.FromEhr ehr
                ? " (the EHR's " + ehr.lines().size() + " active order" + (ehr.lines().size() == 1 ? "" : "s")
                + (notCounted.isEmpty() ? "" : "; not weighed, as painladder cannot read them: "
                + String.join(", ", notCounted)) + ")"
                : preview.before().map(recorded -> " (version " + recorded.version() + ")").orElse(" (none yet)");
        cards.add(omeddCard(patient, drafts, preview, basis));
        cards.addAll(warningCards(patient, preview));
        ladderCard(patient, drafts, preview.latestPainBand()).ifPresent(cards::add);
        return cards;
    }

    /**
     * The ids of the current orders a draft changes: its own id (an edit of an active order) and its
     * priorPrescription (a new order replacing one), so a dose change weighs as a change, not as a second order.
     */
    private static Set<String> changedOrders(MedicationRequest draft) {
        Set<String> ids = new HashSet<>();
        if (draft.getIdElement().hasIdPart()) {
            ids.add(draft.getIdElement().getIdPart());
        }
        if (draft.getPriorPrescription().hasReference()) {
            ids.add(new IdType(draft.getPriorPrescription().getReference()).getIdPart());
        }
        return ids;
    }

    private CurrentOrders fromEhr(Bundle activeOrders, Set<String> changedIds, List<String> notCounted) {
        List<ProposedItem> lines = new ArrayList<>();
        Set<Integer> replaced = new HashSet<>();
        for (Bundle.BundleEntryComponent entry : activeOrders.getEntry()) {
            // A searchset may carry an OperationOutcome (search.mode outcome) and orders no longer active.
            if (!(entry.getResource() instanceof MedicationRequest order)
                    || order.getStatus() != MedicationRequest.MedicationRequestStatus.ACTIVE) {
                continue;
            }
            if (MedicationRequests.toProposedItem(order, formulary) instanceof MedicationRequests.Mapping.Mapped mapped
                    && previewingDraftOrders.readable(mapped.item())) {
                if (order.getIdElement().hasIdPart() && changedIds.contains(order.getIdElement().getIdPart())) {
                    replaced.add(lines.size());
                }
                lines.add(mapped.item());
            } else {
                notCounted.add(describe(order));
            }
        }
        return new CurrentOrders.FromEhr(lines, replaced);
    }

    private static Set<Integer> replaced(Set<String> changedIds, UUID regimenId) {
        Set<Integer> lines = new HashSet<>();
        for (String id : changedIds) {
            int line = MedicationRequests.lineIndex(id, regimenId);
            if (line >= 0) {
                lines.add(line);
            }
        }
        return lines;
    }

    private CdsHooksJson.Card omeddCard(Patient patient, List<ProposedItem> drafts, DraftPreview preview,
                                        String basis) {
        RegimenEvaluation after = preview.after();
        Optional<RegimenEvaluation> current = Optional.ofNullable(preview.beforeEvaluation());
        BigDecimal before = current.map(evaluation -> evaluation.omedd().scheduledMg()).orElse(BigDecimal.ZERO);
        int stepBefore = current.map(RegimenEvaluation::ladderStep).orElse(0);
        String drugs = drafts.stream().map(OrderCards::describe).collect(Collectors.joining(", "));
        String summary = "OMEDD " + CardText.plain(before) + " → " + CardText.plain(after.omedd().scheduledMg())
                + " mg/d with " + drugs + " (step " + stepBefore + " → " + after.ladderStep() + ")";
        StringBuilder detail = new StringBuilder("As if the draft order").append(drafts.size() > 1 ? "s were" : " were")
                .append(" added to the current regimen")
                .append(basis)
                .append("; nothing is recorded until the regimen changes.\n\n**Oral morphine equivalents**\n")
                .append("\n- scheduled: ").append(CardText.plain(before)).append(" → ")
                .append(CardText.plain(after.omedd().scheduledMg())).append(" mg/d")
                .append("\n- PRN at most: ").append(current.map(evaluation -> CardText.plain(evaluation.omedd()
                        .prnMg())).orElse("0")).append(" → ").append(CardText.plain(after.omedd().prnMg()))
                .append(" mg/d")
                .append("\n- ladder step: ").append(stepBefore).append(" → ").append(after.ladderStep());
        if (!after.omedd().contributions().isEmpty()) {
            detail.append("\n\n**Where each mg comes from** (").append(after.factorsUsed()).append(")\n");
            for (Contribution contribution : after.omedd().contributions()) {
                detail.append("\n- ").append(contribution.trace()).append(" (").append(contribution.source())
                        .append(')');
            }
        }
        return card(patient, summary, detail.toString(), CardIndicators.INFO, "OMEDD");
    }

    private List<CdsHooksJson.Card> warningCards(Patient patient, DraftPreview preview) {
        Set<String> already = Optional.ofNullable(preview.beforeEvaluation())
                .map(evaluation -> evaluation.warnings().stream().map(warning -> warning.code() + "|"
                        + warning.message()).collect(Collectors.toSet())).orElse(Set.of());
        List<CdsHooksJson.Card> cards = new ArrayList<>();
        for (RegimenWarning warning : preview.after().warnings()) {
            boolean existing = already.contains(warning.code() + "|" + warning.message());
            String indicator = RegimenWarning.FENTANYL_PATCH_NOT_OPIOID_TOLERANT.equals(warning.code())
                    ? CardIndicators.CRITICAL : existing ? CardIndicators.INFO : CardIndicators.WARNING;
            StringBuilder detail = new StringBuilder("**").append(warning.code()).append("**: ")
                    .append(warning.message()).append(existing ? "\n\nThe current regimen already raises this warning."
                            : "\n\nThe draft order raises this warning.");
            CardText.list(detail, "Figures", warning.figures());
            cards.add(card(patient, CardText.words(warning.code()) + ": " + warning.message(), detail.toString(),
                    indicator, warning.code()));
        }
        return cards;
    }

    /** WHO ladder: mild pain is treated with a non-opioid; an opioid drafted for mild or no pain is out of step. */
    private java.util.Optional<CdsHooksJson.Card> ladderCard(Patient patient, List<ProposedItem> drafts,
                                                              PainBand band) {
        if (band == null || band.atLeast(PainBand.MODERATE)) {
            return java.util.Optional.empty();
        }
        List<Drug> opioids = drafts.stream().map(draft -> formulary.find(draft.drug()).orElseThrow())
                .filter(Drug::isOpioid).distinct().toList();
        if (opioids.isEmpty()) {
            return java.util.Optional.empty();
        }
        Drug strongest = opioids.stream().max((a, b) -> Integer.compare(a.ladderStep(), b.ladderStep())).orElseThrow();
        Integer score = patient.state().latestBackgroundScore();
        String summary = "Step-" + strongest.ladderStep() + " drug (" + strongest.name() + ") ordered while the latest"
                + " pain score is " + band.name().toLowerCase(Locale.ROOT) + " (" + score + "/10)";
        String detail = "The latest background pain score is " + score + "/10 (" + band.name().toLowerCase(Locale.ROOT)
                + ", recorded " + patient.state().latestBackgroundAt() + "). On the WHO ladder mild pain is treated"
                + " with a non-opioid (step 1), moderate pain with a weak opioid or a low-dose strong opioid, and"
                + " severe pain with a strong opioid (WHO 2018; ESMO 2018). Check the score is current, or the reason"
                + " for " + opioids.stream().map(Drug::name).collect(Collectors.joining(", ")) + ".";
        return java.util.Optional.of(card(patient, summary, detail, CardIndicators.WARNING, "LADDER"));
    }

    private CdsHooksJson.Card notChecked(Patient patient, String draft, String element, String message) {
        return card(patient, "Draft " + draft + " not checked by painladder: " + element + " " + message,
                "painladder could not read the draft order " + draft + " as a regimen line, so its OMEDD and warnings"
                        + " are not shown.\n\n- **" + element + "** " + message, CardIndicators.INFO, "UNMAPPED");
    }

    private CdsHooksJson.Card card(Patient patient, String summary, String detail, String indicator, String topic) {
        return new CdsHooksJson.Card(UUID.randomUUID().toString(), CardText.summary(summary), detail, indicator,
                new CdsHooksJson.Source("painladder rules " + LadderPolicy.RULES_VERSION,
                        config.publicUrl() + "/api/v1/ladder/policy",
                        new CdsHooksJson.Coding(PatientViewCards.RULE_SYSTEM, topic, null)),
                List.of(), null, patientViewCards.links(patient.id()), OverrideReasons.OFFERED);
    }

    private static String describe(ProposedItem draft) {
        return draft.drug().toLowerCase(Locale.ROOT) + " " + CardText.plain(draft.dose()) + " " + draft.unit()
                + (draft.timesPerDay() != null && !"TRANSDERMAL".equals(draft.route())
                ? " ×" + draft.timesPerDay() + "/d" : "") + (Boolean.TRUE.equals(draft.prn()) ? " PRN" : "");
    }

    /** How the EHR named the drug; medication[x] may be a Reference, whose concept accessor would throw. */
    private static String describe(MedicationRequest request) {
        String text = null;
        if (request.getMedication() instanceof CodeableConcept concept) {
            text = concept.hasText() ? concept.getText() : concept.getCodingFirstRep().getDisplay();
        } else if (request.getMedication() instanceof Reference reference) {
            text = reference.hasDisplay() ? reference.getDisplay() : reference.getReference();
        }
        return text == null ? "order" : "order (" + text + ")";
    }
}

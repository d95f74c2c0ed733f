package org.painladder.interop.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.painladder.api.Paging;
import org.painladder.api.idempotency.Idempotent;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;
import org.painladder.app.NotFoundException;
import org.painladder.app.ReadingPatientView;
import org.painladder.app.ReadingPatientView.PatientView;
import org.painladder.app.RecordingCardFeedback;
import org.painladder.interop.fhir.StrictFhirResources;
import org.painladder.persistence.CdsOrderCards;
import org.painladder.domain.patient.Patient;
import org.painladder.security.AuditedPatient;
import org.painladder.security.Roles;

/**
 * CDS Hooks 2.0 (cds-hooks.hl7.org/2.0): discovery, the patient-view and order services, and feedback. Everything a
 * card says comes from painladder's own data and the request; the caller's {@code fhirServer} is never called, so a
 * hook answers in a few keyed reads whatever the EHR's FHIR server is doing.
 */
@Path("/cds-services")
@Tag(name = "CDS Hooks 2.0", description = "Cards for the EHR: patient-view, order-select, order-sign, feedback")
@Produces(MediaType.APPLICATION_JSON)
public class CdsServicesResource {

    private static final Logger LOG = Logger.getLogger(CdsServicesResource.class);

    private final ObjectMapper objectMapper;
    private final StrictFhirResources strictFhirResources;
    private final ReadingPatientView readingPatientView;
    private final PatientViewCards patientViewCards;
    private final OrderCards orderCards;
    private final RecordingCardFeedback recordingCardFeedback;
    private final AuditedPatient auditedPatient;
    private final String mrnSystem;
    private final CdsOrderCards issuedOrderCards;
    private final Clock clock;

    CdsServicesResource(ObjectMapper objectMapper, StrictFhirResources strictFhirResources,
                        ReadingPatientView readingPatientView,
                        PatientViewCards patientViewCards, OrderCards orderCards,
                        RecordingCardFeedback recordingCardFeedback, AuditedPatient auditedPatient,
                        @ConfigProperty(name = "painladder.fhir.mrn-system") String mrnSystem,
                        CdsOrderCards issuedOrderCards, Clock clock) {
        this.issuedOrderCards = issuedOrderCards;
        this.clock = clock;
        this.objectMapper = objectMapper;
        this.strictFhirResources = strictFhirResources;
        this.readingPatientView = readingPatientView;
        this.patientViewCards = patientViewCards;
        this.orderCards = orderCards;
        this.recordingCardFeedback = recordingCardFeedback;
        this.auditedPatient = auditedPatient;
        this.mrnSystem = mrnSystem;
    }

    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "discoverCdsServices", summary = "CDS Hooks discovery: the services painladder offers",
            description = "painladder-patient-view (hook patient-view), painladder-order-select (order-select) and"
                    + " painladder-order-sign (order-sign), each with the FHIR queries it wants prefetched.")
    public CdsHooksJson.Services discovery() {
        return new CdsHooksJson.Services(CdsServiceCatalogue.SERVICES);
    }

    @POST
    @Path("{serviceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EHR, Roles.ADMIN})
    @Idempotent
    @Operation(operationId = "callCdsService", summary = "Call a CDS service with a CDS Hooks request; answers cards",
            description = "The request of CDS Hooks 2.0 (hook, hookInstance, context, optional fhirServer,"
                    + " fhirAuthorization and prefetch). context.patientId is a painladder id, or the EHR's id with"
                    + " the prefetched Patient carrying the MRN identifier. An unknown patient answers {cards: []};"
                    + " a request without hookInstance, context or patientId, for another hook, or without"
                    + " draftOrders for an order hook is 400, as are draftOrders or a prefetched Patient that a"
                    + " FHIR endpoint here would refuse (a wrong JSON type, a time without offset, an unknown"
                    + " element), named by their path. The fhirServer is never called. patient-view: the"
                    + " pending recommendations and an open refractory case. order-select, order-sign: the draft"
                    + " MedicationRequests weighed as if added to the regimen (nothing stored but the cards' uuids,"
                    + " for their feedback). Every card offers overrideReasons.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CdsHooksJson.HookRequest.class)))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CdsHooksJson.Cards.class)))
    public Response call(@PathParam("serviceId") String serviceId, String body) {
        CdsHooksJson.Service service = CdsServiceCatalogue.byId(serviceId)
                .orElseThrow(() -> new NotFoundException("CDS service " + serviceId + " is not offered here; GET"
                        + " /cds-services lists the services"));
        JsonNode request = object(body, "the CDS Hooks request");
        List<String> missing = new ArrayList<>();
        String hook = text(request, "hook");
        if (hook == null) {
            missing.add("hook");
        } else if (!hook.equals(service.hook())) {
            throw Paging.badParameter("hook", "is " + hook + "; service " + serviceId + " answers " + service.hook());
        }
        JsonNode hookInstance = request.path("hookInstance");
        if (hookInstance.isMissingNode() || hookInstance.isNull()) {
            missing.add("hookInstance");
        }
        JsonNode context = request.path("context");
        if (!context.isObject()) {
            missing.add("context");
        } else if (text(context, "patientId") == null) {
            missing.add("context.patientId");
        }
        boolean orderHook = !CdsServiceCatalogue.PATIENT_VIEW.equals(serviceId);
        if (orderHook && context.isObject() && !context.path("draftOrders").isObject()) {
            missing.add("context.draftOrders");
        }
        if (request.hasNonNull("fhirAuthorization") && text(request, "fhirServer") == null) {
            missing.add("fhirServer");
        }
        if (!missing.isEmpty()) {
            throw Paging.badParameter(missing.get(0), "is required by CDS Hooks 2.0 for " + service.hook()
                    + (missing.size() > 1 ? " (also missing: " + String.join(", ", missing.subList(1,
                    missing.size())) + ")" : ""));
        }
        if (!hookInstance.isTextual() || !UUID_TEXT.matcher(hookInstance.textValue()).matches()) {
            throw Paging.badParameter("hookInstance", "must be a UUID, as CDS Hooks 2.0 asks (\"a universally"
                    + " unique identifier\"), e.g. d1577c69-dfbe-44ad-ba6d-3e05e953b2ea");
        }
        Bundle draftOrders = orderHook
                ? strictFhirResources.parseEmbedded(Bundle.class, context.path("draftOrders"), "context.draftOrders")
                : null;
        UUID patientId = uuidOrNull(text(context, "patientId"));
        String mrn = prefetchedMrn(request.path("prefetch").path("patient"), text(context, "patientId"));
        if (!orderHook) {
            Optional<PatientView> chart = readingPatientView.view(patientId, mrn);
            chart.ifPresentOrElse(view -> auditedPatient.is(view.patient().id()), () -> unknownPatient(serviceId,
                    patientId, mrn));
            return Response.ok(new CdsHooksJson.Cards(chart.map(view -> patientViewCards.cards(view,
                    text(context, "patientId"))).orElse(List.of()))).build();
        }
        Bundle activeOrders = prefetched(Bundle.class, request.path("prefetch").path("medications"),
                "prefetch.medications");
        Optional<Patient> patient = readingPatientView.patient(patientId, mrn);
        patient.ifPresentOrElse(found -> auditedPatient.is(found.id()), () -> unknownPatient(serviceId, patientId,
                mrn));
        List<CdsHooksJson.Card> cards = patient.map(found -> orderCards.cards(found, text(context, "patientId"),
                draftOrders, activeOrders)).orElse(List.of());
        // Their uuids are made up for this answer: remembered, so feedback on them is told from feedback on others.
        Instant issuedAt = clock.instant();
        patient.ifPresent(found -> issuedOrderCards.issued(cards.stream().map(card -> new CdsOrderCards.IssuedCard(
                UUID.fromString(card.uuid()), serviceId, found.id(), card.source().topic().code(), issuedAt)).toList()));
        return Response.ok(new CdsHooksJson.Cards(cards)).build();
    }

    @POST
    @Path("{serviceId}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EHR, Roles.ADMIN})
    @Idempotent
    @Operation(operationId = "sendCdsFeedback", summary = "CDS Hooks feedback on cards",
            description = "{feedback: [{card, outcome: accepted | overridden, acceptedSuggestions, overrideReason:"
                    + " {reason: Coding, userComment}, outcomeTimestamp}]}, as CDS Hooks 2.0 defines it:"
                    + " outcomeTimestamp (RFC 3339 with offset) is required, and acceptedSuggestions for accepted,"
                    + " naming suggestions the card offered. accepted on a recommendation's card accepts the"
                    + " recommendation, overridden rejects it, keeping the override reason's Coding and comment;"
                    + " the decision is dated at outcomeTimestamp and the clinician is the token's sub. The first"
                    + " answer to an order card is kept (RECORDED); a card answered before, or a refractory case's"
                    + " card, is IGNORED. Every entry must name a card this service issued: a card of another"
                    + " service, or one never issued, is 400 naming feedback[i].card; an outcomeTimestamp more than"
                    + " 60 s in the future is 400, one more than 60 s before the card was issued 422. Either way"
                    + " nothing is recorded. Answers what became of each entry.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CdsHooksJson.FeedbackRequest.class)))
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CdsHooksJson.FeedbackResults.class)))
    public Response feedback(@PathParam("serviceId") String serviceId, String body,
                             @Context SecurityContext security) {
        CdsServiceCatalogue.byId(serviceId).orElseThrow(() -> new NotFoundException("CDS service " + serviceId
                + " is not offered here"));
        boolean patientView = CdsServiceCatalogue.PATIENT_VIEW.equals(serviceId);
        List<CardFeedback> feedback = CardFeedback.read(object(body, "the feedback").path("feedback"),
                clock.instant());
        for (CardFeedback entry : feedback) {
            offeredSuggestions(entry, patientView);
        }
        String subject = security.getUserPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : security.getUserPrincipal().getName();
        String clinician = subject.length() <= 128 ? subject : subject.substring(0, 128);
        List<RecordingCardFeedback.Outcome> recorded;
        try {
            recorded = recordingCardFeedback.record(serviceId, patientView ? RecordingCardFeedback.Cards.PATIENT_VIEW
                    : RecordingCardFeedback.Cards.ORDERS, feedback.stream().map(CardFeedback::answer).toList(),
                    clinician);
        } catch (RecordingCardFeedback.UnknownCardException unknown) {
            String notIssued = "is no card " + serviceId + " issued: feedback goes to the service whose response"
                    + " carried the card";
            throw new WebApplicationException(ProblemType.MALFORMED_REQUEST.problem(unknown.fields().get(0) + " "
                    + notIssued, unknown.fields().stream().map(field -> new Problem.FieldViolation(field, notIssued))
                    .toList()).toResponse());
        }
        List<CdsHooksJson.FeedbackResult> results = new ArrayList<>();
        for (int index = 0; index < feedback.size(); index++) {
            auditedPatient.is(recorded.get(index).patientId());
            results.add(new CdsHooksJson.FeedbackResult(feedback.get(index).card(), recorded.get(index).result()));
        }
        return Response.ok(new CdsHooksJson.FeedbackResults(results)).build();
    }

    /**
     * An accepted card is accepted through the suggestions it offered: a recommendation's card offers at most one, an
     * order card or a refractory case's card none.
     */
    private static void offeredSuggestions(CardFeedback entry, boolean patientView) {
        if (!entry.accepted()) {
            return;
        }
        for (int index = 0; index < entry.acceptedSuggestions().size(); index++) {
            UUID suggestion = entry.acceptedSuggestions().get(index);
            if (!patientView || entry.cardId() == null || suggestion == null
                    || !suggestion.equals(PatientViewCards.suggestionOf(entry.cardId()))) {
                throw Paging.badParameter(entry.at() + ".acceptedSuggestions[" + index + "].id", "is no"
                        + " suggestion card " + entry.card() + " offered");
            }
        }
    }

    private JsonNode object(String body, String what) {
        try {
            JsonNode node = objectMapper.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw Paging.badParameter("body", "must be a JSON object: " + what);
            }
            return node;
        } catch (JsonProcessingException unparsable) {
            throw Paging.badParameter("body", "is not JSON: " + what + " could not be read");
        }
    }

    /**
     * A prefetched resource, read as strictly as one posted to /fhir (400 naming it); null when the EHR could not
     * prefetch it, which CDS Hooks 2.0 lets it say by leaving it out, sending null, or sending an OperationOutcome.
     */
    private <T extends org.hl7.fhir.instance.model.api.IBaseResource> T prefetched(Class<T> type, JsonNode prefetched,
                                                                                   String at) {
        if (prefetched.isMissingNode() || prefetched.isNull()
                || "OperationOutcome".equals(prefetched.path("resourceType").asText())) {
            return null;
        }
        if (!prefetched.isObject()) {
            throw Paging.badParameter(at, "must be a FHIR R4 resource (an OperationOutcome when it could not be"
                    + " prefetched)");
        }
        return strictFhirResources.parseEmbedded(type, prefetched, at);
    }

    /**
     * The contract answers no cards for a patient painladder does not know, so the EHR sees nothing: the log says
     * why, without the MRN itself.
     */
    private static void unknownPatient(String serviceId, UUID patientId, String mrn) {
        LOG.infof("CDS service %s answers no cards: context.patientId is %s and %s", serviceId,
                patientId == null ? "not a painladder id" : "no patient registered here",
                mrn == null ? "no MRN came in prefetch.patient" : "no patient here has the prefetched MRN");
    }

    /**
     * The EHR's MRN for the patient, from the prefetched Patient's identifiers (system as configured, or none). A
     * prefetched Patient that is not context.patientId is refused: its MRN would show another patient's cards.
     */
    private String prefetchedMrn(JsonNode prefetched, String contextPatientId) {
        org.hl7.fhir.r4.model.Patient patient = prefetched(org.hl7.fhir.r4.model.Patient.class, prefetched,
                "prefetch.patient");
        if (patient == null) {
            return null;
        }
        String id = patient.getIdElement().getIdPart();
        if (id != null && !id.equals(contextPatientId)) {
            throw Paging.badParameter("prefetch.patient.id", "is " + id + ", not context.patientId "
                    + contextPatientId + ": the prefetched Patient must be the patient of the hook");
        }
        for (Identifier identifier : patient.getIdentifier()) {
            String system = identifier.getSystem();
            String value = identifier.getValue();
            if (value != null && !value.isBlank() && (system == null || system.equals(mrnSystem))) {
                return value;
            }
        }
        return null;
    }

    /** A UUID in its canonical 8-4-4-4-12 hex form; UUID.fromString would also take "1-2-3-4-5". */
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}

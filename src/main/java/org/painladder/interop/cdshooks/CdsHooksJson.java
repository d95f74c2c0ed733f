package org.painladder.interop.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.interop.fhir.FhirSchemas;

/**
 * The CDS Hooks 2.0 JSON this service speaks, as records. Optional fields that are null or empty are left out, as
 * the specification asks ("never send null or empty optional fields").
 */
public final class CdsHooksJson {

    private CdsHooksJson() {
    }

    /** The discovery document: GET /cds-services. */
    public record Services(List<Service> services) {
    }

    /** One service: its hook, id (the URL is /cds-services/{id}) and the FHIR data it wants prefetched. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Service(String hook, String title, String description, String id, Map<String, String> prefetch) {
    }

    /**
     * The request of a hook call, as CDS Hooks 2.0 defines it. Read from the body as JSON, field by field (unknown
     * fields are allowed, as the specification's extensions are); this record describes it in the published contract.
     */
    @Schema(name = "CdsHookRequest", description = "A CDS Hooks 2.0 request",
            externalDocs = @ExternalDocumentation(description = "CDS Hooks 2.0: HTTP Request",
                    url = "https://cds-hooks.hl7.org/2.0/#http-request"))
    public record HookRequest(
            @Schema(required = true, description = "The hook that triggered the call; the service's own hook",
                    enumeration = {"patient-view", "order-select", "order-sign"}) String hook,
            @Schema(required = true, description = "A UUID for this hook's call, the same across the services it"
                    + " calls", example = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea") String hookInstance,
            @Schema(format = "uri", description = "The EHR's FHIR base; never called by painladder") String fhirServer,
            FhirAuthorization fhirAuthorization,
            @Schema(required = true) HookContext context,
            @Schema(description = "The FHIR data the service's discovery entry asked for, by key: patient (a Patient)"
                    + " and, for the order hooks, medications (a searchset Bundle of active MedicationRequests). A"
                    + " key the EHR could not fill is left out, null, or an OperationOutcome",
                    additionalProperties = FhirSchemas.Resource.class) Map<String, Object> prefetch) {
    }

    /** The hook's context: who, for which patient, and for the order hooks the draft orders. */
    @Schema(name = "CdsHookContext", additionalProperties = Schema.True.class,
            description = "The hook's context; fields of other hooks' contexts are allowed")
    public record HookContext(
            @Schema(description = "Who is using the EHR, e.g. PractitionerRole/123") String userId,
            @Schema(required = true, description = "painladder's patient id, or the EHR's id resolved through the MRN"
                    + " identifier of prefetch.patient") String patientId,
            String encounterId,
            @Schema(ref = "FhirBundle", description = "order-select and order-sign: the MedicationRequests being"
                    + " ordered") Object draftOrders,
            @Schema(description = "order-select: the ids of the orders just selected, e.g. MedicationRequest/123")
            List<String> selections) {
    }

    /** The access the EHR grants to its FHIR server; painladder never uses it. */
    @Schema(name = "CdsFhirAuthorization")
    public record FhirAuthorization(@Schema(required = true) String access_token,
                                    @Schema(required = true, enumeration = "Bearer") String token_type,
                                    @Schema(required = true) Integer expires_in,
                                    @Schema(required = true) String scope,
                                    @Schema(required = true) String subject) {
    }

    /** The answer to a hook call; an empty card list means no advice. */
    @Schema(description = "A CDS Hooks 2.0 response: the cards, most urgent first",
            externalDocs = @ExternalDocumentation(description = "CDS Hooks 2.0: CDS Service Response",
                    url = "https://cds-hooks.hl7.org/2.0/#cds-service-response"))
    public record Cards(@Schema(required = true) List<Card> cards) {
    }

    /**
     * One card.
     *
     * @param summary         at most 140 characters
     * @param indicator       info, warning or critical
     * @param detail          Markdown
     * @param overrideReasons the reasons the clinician may pick when overriding it
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Card(
            @Schema(description = "Sent back as feedback's card: a recommendation's id on patient-view cards")
            String uuid,
            @Schema(required = true, maxLength = 140) String summary,
            @Schema(description = "GitHub Flavored Markdown") String detail,
            @Schema(required = true, enumeration = {"info", "warning", "critical"}) String indicator,
            @Schema(required = true) Source source,
            List<Suggestion> suggestions,
            @Schema(enumeration = {"at-most-one", "any"}, description = "Present when there are suggestions")
            String selectionBehavior,
            List<Link> links,
            @Schema(description = "Reasons the clinician may pick when overriding the card; feedback sends the one"
                    + " picked as overrideReason.reason")
            List<Coding> overrideReasons) {
    }

    /** Where the advice comes from: the rules and the policy entry of the rule that fired. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Source(@Schema(required = true) String label, @Schema(format = "uri") String url, Coding topic) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @Schema(description = "CDS Hooks 2.0 Coding: a code of a code system, with a display for people")
    public record Coding(@Schema(required = true) String system, @Schema(required = true) String code,
                         String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Suggestion(@Schema(required = true) String label,
                             @Schema(description = "Sent back as feedback's acceptedSuggestions[].id") String uuid,
                             Boolean isRecommended, List<Action> actions) {
    }

    /**
     * A change the EHR may apply when the clinician takes the suggestion.
     *
     * @param type     create, update or delete
     * @param resource the FHIR resource, as FHIR JSON
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Action(@Schema(required = true, enumeration = {"create", "update", "delete"}) String type,
                         @Schema(required = true) String description,
                         @Schema(ref = "FhirResource") @JsonRawValue String resource) {
    }

    /** @param type absolute (a web page) or smart (a SMART app launch) */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Link(@Schema(required = true) String label, @Schema(required = true, format = "uri") String url,
                       @Schema(required = true, enumeration = {"absolute", "smart"}) String type) {
    }

    /** A feedback request, as CDS Hooks 2.0 defines it; read from the body field by field, described here. */
    @Schema(name = "CdsFeedbackRequest", externalDocs = @ExternalDocumentation(description = "CDS Hooks 2.0: Feedback",
            url = "https://cds-hooks.hl7.org/2.0/#feedback"))
    public record FeedbackRequest(@Schema(required = true) List<Feedback> feedback) {
    }

    @Schema(name = "CdsFeedback", description = "A clinician's answer to one card")
    public record Feedback(
            @Schema(required = true, description = "The card's uuid, from this service's response") String card,
            @Schema(required = true, enumeration = {"accepted", "overridden"}) String outcome,
            @Schema(description = "Required for accepted: the suggestions taken") List<AcceptedSuggestion>
                    acceptedSuggestions,
            OverrideReason overrideReason,
            @Schema(required = true, format = "date-time", description = "When the clinician acted on the card"
                    + " (RFC 3339 with offset); the decision is dated then") String outcomeTimestamp) {
    }

    @Schema(name = "CdsAcceptedSuggestion")
    public record AcceptedSuggestion(@Schema(required = true, description = "The suggestion's uuid") String id) {
    }

    @Schema(name = "CdsOverrideReason", description = "Why the card was overridden: a reason picked (e.g. one of"
            + " the card's overrideReasons), what the clinician wrote, or both")
    public record OverrideReason(Coding reason, @Schema(maxLength = 2000) String userComment) {
    }

    /** What a feedback call did with each entry, by card. */
    public record FeedbackResults(List<FeedbackResult> feedback) {
    }

    /**
     * @param result ACCEPTED or REJECTED (the recommendation was decided), RECORDED (an order card's first answer
     *               was kept), or IGNORED (answered before, or a refractory case's card)
     */
    public record FeedbackResult(String card,
                                 @Schema(enumeration = {"ACCEPTED", "REJECTED", "RECORDED", "IGNORED"}) String result) {
    }
}

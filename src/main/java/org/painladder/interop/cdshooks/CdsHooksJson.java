package org.painladder.interop.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.Map;

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

    /** The answer to a hook call; an empty card list means no advice. */
    public record Cards(List<Card> cards) {
    }

    /**
     * One card.
     *
     * @param summary   at most 140 characters
     * @param indicator info, warning or critical
     * @param detail    Markdown
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Card(String uuid, String summary, String detail, String indicator, Source source,
                       List<Suggestion> suggestions, String selectionBehavior, List<Link> links) {
    }

    /** Where the advice comes from: the rules and the policy entry of the rule that fired. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Source(String label, String url, Coding topic) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Coding(String system, String code, String display) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {
    }

    /**
     * A change the EHR may apply when the clinician takes the suggestion.
     *
     * @param type     create, update or delete
     * @param resource the FHIR resource, as FHIR JSON
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Action(String type, String description, @JsonRawValue String resource) {
    }

    /** @param type absolute (a web page) or smart (a SMART app launch) */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Link(String label, String url, String type) {
    }

    /** What a feedback call did with each entry, by card. */
    public record FeedbackResults(List<FeedbackResult> feedback) {
    }

    /** @param result ACCEPTED, REJECTED, or IGNORED (not a recommendation, or already decided) */
    public record FeedbackResult(String card, String result) {
    }
}

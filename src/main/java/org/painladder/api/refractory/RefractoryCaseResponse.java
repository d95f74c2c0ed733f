package org.painladder.api.refractory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.app.ReadingRefractoryCases.CaseView;
import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.Contraindication;
import org.painladder.domain.patient.PrimarySite;
import org.painladder.domain.refractory.CaseOutcome;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.domain.refractory.CaseTransition;
import org.painladder.domain.refractory.ClosingSuggestion;
import org.painladder.domain.refractory.CriterionCode;
import org.painladder.domain.refractory.InterventionType;
import org.painladder.domain.refractory.RefractoryCase;

/** A refractory case on the worklist; the case detail adds its {@code history} (api.md "Refractory cases"). */
public record RefractoryCaseResponse(
        UUID id,
        UUID patientId,
        String mrn,
        @Schema(description = "Site of the latest background assessment when the case was flagged") PainSite site,
        PrimarySite primarySite,
        Instant flaggedAt,
        CaseStatus status,
        @Schema(description = "Set once the case is CLOSED") CaseOutcome outcome,
        List<CriterionBody> criteria,
        Integer latestScore,
        BigDecimal omeddMg,
        Integer daysOnStep3,
        List<CandidateBody> candidateInterventions,
        String assignee,
        @Schema(description = "REF-02: pain has been controlled for 7 days; a suggestion, never applied by itself")
        ClosingSuggestionBody closingSuggestion,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Every status change, oldest first (case detail only)")
        List<HistoryEntry> history) {

    public record CriterionBody(CriterionCode code, String detail) {
    }

    public record CandidateBody(InterventionType type, String rationale, List<Contraindication> contraindicatedBy,
                                @Schema(description = "Relative contraindications and checks before referral")
                                List<String> cautions) {
    }

    public record ClosingSuggestionBody(String ruleId, CaseStatus to, CaseOutcome outcome, Instant controlledSince,
                                        String rationale) {
        public static ClosingSuggestionBody of(ClosingSuggestion suggestion) {
            return suggestion == null ? null : new ClosingSuggestionBody(suggestion.ruleId(), suggestion.to(),
                    suggestion.outcome(), suggestion.controlledSince(), suggestion.rationale());
        }
    }

    public record HistoryEntry(CaseStatus from, CaseStatus to, Instant at, String by, String assignee, String note,
                               CaseOutcome outcome) {
        static HistoryEntry of(CaseTransition transition) {
            return new HistoryEntry(transition.from(), transition.to(), transition.at(), transition.by(),
                    transition.assignee(), transition.note(), transition.outcome());
        }
    }

    static RefractoryCaseResponse of(CaseView view) {
        RefractoryCase c = view.refractoryCase();
        return new RefractoryCaseResponse(c.id(), c.patientId(), c.mrn(), c.site(), c.primarySite(), c.flaggedAt(),
                c.status(), c.outcome(),
                c.criteria().stream().map(criterion -> new CriterionBody(criterion.code(), criterion.detail())).toList(),
                c.latestScore(), c.omeddMg(), view.daysOnStep3(),
                c.candidateInterventions().stream().map(candidate -> new CandidateBody(candidate.type(),
                        candidate.rationale(), candidate.contraindicatedBy(), candidate.cautions())).toList(),
                c.assignee(), ClosingSuggestionBody.of(view.closingSuggestion()), c.version(),
                view.history() == null ? null : view.history().stream().map(HistoryEntry::of).toList());
    }
}

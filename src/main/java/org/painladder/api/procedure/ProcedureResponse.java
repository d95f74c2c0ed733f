package org.painladder.api.procedure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.api.refractory.RefractoryCaseResponse.ClosingSuggestionBody;
import org.painladder.app.RecordingProcedure;
import org.painladder.domain.procedure.Procedure;
import org.painladder.domain.refractory.InterventionType;

/** A recorded procedure; when just recorded, the open refractory case it bears on and the suggestion to close it. */
public record ProcedureResponse(
        UUID id,
        UUID patientId,
        InterventionType type,
        Instant performedAt,
        String outcome,
        String performedBy,
        Instant recordedAt,
        String recordedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The patient's open refractory case (answer to POST only)") UUID openRefractoryCaseId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "REF-03: close the open case with INTERVENTION_DONE once the effect is judged; never"
                + " done automatically (answer to POST only)") ClosingSuggestionBody closingSuggestion) {

    public static ProcedureResponse of(Procedure procedure) {
        return new ProcedureResponse(procedure.id(), procedure.patientId(), procedure.type(), procedure.performedAt(),
                procedure.outcome(), procedure.performedBy(), procedure.recordedAt(), procedure.recordedBy(), null,
                null);
    }

    static ProcedureResponse of(RecordingProcedure.Outcome outcome) {
        Procedure procedure = outcome.procedure();
        return new ProcedureResponse(procedure.id(), procedure.patientId(), procedure.type(), procedure.performedAt(),
                procedure.outcome(), procedure.performedBy(), procedure.recordedAt(), procedure.recordedBy(),
                outcome.openRefractoryCaseId(), ClosingSuggestionBody.of(outcome.closingSuggestion()));
    }
}

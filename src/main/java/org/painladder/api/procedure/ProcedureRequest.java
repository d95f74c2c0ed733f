package org.painladder.api.procedure;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.app.NewProcedure;
import org.painladder.domain.procedure.Procedure;

/** An intervention done (api.md "Regimen lines and procedures"). */
public record ProcedureRequest(
        @Schema(description = "The intervention enum of the refractory worklist (422 naming an unknown one)",
                examples = "CELIAC_PLEXUS_NEUROLYSIS") String type,
        @Schema(description = "When it was done; not more than 5 minutes in the future (422)")
        OffsetDateTime performedAt,
        @Schema(description = "Free text, e.g. \"pain 2/10 at 24 h\"") @Size(max = Procedure.MAX_OUTCOME_LENGTH)
        String outcome,
        @Schema(description = "Who did it") @Size(max = Procedure.MAX_PERFORMED_BY_LENGTH) String performedBy) {

    NewProcedure toNewProcedure() {
        return new NewProcedure(type, performedAt == null ? null : performedAt.toInstant(), outcome, performedBy);
    }
}

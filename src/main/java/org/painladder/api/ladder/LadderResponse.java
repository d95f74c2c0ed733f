package org.painladder.api.ladder;

import java.time.Instant;
import java.util.List;
import org.painladder.api.procedure.ProcedureResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.domain.patient.LadderTransition;

/** The patient's ladder step, since when, every move it made and the procedures done, oldest first (api.md). */
public record LadderResponse(
        @Schema(description = "0 none, 1 non-opioid, 2 weak opioid, 3 strong opioid") int step,
        Instant since,
        List<LadderTransition> transitions,
        @Schema(description = "Interventions done (POST …/procedures), oldest first") List<ProcedureResponse> procedures) {
}

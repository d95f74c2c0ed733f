package org.painladder.api.pain;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.api.procedure.ProcedureResponse;
import org.painladder.app.ReadingPainTimeline;
import org.painladder.domain.pain.PainTrend;

/** The trend's figures, and the procedures done in the same days so a fall in the scores can be read against them. */
public record PainTrendResponse(
        @JsonUnwrapped PainTrend trend,
        @Schema(description = "Interventions done in the same days (POST …/procedures), oldest first")
        List<ProcedureResponse> procedures) {

    static PainTrendResponse of(ReadingPainTimeline.Trend trend) {
        return new PainTrendResponse(trend.trend(), trend.procedures().stream().map(ProcedureResponse::of).toList());
    }
}

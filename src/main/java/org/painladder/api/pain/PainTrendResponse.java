package org.painladder.api.pain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.api.procedure.ProcedureResponse;
import org.painladder.app.ReadingPainTimeline;
import org.painladder.domain.pain.PainTrend;

/** The trend's figures, and the procedures done in the same days so a fall in the scores can be read against them. */
public record PainTrendResponse(
        int days,
        int count,
        BigDecimal mean,
        Integer max,
        Integer latest,
        BigDecimal controlledFraction,
        BigDecimal slopePerDay,
        List<Day> daily,
        @Schema(description = "Interventions done in the same days (POST …/procedures), oldest first")
        List<ProcedureResponse> procedures) {

    /** One UTC day of the trend; the schema keeps the name it has always had in the contract. */
    @Schema(name = "Day")
    public record Day(
            LocalDate date,
            @Schema(description = "Mean of the day's background scores; null when none") BigDecimal mean,
            @Schema(description = "Highest background score of the day; null when none") Integer max,
            @Schema(description = "Breakthrough episodes that day: the BREAKTHROUGH assessments recorded that day,"
                    + " or the largest breakthroughEpisodes24h reported on an assessment recorded that day, whichever"
                    + " is more. The two are not added: a reported 24-hour count already covers the flares charted"
                    + " in those hours.") int breakthroughEpisodes) {

        static Day of(PainTrend.Day day) {
            return new Day(day.date(), day.mean(), day.max(), day.breakthroughEpisodes());
        }
    }

    static PainTrendResponse of(ReadingPainTimeline.Trend trend) {
        PainTrend t = trend.trend();
        return new PainTrendResponse(t.days(), t.count(), t.mean(), t.max(), t.latest(), t.controlledFraction(),
                t.slopePerDay(), t.daily().stream().map(Day::of).toList(),
                trend.procedures().stream().map(ProcedureResponse::of).toList());
    }
}

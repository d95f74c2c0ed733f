package org.painladder.api.regimen;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.domain.regimen.OpioidConversion;

/** An opioid rotation to work out (api.md "Analgesic regimen and opioid arithmetic"). */
public record OpioidConversionRequest(
        @NotNull @Valid From from,
        @NotNull @Valid To to,
        @Schema(description = "Cut for incomplete cross-tolerance, 25-50 (default 25; 50 when switching for adverse"
                + " effects, frail patients, organ impairment)")
        BigDecimal crossToleranceReductionPct) {

    /** @param dailyDose mg/day, or the delivery rate in mcg/h for a fentanyl patch */
    public record From(@Schema(examples = "MORPHINE") String drug, @Schema(examples = "ORAL") String route,
                       @Schema(examples = "90") BigDecimal dailyDose, @Schema(examples = "mg") String unit) {
    }

    public record To(@Schema(examples = "OXYCODONE") String drug, @Schema(examples = "ORAL") String route) {
    }

    OpioidConversion.Request toRequest() {
        return new OpioidConversion.Request(from.drug(), from.route(), from.dailyDose(), from.unit(), to.drug(),
                to.route(), crossToleranceReductionPct);
    }
}

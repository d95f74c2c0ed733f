package org.painladder.api.regimen;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.domain.regimen.Contribution;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.domain.regimen.RegimenEvaluation;
import org.painladder.domain.regimen.RegimenItem;
import org.painladder.domain.regimen.RegimenWarning;

/** A regimen version with what it means: step, OMEDD and where each mg of it comes from, and warnings. */
public record RegimenResponse(
        UUID id,
        UUID patientId,
        List<ItemAnswer> items,
        @Schema(description = "Derived from the regimen (clinical-rules §1.2): 0 none, 1, 2, 3") int ladderStep,
        @Schema(description = "Oral morphine equivalent daily dose of the scheduled lines, mg/day") BigDecimal omeddMg,
        @Schema(description = "OMEDD of the PRN lines if every allowed dose is taken, mg/day") BigDecimal prnOmeddMg,
        List<RegimenWarning> warnings,
        @Schema(description = "One per opioid line: daily dose × factor (source) = mg/day OMEDD")
        List<Contribution> contributions,
        int version,
        Instant effectiveAt,
        Instant recordedAt,
        @Schema(description = "The factor profile that produced every OMEDD figure", examples = "CDC_2022 v2022.1.0")
        String factorsUsed,
        @Schema(description = "The prescriber") String changedBy,
        @Schema(description = "The signed-in user who sent it: the prescriber, or the EHR's account recording for"
                + " them; absent on versions stored before it was kept") String recordedBy,
        String reason) {

    /**
     * A regimen line as stored, with its daily amount.
     *
     * @param dailyDose dose × timesPerDay (for a PRN line, the most allowed in a day); for a patch, its rate; for an
     *                  infusion ratePerHour × 24; for a PCA its most: basal × 24 plus the 4-hour maximum × 6
     */
    public record ItemAnswer(String drug, String route, BigDecimal dose, String unit, Integer timesPerDay,
                             boolean prn,
                             @Schema(examples = "SCHEDULED") String mode,
                             BigDecimal ratePerHour, BigDecimal bolusDose, Integer lockoutMinutes,
                             BigDecimal maxDosePer4h, BigDecimal dailyDose,
                             @Schema(examples = "mg/d") String dailyUnit) {

        static ItemAnswer of(RegimenItem item) {
            return new ItemAnswer(item.drug().code(), item.route().name(), item.dose(), item.unit().symbol(),
                    item.mode().dosedByTimesPerDay() ? item.timesPerDay() : null, item.prn(), item.mode().name(),
                    item.ratePerHour(), item.bolusDose(), item.lockoutMinutes(), item.maxDosePer4h(),
                    item.dailyDose(), item.unit().dailySymbol());
        }
    }

    public static RegimenResponse of(RecordedRegimen recorded) {
        RegimenEvaluation evaluation = recorded.evaluation();
        return new RegimenResponse(recorded.id(), recorded.patientId(),
                recorded.regimen().items().stream().map(ItemAnswer::of).toList(),
                evaluation.ladderStep(), evaluation.omedd().scheduledMg(), evaluation.omedd().prnMg(),
                evaluation.warnings(), evaluation.omedd().contributions(), recorded.version(), recorded.effectiveAt(),
                recorded.recordedAt(), evaluation.factorsUsed(), recorded.changedBy(), recorded.recordedBy(),
                recorded.reason());
    }
}

package org.painladder.api.regimen;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.painladder.app.NewRegimen;
import org.painladder.domain.regimen.ProposedItem;
import org.painladder.security.ActingUser;

/** A regimen as an EHR or clinician puts it (api.md "Analgesic regimen and opioid arithmetic"). */
public record RegimenRequest(
        @Schema(description = "The whole regimen; [] records that all analgesics were stopped")
        @Size(max = 50) List<@NotNull @Valid ItemBody> items,
        @Schema(description = "When the regimen took effect (default now): not before the current regimen's"
                + " effectiveAt (409), not more than 5 minutes in the future (422)")
        OffsetDateTime effectiveAt,
        @Schema(description = "The prescriber. Optional: the signed-in user when left out. A clinician or admin may"
                + " name only themselves (422 otherwise); the EHR's system account (role ehr) names the prescriber it"
                + " records for, kept beside it as recordedBy") @Size(max = ActingUser.NAME_LENGTH) String changedBy,
        @Size(max = 500) String reason) {

    /**
     * One regimen line. Codes are checked against the formulary (422 naming the item), so they are strings here.
     *
     * @param dose for a patch, the total delivery rate of all patches worn (mcg/h)
     */
    public record ItemBody(
            @Schema(description = "Formulary code (any case)", examples = "OXYCODONE") String drug,
            @Schema(description = "ORAL, SC, IV, TRANSDERMAL, SUBLINGUAL, RECTAL, TOPICAL, INTRATHECAL, EPIDURAL")
            String route,
            @Schema(description = "Single dose (> 0, at most 3 decimals); a patch's delivery rate. SCHEDULED and"
                    + " CATHETER_BOLUS lines only") BigDecimal dose,
            @Schema(description = "mg, mcg, or mcg/h (transdermal); rates and PCA doses are in this unit")
            String unit,
            @Schema(description = "1-24; for a PRN line the most doses allowed a day; 1 for a patch, whatever its"
                    + " change interval. SCHEDULED and CATHETER_BOLUS lines only") Integer timesPerDay,
            @Schema(description = "true for an as-needed (rescue) line; default false") Boolean prn,
            @Schema(description = "SCHEDULED (default), CONTINUOUS_INFUSION, PCA or CATHETER_BOLUS (regular"
                    + " injections through an indwelling catheter); all but SCHEDULED run SC, IV, EPIDURAL or"
                    + " INTRATHECAL, and EPIDURAL or INTRATHECAL lines are never SCHEDULED") String mode,
            @Schema(description = "CONTINUOUS_INFUSION (required) or a PCA's basal rate (optional), in unit per hour")
            BigDecimal ratePerHour,
            @Schema(description = "PCA demand dose (required for PCA)") BigDecimal bolusDose,
            @Schema(description = "PCA lockout, 5-60 min (required for PCA)") Integer lockoutMinutes,
            @Schema(description = "PCA 4-hour limit (optional; at least one bolus; without it a warning)")
            BigDecimal maxDosePer4h) {

        ProposedItem toProposed() {
            return new ProposedItem(drug, route, dose, unit, timesPerDay, prn, mode, ratePerHour, bolusDose,
                    lockoutMinutes, maxDosePer4h);
        }
    }

    NewRegimen toNewRegimen(ActingUser.Attribution attribution) {
        return new NewRegimen(items == null ? null : items.stream().map(ItemBody::toProposed).toList(),
                effectiveAt == null ? null : effectiveAt.toInstant(), attribution.actedFor(), attribution.recordedBy(),
                reason);
    }
}

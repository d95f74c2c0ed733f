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

/** A regimen as an EHR or clinician puts it (api.md "Analgesic regimen and opioid arithmetic"). */
public record RegimenRequest(
        @Schema(description = "The whole regimen; [] records that all analgesics were stopped")
        @Size(max = 50) List<@NotNull @Valid ItemBody> items,
        @Schema(description = "When the regimen took effect (default now): not before the current regimen's"
                + " effectiveAt (409), not more than 5 minutes in the future (422)")
        OffsetDateTime effectiveAt,
        @Schema(description = "Who changed it; defaults to the caller's token subject") @Size(max = 128) String changedBy,
        @Size(max = 500) String reason) {

    /**
     * One regimen line. Codes are checked against the formulary (422 naming the item), so they are strings here.
     *
     * @param dose for a patch, the total delivery rate of all patches worn (mcg/h)
     */
    public record ItemBody(
            @Schema(description = "Formulary code (any case)", examples = "OXYCODONE") String drug,
            @Schema(description = "ORAL, SC, IV, TRANSDERMAL, SUBLINGUAL, RECTAL, TOPICAL") String route,
            @Schema(description = "Single dose (> 0, at most 3 decimals); a patch's delivery rate") BigDecimal dose,
            @Schema(description = "mg, mcg, or mcg/h (transdermal)") String unit,
            @Schema(description = "1-24; for a PRN line the most doses allowed a day; 1 for a patch, whatever its"
                    + " change interval") Integer timesPerDay,
            @Schema(description = "true for an as-needed (rescue) line; default false") Boolean prn) {

        ProposedItem toProposed() {
            return new ProposedItem(drug, route, dose, unit, timesPerDay, prn);
        }
    }

    NewRegimen toNewRegimen(String caller) {
        return new NewRegimen(items == null ? null : items.stream().map(ItemBody::toProposed).toList(),
                effectiveAt == null ? null : effectiveAt.toInstant(), changedBy == null ? caller : changedBy, reason);
    }
}

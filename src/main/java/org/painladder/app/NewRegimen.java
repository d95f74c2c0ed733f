package org.painladder.app;

import java.time.Instant;
import java.util.List;
import org.painladder.domain.regimen.ProposedItem;

/**
 * A regimen as the EHR or clinician sends it.
 *
 * @param effectiveAt when it takes effect, or null for now
 * @param changedBy   the prescriber the record names
 * @param recordedBy  the signed-in user who sent it: the prescriber, or the EHR's account recording for them
 */
public record NewRegimen(List<ProposedItem> items, Instant effectiveAt, String changedBy, String recordedBy,
                         String reason) {
}

package org.painladder.app;

import java.time.Instant;
import java.util.List;
import org.painladder.domain.regimen.ProposedItem;

/**
 * A regimen as the EHR or clinician sends it.
 *
 * @param effectiveAt when it takes effect, or null for now
 */
public record NewRegimen(List<ProposedItem> items, Instant effectiveAt, String changedBy, String reason) {
}

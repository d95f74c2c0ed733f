package org.painladder.persistence;

import org.painladder.domain.pain.PainSite;
import org.painladder.domain.patient.PrimarySite;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.domain.refractory.InterventionType;

/**
 * The palliative team's worklist filters (each null for "any") and its order (api.md "Refractory cases").
 *
 * @param intervention cases that offer this option without an absolute contraindication
 */
public record WorklistQuery(CaseStatus status, PainSite site, PrimarySite primarySite, InterventionType intervention,
                           Sort sort, boolean descending, int page, int size) {

    /** The worklist's sort keys; daysOnStep3 sorts on the step-3 entry time, reversed. */
    public enum Sort {
        FLAGGED_AT("flaggedAt", "c.flaggedAt", false),
        LATEST_SCORE("latestScore", "c.latestScore", false),
        OMEDD_MG("omeddMg", "c.omeddMg", false),
        DAYS_ON_STEP3("daysOnStep3", "c.step3Since", true);

        private final String parameter;
        private final String column;
        private final boolean reversed;

        Sort(String parameter, String column, boolean reversed) {
            this.parameter = parameter;
            this.column = column;
            this.reversed = reversed;
        }

        /** The name the api uses in {@code sort=}. */
        public String parameter() {
            return parameter;
        }

        String orderBy(boolean descending) {
            return column + (descending != reversed ? " desc" : " asc") + " nulls last";
        }
    }
}

package org.painladder.api.stats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.painladder.app.ReadingCohortStats;
import org.painladder.domain.refractory.CohortStats;
import org.painladder.security.Roles;

@Path("/api/v1/stats/cohort")
@Tag(name = "Cohort statistics", description = "How the site's active patients sit on the ladder")
@Produces(MediaType.APPLICATION_JSON)
public class CohortStatsResource {

    private final ReadingCohortStats readingCohortStats;

    CohortStatsResource(ReadingCohortStats readingCohortStats) {
        this.readingCohortStats = readingCohortStats;
    }

    /** Every role but the auditor reads clinical data (api.md "Security"), the EHR included. */
    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "readCohortStats",
            summary = "Active patients by ladder step, pain control and refractory fraction",
            description = "From the live-state columns. refractoryOpen counts cases that are not CLOSED;"
                    + " refractoryFraction is active patients with such a case / active patients, to compare with"
                    + " expectedRefractoryRange [0.10, 0.20] (CRPC 2017; Afsharimani 2015).")
    @APIResponse(responseCode = "200", description = "The cohort",
            content = @Content(schema = @Schema(implementation = CohortStats.class)))
    public CohortStats cohort() {
        return readingCohortStats.stats();
    }
}

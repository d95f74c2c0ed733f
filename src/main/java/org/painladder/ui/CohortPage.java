package org.painladder.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.painladder.app.ReadingCohortStats;
import org.painladder.domain.refractory.CohortStats;
import org.painladder.security.Roles;

/** How the site's patients sit on the ladder, and the refractory fraction against the 10–20 % the literature expects. */
@Path("/ui/cohort")
@Produces(MediaType.TEXT_HTML)
public class CohortPage {

    private final ReadingCohortStats readingStats;
    private final SecurityIdentity identity;
    private final ObjectMapper objectMapper;

    CohortPage(ReadingCohortStats readingStats, SecurityIdentity identity, ObjectMapper objectMapper) {
        this.readingStats = readingStats;
        this.identity = identity;
        this.objectMapper = objectMapper;
    }

    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    public TemplateInstance cohort() throws JsonProcessingException {
        CohortStats stats = readingStats.stats();
        return DashboardPages.cohort(Viewer.of(identity), stats, ChartData.json(objectMapper, stats));
    }
}

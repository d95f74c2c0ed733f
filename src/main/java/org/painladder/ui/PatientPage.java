package org.painladder.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.painladder.app.ClinicalValidationException;
import org.painladder.app.DecidingRecommendation;
import org.painladder.app.DecidingRecommendation.ClinicianDecision;
import org.painladder.app.NotFoundException;
import org.painladder.app.ReadingPainStory;
import org.painladder.domain.ladder.RecommendationStatus;
import org.painladder.security.Roles;

/**
 * One patient's pain story (CDS Hooks cards link here): the chart, the regimen in force, the advice waiting for a
 * clinician with its evidence and safety checks, and the ladder's history; accepting or rejecting advice.
 */
@Path("/ui/patients/{patientId}")
@Produces(MediaType.TEXT_HTML)
public class PatientPage {

    private final ReadingPainStory readingStory;
    private final DecidingRecommendation deciding;
    private final SecurityIdentity identity;
    private final ObjectMapper objectMapper;

    PatientPage(ReadingPainStory readingStory, DecidingRecommendation deciding, SecurityIdentity identity,
                ObjectMapper objectMapper) {
        this.readingStory = readingStory;
        this.deciding = deciding;
        this.identity = identity;
        this.objectMapper = objectMapper;
    }

    @ServerExceptionMapper
    Response unknownPatient(NotFoundException missing) {
        return FormActions.notFound(identity, missing);
    }

    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    public TemplateInstance patient(@PathParam("patientId") UUID patientId, @QueryParam("decided") String decided)
            throws JsonProcessingException {
        ReadingPainStory.PainStory story = readingStory.story(patientId);
        String notice = "accepted".equals(decided) ? "The advice was accepted."
                : "rejected".equals(decided) ? "The advice was rejected." : null;
        return DashboardPages.patient(Viewer.of(identity), story,
                ChartData.json(objectMapper, PainChart.of(story)), notice);
    }

    @POST
    @Path("recommendations/{recommendationId}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    public Response accept(@PathParam("patientId") UUID patientId,
                           @PathParam("recommendationId") UUID recommendationId, @FormParam("note") String note,
                           @FormParam("version") @DefaultValue("") String version) {
        return decide(patientId, recommendationId, version, RecommendationStatus.ACCEPTED, note);
    }

    @POST
    @Path("recommendations/{recommendationId}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    public Response reject(@PathParam("patientId") UUID patientId,
                           @PathParam("recommendationId") UUID recommendationId, @FormParam("reason") String reason,
                           @FormParam("version") @DefaultValue("") String version) {
        return decide(patientId, recommendationId, version, RecommendationStatus.REJECTED, reason);
    }

    private Response decide(UUID patientId, UUID recommendationId, String version, RecommendationStatus outcome,
                            String note) {
        String back = "/ui/patients/" + patientId;
        return FormActions.answer(identity, back, () -> {
            String text = FormActions.blankAsNull(note);
            // The API's rule (api.md): advice is never rejected without saying why.
            if (outcome == RecommendationStatus.REJECTED && text == null) {
                throw new ClinicalValidationException("reason", "say why the advice is rejected");
            }
            deciding.decide(patientId, recommendationId, FormActions.version(version),
                    new ClinicianDecision(outcome, identity.getPrincipal().getName(), text));
            return URI.create(back + "?decided=" + (outcome == RecommendationStatus.ACCEPTED ? "accepted" : "rejected"));
        });
    }
}

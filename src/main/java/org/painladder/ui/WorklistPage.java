package org.painladder.ui;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
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
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.painladder.api.Paging;
import org.painladder.api.refractory.WorklistParameters;
import org.painladder.app.MovingRefractoryCase;
import org.painladder.app.ReadingRefractoryCases;
import org.painladder.domain.refractory.CaseOutcome;
import org.painladder.domain.refractory.CaseStatus;
import org.painladder.domain.refractory.RefractoryCase;
import org.painladder.security.AuditedPatient;
import org.painladder.security.Roles;

/** The refractory-pain worklist, with the API's filters, sorts and paging, and the form that moves a case. */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class WorklistPage {

    static final int PAGE_SIZE = 25;

    private final ReadingRefractoryCases readingCases;
    private final MovingRefractoryCase movingCase;
    private final SecurityIdentity identity;
    private final AuditedPatient auditedPatient;

    WorklistPage(ReadingRefractoryCases readingCases, MovingRefractoryCase movingCase, SecurityIdentity identity,
                 AuditedPatient auditedPatient) {
        this.readingCases = readingCases;
        this.movingCase = movingCase;
        this.identity = identity;
        this.auditedPatient = auditedPatient;
    }

    @GET
    @PermitAll
    public Response dashboard() {
        return Response.seeOther(DashboardEntry.WORKLIST).build();
    }

    @GET
    @Path("worklist")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    public TemplateInstance worklist(@QueryParam("status") String status, @QueryParam("site") String site,
                                     @QueryParam("primarySite") String primarySite,
                                     @QueryParam("intervention") String intervention, @QueryParam("sort") String sort,
                                     @QueryParam("page") String page, @QueryParam("size") String size,
                                     @QueryParam("moved") String moved) {
        int pageSize = Paging.integer("size", size, 1, Paging.MAX_SIZE, PAGE_SIZE);
        WorklistFilters filters = new WorklistFilters(status, site, primarySite, intervention,
                sort == null || sort.isBlank() ? WorklistParameters.DEFAULT_SORT : sort, pageSize);
        var cases = readingCases.worklist(WorklistParameters.read(status, site, primarySite, intervention,
                filters.sort(), page, String.valueOf(pageSize)));
        return DashboardPages.worklist(Viewer.of(identity), cases, filters, movedNotice(moved));
    }

    @POST
    @Path("refractory-cases/{id}/transitions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Roles.PALLIATIVE, Roles.ADMIN})
    public Response move(@PathParam("id") UUID id, @FormParam("to") String to, @FormParam("outcome") String outcome,
                         @FormParam("assignee") String assignee, @FormParam("note") String note,
                         @FormParam("version") @DefaultValue("") String version) {
        return FormActions.answer(identity, "/ui/worklist", () -> {
            RefractoryCase moved = movingCase.move(id, FormActions.version(version), new MovingRefractoryCase.Move(
                    FormActions.code("to", to, CaseStatus.class), FormActions.code("outcome", outcome,
                    CaseOutcome.class), identity.getPrincipal().getName(), FormActions.blankAsNull(assignee),
                    FormActions.blankAsNull(note)));
            auditedPatient.is(moved.patientId());
            return URI.create("/ui/worklist?moved=" + moved.status().name().toLowerCase(Locale.ROOT));
        });
    }

    /** The notice after a move; the status comes back in the redirect, so only a known one is shown. */
    private static String movedNotice(String moved) {
        return Arrays.stream(CaseStatus.values()).filter(status -> status.name().equalsIgnoreCase(moved)).findFirst()
                .map(status -> status == CaseStatus.CLOSED ? "The case was closed."
                        : "The case was moved to " + DashboardWords.words(status).toLowerCase(Locale.ROOT) + ".")
                .orElse(null);
    }
}

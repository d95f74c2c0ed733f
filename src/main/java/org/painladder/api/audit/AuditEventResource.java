package org.painladder.api.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.painladder.api.PageResponse;
import org.painladder.api.Paging;
import org.painladder.app.ReadingAuditTrail;
import org.painladder.persistence.AuditEvents;
import org.painladder.security.Roles;

@Path("/api/v1/audit-events")
@Tag(name = "Audit", description = "The tamper-evident log of every access to patient data, denied attempts included")
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventResource {

    private final ReadingAuditTrail readingAuditTrail;

    AuditEventResource(ReadingAuditTrail readingAuditTrail) {
        this.readingAuditTrail = readingAuditTrail;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listAuditEvents",
            summary = "Audit events, newest first",
            description = "Filters: patientId, actor (the token's upn or sub), from (inclusive) and to (exclusive) as"
                    + " RFC 3339 timestamps. Reading the log is itself logged. An event has seq and hash once it is"
                    + " sealed into its chain, about a second after it was written.")
    @APIResponse(responseCode = "200", description = "A page of audit events")
    public PageResponse<AuditEventResponse> list(@QueryParam("patientId") String patientId,
                                                 @QueryParam("actor") String actor, @QueryParam("from") String from,
                                                 @QueryParam("to") String to,
                                                 @Parameter(description = Paging.PAGE_DESCRIPTION)
                                                 @QueryParam("page") String page,
                                                 @Parameter(description = Paging.SIZE_DESCRIPTION)
                                                 @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        AuditEvents.Filter filter = new AuditEvents.Filter(patient(patientId), actor == null || actor.isBlank() ? null
                : actor, Paging.timestamp("from", from), Paging.timestamp("to", to));
        return PageResponse.of(readingAuditTrail.list(filter, paging.page(), paging.size()).map(AuditEventResponse::of));
    }

    @GET
    @Path("verify")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "verifyAuditTrail",
            summary = "Check the keyed hash chains of the audit trail",
            description = "Seals what this replica has pending, then recomputes every event's keyed hash in each"
                    + " chain's order and compares each chain with its head row and with the signed checkpoints kept"
                    + " outside the database. Answers intact with the count, or the first event that was changed,"
                    + " removed or reordered (brokenChain, brokenSeq, brokenEventId) and why, with a verdict per chain.")
    @APIResponse(responseCode = "200", description = "The verdict",
            content = @Content(schema = @Schema(implementation = ChainVerificationResponse.class)))
    public ChainVerificationResponse verify() {
        return ChainVerificationResponse.of(readingAuditTrail.verify());
    }

    private static UUID patient(String patientId) {
        if (patientId == null || patientId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(patientId.trim());
        } catch (IllegalArgumentException notAnId) {
            throw Paging.badParameter("patientId", "must be a patient id (UUID)");
        }
    }
}

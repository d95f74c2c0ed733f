package org.painladder.api.ladder;

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
import org.painladder.app.LadderPolicies;
import org.painladder.security.Roles;

@Path("/api/v1/ladder/policy")
@Tag(name = RecommendationResource.TAG, description = RecommendationResource.TAG_DESCRIPTION)
@Produces(MediaType.APPLICATION_JSON)
public class LadderPolicyResource {

    private final LadderPolicies policies;

    LadderPolicyResource(LadderPolicies policies) {
        this.policies = policies;
    }

    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "readLadderPolicy",
            summary = "The ladder rules in force, their thresholds and sources",
            description = "parameters carry the clinical-rules §6.2 names and the configured values; rules list every"
                    + " rule id with its recommendation type, summary and source; choices say what the engine does"
                    + " where the rule table leaves room.")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(schema = @Schema(implementation = LadderPolicyResponse.class)))
    public LadderPolicyResponse policy() {
        return LadderPolicyResponse.of(policies.current());
    }
}

package org.painladder.api.regimen;

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
import org.painladder.domain.regimen.Formulary;
import org.painladder.security.Roles;

@Path("/api/v1/formulary")
@Tag(name = "Regimens and opioid arithmetic", description = "Formulary, regimens with OMEDD, opioid conversions")
@Produces(MediaType.APPLICATION_JSON)
public class FormularyResource {

    private final FormularyResponse formulary;

    FormularyResource(Formulary formulary) {
        this.formulary = FormularyResponse.of(formulary);
    }

    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "readFormulary",
            summary = "Every drug the service knows, with the MME factors of the profile in force",
            description = "Class, ladder step, routes and their dose units, MME factors with their source, and the"
                    + " ceiling daily dose. factorsUsed names the profile (painladder.rules.mme-factor-profile).")
    @APIResponse(responseCode = "200", description = "The formulary",
            content = @Content(schema = @Schema(implementation = FormularyResponse.class)))
    public FormularyResponse formulary() {
        return formulary;
    }
}

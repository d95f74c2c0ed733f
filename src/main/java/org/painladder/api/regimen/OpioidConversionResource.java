package org.painladder.api.regimen;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.painladder.api.idempotency.Idempotent;
import org.painladder.app.ConvertingOpioids;
import org.painladder.domain.regimen.OpioidConversion;
import org.painladder.security.Roles;

@Path("/api/v1/opioid-conversions")
@Tag(name = "Regimens and opioid arithmetic", description = "Formulary, regimens with OMEDD, opioid conversions")
@Produces(MediaType.APPLICATION_JSON)
public class OpioidConversionResource {

    private final ConvertingOpioids convertingOpioids;

    OpioidConversionResource(ConvertingOpioids convertingOpioids) {
        this.convertingOpioids = convertingOpioids;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLINICIAN, Roles.ADMIN})
    @Operation(operationId = "convertOpioid",
            summary = "Work out an opioid rotation",
            description = "The source dose in OMEDD, the equianalgesic daily dose of the target and the dose to start"
                    + " after the cross-tolerance cut, with the arithmetic in trace and the cautions. To methadone:"
                    + " the non-linear ratio, no further cut, requiresSpecialist. To a fentanyl patch: the label"
                    + " table, no extra cut, only from 60 mg/d OMEDD. Into a drug with a ceiling (codeine,"
                    + " dihydrocodeine, tramadol, tapentadol): capped at the ceiling, with a CEILING caution."
                    + " From SC or IV fentanyl in mcg/d: read as a continuous infusion (2.4 per mcg/h), the lower"
                    + " end. Buprenorphine has no MME factor: 422 with the reason. Nothing is stored.")
    @APIResponse(responseCode = "200", description = "The conversion",
            content = @Content(schema = @Schema(implementation = OpioidConversion.class)))
    @Idempotent
    public Response convert(@Valid @NotNull OpioidConversionRequest request) {
        return Response.ok(convertingOpioids.convert(request.toRequest())).build();
    }
}

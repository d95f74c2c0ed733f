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
                    + " after the cross-tolerance cut, with the arithmetic in trace and the cautions. Where a factor"
                    + " is published as a range, the dose to start uses the end that gives less of the target"
                    + " (out of tramadol, codeine and dihydrocodeine 0.1). To methadone: the non-linear ratio, no"
                    + " further cut, requiresSpecialist, at most 30 mg/d with a METHADONE_START_CAP caution. To a"
                    + " fentanyl patch: the label table, no extra cut, only from 60 mg/d OMEDD. Into a drug with a"
                    + " ceiling (codeine, dihydrocodeine, tramadol, tapentadol): capped at the ceiling, with a"
                    + " CEILING caution. SC or IV fentanyl in mcg/d is a daily dose given by the clock: 2.4 per"
                    + " mcg/h of its average rate. The same opioid from SC to IV (and back), or a fentanyl patch to"
                    + " an SC/IV infusion (and back), is 1:1 per hour with no cut. The dose to start is rounded down"
                    + " to a dose that can be given; trace keeps the exact figure. Buprenorphine has no MME factor:"
                    + " 422 with the reason. Nothing is stored.")
    @APIResponse(responseCode = "200", description = "The conversion",
            content = @Content(schema = @Schema(implementation = OpioidConversion.class)))
    @Idempotent
    public Response convert(@Valid @NotNull OpioidConversionRequest request) {
        return Response.ok(convertingOpioids.convert(request.toRequest())).build();
    }
}

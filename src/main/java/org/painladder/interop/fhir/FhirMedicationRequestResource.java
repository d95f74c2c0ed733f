package org.painladder.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.painladder.app.NotFoundException;
import org.painladder.app.ReadingRegimens;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.security.AuditedPatient;
import org.painladder.security.Roles;

/**
 * The regimen in force, read back as the patient's active MedicationRequests (one per regimen line), searched by
 * patient or read one line at a time by the id a search gave.
 */
@Path("/fhir/r4/MedicationRequest")
@Tag(name = "FHIR R4", description = "Pain-severity Observations, medications, search and CapabilityStatement")
@Produces({FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON})
public class FhirMedicationRequestResource {

    private static final int UUID_CHARS = 36;

    private final FhirContext fhirContext;
    private final ReadingRegimens readingRegimens;
    private final AuditedPatient auditedPatient;

    FhirMedicationRequestResource(FhirContext fhirContext, ReadingRegimens readingRegimens,
                                  AuditedPatient auditedPatient) {
        this.fhirContext = fhirContext;
        this.readingRegimens = readingRegimens;
        this.auditedPatient = auditedPatient;
    }

    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "searchFhirMedicationRequests",
            summary = "Search the patient's current regimen as MedicationRequests (searchset Bundle)",
            description = "The patient is required as subject=Patient/{id}, subject={id}, subject=[base]/Patient/{id},"
                    + " subject:Patient={id} or patient={id}; a patient not registered here matches nothing. Each"
                    + " regimen line is an active MedicationRequest with its RxNorm ingredient, SNOMED CT route, dose"
                    + " (UCUM) and doses a day; an empty Bundle before a first regimen is recorded. Other parameters"
                    + " are ignored, unless Prefer: handling=strict makes them 400.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle of MedicationRequests", content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(implementation = FhirSchemas.Bundle.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.Bundle.class))})
    public Response search(@Parameter(description = FhirSearches.SUBJECT_DESCRIPTION)
                           @QueryParam(FhirSearches.SUBJECT) String subject,
                           @Parameter(description = FhirSearches.PATIENT_ID_DESCRIPTION)
                           @QueryParam(FhirSearches.SUBJECT_PATIENT) String subjectPatient,
                           @Parameter(description = FhirSearches.PATIENT_ID_DESCRIPTION)
                           @QueryParam(FhirSearches.PATIENT) String patient,
                           @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        FhirSearches.refuseUnknownWhenStrict(uriInfo, headers, Set.of());
        Optional<UUID> patientId = FhirSearches.patient(uriInfo, subject, subjectPatient, patient);
        List<MedicationRequest> lines = patientId.flatMap(this::inForce).map(MedicationRequests::of)
                .orElse(List.of());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(lines.size());
        bundle.getMeta().setLastUpdated(new Date());
        FhirSearches.link(bundle, "self", uriInfo, "MedicationRequest", patientId, null, null);
        String base = uriInfo.getBaseUriBuilder().path("fhir/r4/MedicationRequest/").build().toString();
        for (MedicationRequest line : lines) {
            bundle.addEntry().setFullUrl(base + line.getIdElement().getIdPart()).setResource(line)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return Response.ok(fhirContext.newJsonParser().encodeResourceToString(bundle)).type(FhirMedia.FHIR_JSON)
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "readFhirMedicationRequest",
            summary = "Read one line of the regimen in force as a MedicationRequest",
            description = "The id is a search result's ({regimen version id}-{line}); a line of a superseded regimen,"
                    + " or any other id, is 404.")
    @APIResponse(responseCode = "200", description = "The MedicationRequest", content = {
            @Content(mediaType = FhirMedia.FHIR_JSON,
                    schema = @Schema(implementation = FhirSchemas.MedicationRequest.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.MedicationRequest.class))})
    public Response read(@PathParam("id") String id) {
        MedicationRequest line = regimenLine(id).orElseThrow(() -> new NotFoundException(
                "No MedicationRequest of a regimen in force has this id"));
        return Response.ok(fhirContext.newJsonParser().encodeResourceToString(line)).type(FhirMedia.FHIR_JSON)
                .build();
    }

    private Optional<MedicationRequest> regimenLine(String id) {
        UUID regimenId;
        try {
            regimenId = UUID.fromString(id.substring(0, Math.min(id.length(), UUID_CHARS)));
        } catch (IllegalArgumentException notALineId) {
            return Optional.empty();
        }
        Optional<RecordedRegimen> regimen = readingRegimens.inForceAsVersion(regimenId);
        regimen.ifPresent(inForce -> auditedPatient.is(inForce.patientId()));
        return regimen.flatMap(inForce -> {
            int index = MedicationRequests.lineIndex(id, regimenId);
            List<MedicationRequest> lines = MedicationRequests.of(inForce);
            return index < 0 || index >= lines.size() ? Optional.empty() : Optional.of(lines.get(index));
        });
    }

    /** Empty for a patient not registered here, or before a first regimen: either way nothing matches. */
    private Optional<RecordedRegimen> inForce(UUID patientId) {
        try {
            return readingRegimens.inForce(patientId);
        } catch (NotFoundException unknownPatient) {
            return Optional.empty();
        }
    }
}

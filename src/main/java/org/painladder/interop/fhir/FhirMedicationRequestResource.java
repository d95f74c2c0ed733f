package org.painladder.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.painladder.api.Paging;
import org.painladder.app.ReadingRegimens;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.security.Roles;

/** The regimen in force, read back as the patient's active MedicationRequests (one per regimen line). */
@Path("/fhir/r4/MedicationRequest")
@Tag(name = "FHIR R4", description = "Pain-severity Observations, medications, search and CapabilityStatement")
@Produces({FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON})
public class FhirMedicationRequestResource {

    private final FhirContext fhirContext;
    private final ReadingRegimens readingRegimens;

    FhirMedicationRequestResource(FhirContext fhirContext, ReadingRegimens readingRegimens) {
        this.fhirContext = fhirContext;
        this.readingRegimens = readingRegimens;
    }

    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "searchFhirMedicationRequests",
            summary = "Search the patient's current regimen as MedicationRequests (searchset Bundle)",
            description = "subject=Patient/{id} is required. Each regimen line is an active MedicationRequest with its"
                    + " RxNorm ingredient, SNOMED CT route, dose (UCUM) and doses a day; an empty Bundle before a"
                    + " first regimen is recorded.")
    public Response search(@QueryParam("subject") String subject, @Context UriInfo uriInfo) {
        if (subject == null || !subject.startsWith("Patient/")) {
            throw Paging.badParameter("subject", "is required as Patient/{id}");
        }
        UUID patientId = FhirSubjects.uuid(subject.substring("Patient/".length()), "subject");
        Optional<RecordedRegimen> current = readingRegimens.inForce(patientId);
        List<MedicationRequest> lines = current.map(MedicationRequests::of).orElse(List.of());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(lines.size());
        bundle.getMeta().setLastUpdated(new Date());
        bundle.addLink().setRelation("self").setUrl(uriInfo.getRequestUri().toString());
        String base = uriInfo.getBaseUriBuilder().path("fhir/r4/MedicationRequest/").build().toString();
        for (MedicationRequest line : lines) {
            bundle.addEntry().setFullUrl(base + line.getIdElement().getIdPart()).setResource(line)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return Response.ok(fhirContext.newJsonParser().encodeResourceToString(bundle)).type(FhirMedia.FHIR_JSON)
                .build();
    }
}

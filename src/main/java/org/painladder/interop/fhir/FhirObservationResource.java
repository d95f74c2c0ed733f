package org.painladder.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.painladder.api.Paging;
import org.painladder.api.idempotency.Idempotent;
import org.painladder.app.ClinicalValidationException;
import org.painladder.app.NotFoundException;
import org.painladder.app.ReadingPainTimeline;
import org.painladder.app.RecordingPainAssessment;
import org.painladder.domain.audit.AuditAction;
import org.painladder.domain.pain.RecordedAssessment;
import org.painladder.persistence.Page;
import org.painladder.security.AuditedPatient;
import org.painladder.security.Roles;

/**
 * FHIR R4 face of the pain timeline: EHRs post pain-severity Observations (LOINC 72514-3) and read every assessment
 * back as Observations, whatever scale or channel it came in on. Failures leave as OperationOutcome.
 */
@Path("/fhir/r4")
@Tag(name = "FHIR R4", description = "Pain-severity Observations, search and CapabilityStatement")
@Produces({FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON})
public class FhirObservationResource {

    private final FhirContext fhirContext;
    private final RecordingPainAssessment recordingPainAssessment;
    private final ReadingPainTimeline readingPainTimeline;
    private final CapabilityStatements capabilityStatements;
    private final FhirSubjects fhirSubjects;
    private final AuditedPatient auditedPatient;
    private final StrictFhirResources strictFhirResources;
    private final SecurityIdentity identity;

    FhirObservationResource(FhirContext fhirContext, RecordingPainAssessment recordingPainAssessment,
                            ReadingPainTimeline readingPainTimeline,
                            CapabilityStatements capabilityStatements,
                            FhirSubjects fhirSubjects, AuditedPatient auditedPatient,
                            StrictFhirResources strictFhirResources, SecurityIdentity identity) {
        this.strictFhirResources = strictFhirResources;
        this.identity = identity;
        this.fhirContext = fhirContext;
        this.recordingPainAssessment = recordingPainAssessment;
        this.readingPainTimeline = readingPainTimeline;
        this.capabilityStatements = capabilityStatements;
        this.fhirSubjects = fhirSubjects;
        this.auditedPatient = auditedPatient;
    }

    @POST
    @Path("Observation")
    @Consumes({FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.EHR, Roles.ADMIN})
    @Idempotent
    @Operation(operationId = "createObservation",
            summary = "Record a pain-severity Observation (LOINC 72514-3) as a pain assessment",
            description = "subject is Patient/{id} or an identifier matching the MRN; the first identifier value (else"
                    + " the resource id) is the externalId, so retries are idempotent. Sent again under the same"
                    + " identifier with status amended or corrected, its value replaces the stored one (200; the first"
                    + " value is kept for audit); with status entered-in-error, the stored one is retracted (200, kept"
                    + " but left out of the timeline, searches, trend and rules; 422 when none is stored). The advice"
                    + " that rested on a corrected score is re-evaluated. 400 OperationOutcome when the"
                    + " resource cannot be parsed or carries an element that would change what the score means and is"
                    + " not stored (valueQuantity.comparator, dataAbsentReason, interpretation, note, bodySite,"
                    + " component …), named; 422 when it breaks a rule here (value 12, unknown subject, wrong code).")
    @RequestBody(required = true, content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(implementation = FhirSchemas.Observation.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.Observation.class))})
    @APIResponse(responseCode = "201", description = "Recorded: the Observation as stored, at Location", content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(implementation = FhirSchemas.Observation.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.Observation.class))})
    @APIResponse(responseCode = "200", description = "Sent before: the Observation recorded then", content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(implementation = FhirSchemas.Observation.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.Observation.class))})
    public Response create(String body, @Context UriInfo uriInfo) {
        Observation observation = strictFhirResources.parse(Observation.class, body);
        UUID patientId = fhirSubjects.patientOf(PainObservations.subject(observation), "Observation.subject");
        auditedPatient.is(patientId);
        RecordingPainAssessment.Outcome outcome = switch (PainObservations.status(observation)) {
            case ENTEREDINERROR -> {
                auditedPatient.changes(AuditAction.UPDATE);
                // FHIR create answers 422 for a resource that breaks a business rule: here, naming nothing to retract.
                yield recordingPainAssessment.retract(patientId, PainObservations.retractedExternalId(observation),
                        caller()).orElseThrow(() -> new ClinicalValidationException("Observation.identifier",
                        "names no pain Observation recorded for this patient: there is nothing to retract"));
            }
            case AMENDED, CORRECTED -> {
                auditedPatient.changes(AuditAction.UPDATE);
                yield recordingPainAssessment.amend(patientId, PainObservations.toAssessment(observation),
                        observation.getStatus() == Observation.ObservationStatus.CORRECTED
                                ? RecordedAssessment.AmendedAs.CORRECTED : RecordedAssessment.AmendedAs.AMENDED,
                        caller());
            }
            default -> recordingPainAssessment.record(patientId, PainObservations.toAssessment(observation));
        };
        RecordedAssessment recorded = outcome.recorded();
        URI location = uriInfo.getBaseUriBuilder().path("fhir/r4/Observation/{id}")
                .build(recorded.assessment().id());
        return (outcome.created() ? Response.created(location) : Response.ok().location(location))
                .type(FhirMedia.FHIR_JSON)
                .entity(encode(PainObservations.toObservation(recorded)))
                .build();
    }

    @GET
    @Path("Observation/{id}")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "readObservation",
            summary = "Read one pain Observation")
    @APIResponse(responseCode = "200", description = "The Observation", content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(implementation = FhirSchemas.Observation.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.Observation.class))})
    public Response read(@PathParam("id") UUID id) {
        RecordedAssessment recorded = readingPainTimeline.assessmentById(id);
        auditedPatient.is(recorded.patientId());
        return Response.ok(encode(PainObservations.toObservation(recorded))).type(FhirMedia.FHIR_JSON).build();
    }

    @GET
    @Path("Observation")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "searchObservations",
            summary = "Search a patient's pain Observations (searchset Bundle, newest first)",
            description = "The patient is required as subject=Patient/{id}, subject={id}, subject=[base]/Patient/{id},"
                    + " subject:Patient={id} or patient={id}; a patient not registered here matches nothing (200,"
                    + " total 0). _count 1-200, default 50; _getpagesoffset (a multiple of _count) is how many"
                    + " matches come before the page, and the Bundle links self, first, previous, next and last."
                    + " Other parameters are ignored, unless Prefer: handling=strict makes them 400.")
    @APIResponse(responseCode = "200", description = "A searchset Bundle of Observations", content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(implementation = FhirSchemas.Bundle.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.Bundle.class))})
    public Response search(@Parameter(description = FhirSearches.SUBJECT_DESCRIPTION)
                           @QueryParam(FhirSearches.SUBJECT) String subject,
                           @Parameter(description = FhirSearches.PATIENT_ID_DESCRIPTION)
                           @QueryParam(FhirSearches.SUBJECT_PATIENT) String subjectPatient,
                           @Parameter(description = FhirSearches.PATIENT_ID_DESCRIPTION)
                           @QueryParam(FhirSearches.PATIENT) String patient,
                           @QueryParam("_count") String count, @QueryParam(FhirSearches.PAGE_OFFSET) String offset,
                           @Context UriInfo uriInfo, @Context HttpHeaders headers) {
        FhirSearches.refuseUnknownWhenStrict(uriInfo, headers, Set.of("_count", FhirSearches.PAGE_OFFSET));
        Optional<UUID> patientId = FhirSearches.patient(uriInfo, subject, subjectPatient, patient);
        int pageSize = Paging.integer("_count", count, 1, Paging.MAX_SIZE, Paging.DEFAULT_SIZE);
        int skipped = Paging.integer(FhirSearches.PAGE_OFFSET, offset, 0, Integer.MAX_VALUE, 0);
        if (skipped % pageSize != 0) {
            throw Paging.badParameter(FhirSearches.PAGE_OFFSET, "must be a multiple of _count");
        }
        Page<RecordedAssessment> page = patientId.flatMap(id -> timeline(id, skipped / pageSize, pageSize))
                .orElse(new Page<>(List.of(), 0, pageSize, 0));
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal((int) page.total());
        bundle.getMeta().setLastUpdated(new Date());
        FhirSearches.link(bundle, "self", uriInfo, "Observation", patientId, count == null ? null : pageSize,
                offset == null ? null : skipped);
        int last = page.total() == 0 ? 0 : (int) ((page.total() - 1) / pageSize) * pageSize;
        FhirSearches.link(bundle, "first", uriInfo, "Observation", patientId, pageSize, 0);
        if (skipped > 0) {
            FhirSearches.link(bundle, "previous", uriInfo, "Observation", patientId, pageSize,
                    Math.min(skipped - pageSize, last));
        }
        if (skipped < last) {
            FhirSearches.link(bundle, "next", uriInfo, "Observation", patientId, pageSize, skipped + pageSize);
        }
        FhirSearches.link(bundle, "last", uriInfo, "Observation", patientId, pageSize, last);
        String base = uriInfo.getBaseUriBuilder().path("fhir/r4/Observation/").build().toString();
        for (RecordedAssessment recorded : page.items()) {
            Observation observation = PainObservations.toObservation(recorded);
            bundle.addEntry().setFullUrl(base + observation.getIdElement().getIdPart()).setResource(observation)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return Response.ok(encode(bundle)).type(FhirMedia.FHIR_JSON).build();
    }

    /** Empty for a patient not registered here: a search that matches nothing, not a missing resource. */
    private Optional<Page<RecordedAssessment>> timeline(UUID patientId, int page, int size) {
        try {
            return Optional.of(readingPainTimeline.timeline(patientId, null, null, page, size));
        } catch (NotFoundException unknownPatient) {
            return Optional.empty();
        }
    }

    @GET
    @Path("metadata")
    // R4 and SMART clients read it to discover the endpoint before they sign in; it holds no patient data.
    @PermitAll
    @Operation(operationId = "readCapabilityStatement",
            summary = "The CapabilityStatement of this FHIR endpoint",
            description = "Read without a token: it says what the endpoint supports and holds no patient data.")
    @APIResponse(responseCode = "200", description = "The CapabilityStatement", content = {
            @Content(mediaType = FhirMedia.FHIR_JSON,
                    schema = @Schema(implementation = FhirSchemas.CapabilityStatement.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.CapabilityStatement.class))})
    public Response metadata(@Context UriInfo uriInfo) {
        String base = uriInfo.getBaseUriBuilder().path("fhir/r4").build().toString();
        return Response.ok(encode(capabilityStatements.of(base))).type(FhirMedia.FHIR_JSON).build();
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    private String encode(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return fhirContext.newJsonParser().encodeResourceToString(resource);
    }
}

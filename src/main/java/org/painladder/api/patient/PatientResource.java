package org.painladder.api.patient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.painladder.api.BodyValidation;
import org.painladder.api.ETags;
import org.painladder.api.MergePatch;
import org.painladder.api.PageResponse;
import org.painladder.api.Paging;
import org.painladder.api.TaggedReads;
import org.painladder.api.ReaderRoles;
import org.painladder.api.idempotency.Idempotent;
import org.painladder.api.problem.Problem;
import org.painladder.app.ClinicalValidationException;
import org.painladder.app.ReadingPatients;
import org.painladder.app.RegisteringPatient;
import org.painladder.app.UpdatingPatient;
import org.painladder.domain.patient.Patient;
import org.painladder.domain.patient.PatientProfile;
import org.painladder.persistence.Page;
import org.painladder.security.AuditedPatient;
import org.painladder.security.Roles;

@Path("/api/v1/patients")
@Tag(name = "Patients", description = "The patient register and each patient's live pain state")
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    private static final String ETAG_DESCRIPTION = "Changes with everything the patient answers, the live state"
            + " included; If-Match compares the patient's version it names";

    private final RegisteringPatient registeringPatient;
    private final UpdatingPatient updatingPatient;
    private final ReadingPatients readingPatients;
    private final BodyValidation bodyValidation;
    private final ObjectMapper objectMapper;
    private final AuditedPatient auditedPatient;
    private final Clock clock;
    private final TaggedReads taggedReads;

    PatientResource(RegisteringPatient registeringPatient, UpdatingPatient updatingPatient,
                    ReadingPatients readingPatients, BodyValidation bodyValidation, ObjectMapper objectMapper,
                    AuditedPatient auditedPatient, Clock clock, TaggedReads taggedReads) {
        this.clock = clock;
        this.taggedReads = taggedReads;
        this.registeringPatient = registeringPatient;
        this.updatingPatient = updatingPatient;
        this.readingPatients = readingPatients;
        this.bodyValidation = bodyValidation;
        this.objectMapper = objectMapper;
        this.auditedPatient = auditedPatient;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.EHR, Roles.ADMIN})
    @Operation(operationId = "registerPatient",
            summary = "Register a patient", description = "The MRN is unique: a second registration answers 409.")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = "Location", description = "URL of the new patient"),
                    @Header(name = "ETag", description = ETAG_DESCRIPTION)},
            content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "409", description = "A patient with this MRN exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Idempotent
    public Response register(@Valid @NotNull PatientRequest request, @Context UriInfo uriInfo) {
        Patient patient = registeringPatient.register(request.toProfile());
        PatientResponse answer = PatientResponse.of(patient, thisYear());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(patient.id().toString()).build())
                .tag(taggedReads.tag(patient.version(), answer))
                .entity(answer)
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "readPatient",
            summary = "Read a patient with its live state")
    @APIResponse(responseCode = "200", description = "The patient",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "304", description = TaggedReads.NOT_MODIFIED_DESCRIPTION,
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION))
    @APIResponse(responseCode = "404", description = "No such patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response find(@PathParam("id") UUID id,
                         @Parameter(hidden = true) @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Patient patient = readingPatients.find(id);
        return taggedReads.read(patient.version(), PatientResponse.of(patient, thisYear()), ifNoneMatch);
    }

    @GET
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.PALLIATIVE, Roles.ADMIN})
    @Operation(operationId = "listPatients",
            summary = "List patients, or look one up by MRN",
            description = "With mrn, the list holds the one patient registered under it, or nothing.")
    @APIResponse(responseCode = "200", description = "A page of patients")
    public PageResponse<PatientResponse> list(@QueryParam("mrn") String mrn,
                                              @Parameter(description = Paging.PAGE_DESCRIPTION)
                                              @QueryParam("page") String page,
                                              @Parameter(description = Paging.SIZE_DESCRIPTION)
                                              @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        Page<Patient> patients = readingPatients.list(mrn, paging.page(), paging.size());
        int year = thisYear();
        if (mrn != null && patients.items().size() == 1) {
            // A look-up by MRN reads one patient's record: the audit trail names that patient.
            auditedPatient.is(patients.items().get(0).id());
        }
        return PageResponse.of(patients.map(patient -> PatientResponse.of(patient, year)));
    }

    @PATCH
    @Path("{id}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.ADMIN})
    @Operation(operationId = "updatePatient",
            summary = "Change a patient (JSON merge patch)",
            description = "Absent fields are kept, null clears, arrays are replaced whole. The MRN cannot change;"
                    + " a DECEASED patient cannot be made ACTIVE again (409). The status becoming DECEASED closes"
                    + " the patient's open refractory case (outcome DECEASED) and supersedes the pending"
                    + " recommendations; pain assessments recorded after it are refused (409). Send If-Match with the"
                    + " ETag to be sure nobody changed the patient since you read it: it compares the patient's version"
                    + " the ETag names (\"3\" alone names it too), so a pain score or regimen recorded since the read,"
                    + " which changes the live state and the ETag but not the patient, does not refuse the change.")
    @RequestBody(content = @Content(schema = @Schema(implementation = PatientRequest.class)))
    @APIResponse(responseCode = "200", description = "The changed patient",
            headers = @Header(name = "ETag", description = ETAG_DESCRIPTION),
            content = @Content(schema = @Schema(implementation = PatientResponse.class)))
    @APIResponse(responseCode = "404", description = "No such patient",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A forbidden status change",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an old version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response patch(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @NotNull JsonNode mergePatch, @Context SecurityContext security) {
        if (!mergePatch.isObject()) {
            throw new ClinicalValidationException("body", "a merge patch must be a JSON object");
        }
        Patient patient = updatingPatient.update(id, ETags.expectedVersion(ifMatch),
                profile -> patched(profile, mergePatch), security.getUserPrincipal().getName());
        PatientResponse answer = PatientResponse.of(readingPatients.find(patient.id()), thisYear());
        return Response.ok(answer).tag(taggedReads.tag(answer.version(), answer)).build();
    }

    /** Ages, hence the ELDERLY_OR_FRAIL band, are counted in the service clock's year, as the rules count them. */
    private int thisYear() {
        return clock.instant().atZone(ZoneOffset.UTC).getYear();
    }

    private PatientProfile patched(PatientProfile profile, JsonNode mergePatch) {
        // A patient always has a status; read as absent, null would default to ACTIVE and readmit a discharged one.
        if (mergePatch.has("status") && mergePatch.get("status").isNull()) {
            throw new ClinicalValidationException("status", "cannot be cleared; send ACTIVE, DISCHARGED or DECEASED");
        }
        JsonNode document = MergePatch.apply(objectMapper.valueToTree(PatientRequest.of(profile)), mergePatch);
        try {
            return bodyValidation.valid(objectMapper.treeToValue(document, PatientRequest.class)).toProfile();
        } catch (JsonProcessingException unreadable) {
            // Answered like an unreadable request body: 400, or 422 for an unknown code.
            throw new WebApplicationException(unreadable, Response.Status.BAD_REQUEST);
        }
    }
}

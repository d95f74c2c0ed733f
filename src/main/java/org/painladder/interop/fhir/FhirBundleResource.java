package org.painladder.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.painladder.api.ETags;
import org.painladder.api.Paging;
import org.painladder.api.idempotency.Idempotent;
import org.painladder.app.ClinicalValidationException;
import org.painladder.app.ExpectedVersion;
import org.painladder.app.NewRegimen;
import org.painladder.app.RecordingRegimen;
import org.painladder.app.RecordingRegimenBundle;
import org.painladder.domain.digest.Sha256;
import org.painladder.domain.regimen.Formulary;
import org.painladder.domain.regimen.ProposedItem;
import org.painladder.domain.regimen.RecordedRegimen;
import org.painladder.domain.regimen.Regimen;
import org.painladder.domain.regimen.RegimenEvaluation;
import org.painladder.domain.regimen.RegimenViolation;
import org.painladder.domain.regimen.RegimenWarning;
import org.painladder.domain.regimen.Validated;
import org.painladder.security.AuditedPatient;
import org.painladder.security.Roles;

/**
 * An EHR sends the patient's active MedicationRequests as one Bundle (transaction or collection); together they
 * replace the regimen exactly as PUT /regimen does. Entries that cannot be read as a regimen line are answered with an
 * OperationOutcome each and left out; when none can be read, nothing is recorded (422). A transaction is taken at the
 * FHIR base, as R4 clients post it, and at /Bundle.
 */
@Path("/fhir/r4")
@Tag(name = "FHIR R4", description = "Pain-severity Observations, medications, search and CapabilityStatement")
@Produces({FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON})
public class FhirBundleResource {

    private final FhirContext fhirContext;
    private final Formulary formulary;
    private final FhirSubjects fhirSubjects;
    private final RecordingRegimenBundle recordingRegimenBundle;
    private final AuditedPatient auditedPatient;
    private final StrictFhirResources strictFhirResources;

    FhirBundleResource(FhirContext fhirContext, Formulary formulary, FhirSubjects fhirSubjects,
                       RecordingRegimenBundle recordingRegimenBundle, AuditedPatient auditedPatient,
                       StrictFhirResources strictFhirResources) {
        this.strictFhirResources = strictFhirResources;
        this.fhirContext = fhirContext;
        this.formulary = formulary;
        this.fhirSubjects = fhirSubjects;
        this.recordingRegimenBundle = recordingRegimenBundle;
        this.auditedPatient = auditedPatient;
    }

    /** What became of one entry: the regimen line it gave, or why it gave none. */
    private record EntryMapping(ProposedItem item, OperationOutcome problem) {
    }

    @POST
    @Consumes({FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.ADMIN})
    @Idempotent
    @Operation(operationId = "postFhirTransaction",
            summary = "Replace the patient's regimen with a transaction Bundle posted to the FHIR base (R4 transaction)",
            description = "The same as POST /fhir/r4/Bundle: same roles, idempotency, If-Match and answer.")
    @RequestBody(required = true, content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(implementation = FhirSchemas.Bundle.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.Bundle.class))})
    @APIResponse(responseCode = "200", description = "A transaction-response Bundle", content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(implementation = FhirSchemas.Bundle.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.Bundle.class))})
    public Response transaction(String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Context SecurityContext security) {
        return replaceRegimen(body, ifMatch, security);
    }

    @POST
    @Path("Bundle")
    @Consumes({FhirMedia.FHIR_JSON, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.EHR, Roles.CLINICIAN, Roles.ADMIN})
    @Idempotent
    @Operation(operationId = "postFhirMedicationBundle",
            summary = "Replace the patient's regimen with a Bundle of their active MedicationRequests",
            description = "Bundle.type transaction or collection; every entry a MedicationRequest for the same patient"
                    + " (subject Patient/{id} or the MRN identifier). In a transaction every entry.request is a POST"
                    + " to MedicationRequest or a PUT to MedicationRequest/{id} (the resource's id when it has one);"
                    + " a collection carries no entry.request (R4 bdl-3); anything else is 400 for the whole Bundle."
                    + " Drugs by RxNorm ingredient, routes by SNOMED CT,"
                    + " doses from doseAndRate.doseQuantity (converted to the formulary's unit), doses a day from"
                    + " timing.repeat. The same rules, warnings and evaluation as PUT /regimen. Answers a"
                    + " transaction-response Bundle: each entry 201 with the regimen line's MedicationRequest and its"
                    + " warnings (200 when the regimen was already this one), or 422 with an OperationOutcome naming the element that could not be read; 422 when"
                    + " no entry can be read. Idempotent on Bundle.identifier: sent again, the first answer is given"
                    + " back and nothing is recorded; the same identifier with other content is 409. If-Match takes"
                    + " the regimen's ETag as for PUT /regimen (\"0\" before the first one): an old version is 412"
                    + " and nothing is recorded, unless the Bundle is one recorded before, whose answer is given back.")
    @RequestBody(required = true, content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(implementation = FhirSchemas.Bundle.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.Bundle.class))})
    @APIResponse(responseCode = "200", description = "A transaction-response Bundle, an entry per MedicationRequest",
            content = {
            @Content(mediaType = FhirMedia.FHIR_JSON, schema = @Schema(implementation = FhirSchemas.Bundle.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FhirSchemas.Bundle.class))})
    public Response replaceRegimen(String body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Context SecurityContext security) {
        ExpectedVersion expectedVersion = ETags.expectedVersion(ifMatch);
        Bundle bundle = strictFhirResources.parse(Bundle.class, body);
        if (bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.COLLECTION) {
            throw new ClinicalValidationException("Bundle.type", "must be transaction or collection");
        }
        if (bundle.getEntry().isEmpty()) {
            throw new ClinicalValidationException("Bundle.entry", "holds no MedicationRequest; to record that every"
                    + " analgesic was stopped, PUT /api/v1/patients/{id}/regimen with items []");
        }
        checkRequests(bundle);
        UUID patientId = patientOf(bundle);
        auditedPatient.is(patientId);
        List<EntryMapping> mappings = map(bundle);
        List<ProposedItem> items = mappings.stream().map(EntryMapping::item).filter(Objects::nonNull).toList();
        if (items.isEmpty()) {
            throw new ClinicalValidationException(unreadable(mappings));
        }
        String identifier = bundle.hasIdentifier() && bundle.getIdentifier().hasValue()
                ? Objects.requireNonNullElse(bundle.getIdentifier().getSystem(), "") + "|"
                + bundle.getIdentifier().getValue() : null;
        String caller = security.getUserPrincipal().getName();
        NewRegimen regimen = new NewRegimen(items, null, caller, caller,
                identifier == null ? "FHIR Bundle" : "FHIR Bundle " + identifier);
        RecordingRegimenBundle.Answer answer = recordingRegimenBundle.record(identifier, Sha256.hex(encode(bundle)),
                patientId, expectedVersion, regimen, outcome -> encode(transactionResponse(mappings, outcome)));
        return Response.ok(answer.body()).type(FhirMedia.FHIR_JSON).build();
    }

    /**
     * A transaction says what to do with each entry, and the only thing done here is to make its MedicationRequests
     * the regimen: a DELETE or a write of another type must not be recorded as an active line. R4 bdl-3 wants a
     * request on every transaction entry and none on a collection's.
     */
    private static void checkRequests(Bundle bundle) {
        for (int index = 0; index < bundle.getEntry().size(); index++) {
            Bundle.BundleEntryComponent entry = bundle.getEntry().get(index);
            String element = "Bundle.entry[" + index + "].request";
            if (bundle.getType() == Bundle.BundleType.COLLECTION) {
                if (entry.hasRequest()) {
                    throw Paging.badParameter(element, "is only allowed in a batch or transaction (R4 bdl-3)");
                }
                continue;
            }
            if (!entry.hasRequest()) {
                throw Paging.badParameter(element, "is required in a transaction (R4 bdl-3): POST MedicationRequest"
                        + " or PUT MedicationRequest/{id}");
            }
            Bundle.HTTPVerb method = entry.getRequest().getMethod();
            if (method != Bundle.HTTPVerb.POST && method != Bundle.HTTPVerb.PUT) {
                throw Paging.badParameter(element + ".method", "must be POST or PUT: the Bundle replaces the regimen"
                        + " with the MedicationRequests it carries, and does nothing else");
            }
            if (!(entry.getResource() instanceof MedicationRequest request)) {
                throw Paging.badParameter(element + ".url", "must name the entry's resource type, and only"
                        + " MedicationRequests are taken");
            }
            String url = Objects.requireNonNullElse(entry.getRequest().getUrl(), "");
            if (method == Bundle.HTTPVerb.POST && !url.equals("MedicationRequest")) {
                throw Paging.badParameter(element + ".url", "must be MedicationRequest for a POST");
            }
            if (method == Bundle.HTTPVerb.PUT) {
                String id = url.startsWith("MedicationRequest/") ? url.substring("MedicationRequest/".length()) : "";
                if (id.isEmpty() || id.contains("/") || id.contains("?")) {
                    throw Paging.badParameter(element + ".url", "must be MedicationRequest/{id} for a PUT");
                }
                if (request.getIdElement().hasIdPart() && !request.getIdElement().getIdPart().equals(id)) {
                    throw Paging.badParameter(element + ".url", "names another id than the entry's resource.id");
                }
            }
        }
    }

    /** Every MedicationRequest must be the same patient's: a Bundle is one patient's regimen. */
    private UUID patientOf(Bundle bundle) {
        UUID patientId = null;
        for (int index = 0; index < bundle.getEntry().size(); index++) {
            Resource resource = bundle.getEntry().get(index).getResource();
            if (!(resource instanceof MedicationRequest request)) {
                continue;
            }
            String element = "Bundle.entry[" + index + "].resource.subject";
            UUID subject = fhirSubjects.patientOf(PainObservations.subject(request.getSubject(), element), element);
            if (patientId != null && !patientId.equals(subject)) {
                throw new ClinicalValidationException(element, "names another patient than the entries before it;"
                        + " a Bundle carries one patient's regimen");
            }
            patientId = subject;
        }
        if (patientId == null) {
            throw new ClinicalValidationException("Bundle.entry", "holds no MedicationRequest");
        }
        return patientId;
    }

    private List<EntryMapping> map(Bundle bundle) {
        List<EntryMapping> mappings = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (!(entry.getResource() instanceof MedicationRequest request)) {
                mappings.add(new EntryMapping(null, problem("Bundle.entry.resource", "is not a MedicationRequest")));
            } else if (request.getStatus() != MedicationRequest.MedicationRequestStatus.ACTIVE) {
                mappings.add(new EntryMapping(null, problem("MedicationRequest.status", "is "
                        + (request.hasStatus() ? request.getStatus().toCode() : "missing")
                        + "; only active orders make up the regimen")));
            } else {
                mappings.add(mapped(MedicationRequests.toProposedItem(request, formulary)));
            }
        }
        return mappings;
    }

    private EntryMapping mapped(MedicationRequests.Mapping mapping) {
        if (mapping instanceof MedicationRequests.Mapping.Unmappable unmappable) {
            return new EntryMapping(null, problem(unmappable.element(), unmappable.message()));
        }
        ProposedItem item = ((MedicationRequests.Mapping.Mapped) mapping).item();
        // A line the formulary refuses (a dose out of range …) is refused alone, not with the whole Bundle.
        if (Regimen.check(List.of(item), formulary) instanceof Validated.Invalid<Regimen> invalid) {
            RegimenViolation first = invalid.violations().get(0);
            String element = "MedicationRequest." + first.field().replace("items[0].", "");
            return new EntryMapping(null, problem(element, first.message()));
        }
        return new EntryMapping(item, null);
    }

    private Bundle transactionResponse(List<EntryMapping> mappings, RecordingRegimen.Outcome outcome) {
        RecordedRegimen recorded = outcome.recorded();
        RegimenEvaluation evaluation = recorded.evaluation();
        List<MedicationRequest> lines = MedicationRequests.of(recorded);
        Bundle response = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        int line = 0;
        for (EntryMapping mapping : mappings) {
            Bundle.BundleEntryComponent entry = response.addEntry();
            if (mapping.item() == null) {
                entry.getResponse().setStatus("422 Unprocessable Entity").setOutcome(mapping.problem());
                continue;
            }
            OperationOutcome outcomeOfLine = new OperationOutcome();
            if (line == 0) {
                outcomeOfLine.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                        .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                        .setDiagnostics("Regimen version " + recorded.version() + " (" + (outcome.created()
                                ? "recorded" : "unchanged") + "): ladder step " + evaluation.ladderStep()
                                + ", OMEDD " + plain(evaluation.omedd().scheduledMg()) + " mg/d scheduled, "
                                + plain(evaluation.omedd().prnMg()) + " mg/d PRN at most ("
                                + evaluation.factorsUsed() + ")");
            }
            for (RegimenWarning warning : evaluation.warnings()) {
                if (warning.items().contains(line)) {
                    outcomeOfLine.addIssue().setSeverity(OperationOutcome.IssueSeverity.WARNING)
                            .setCode(OperationOutcome.IssueType.BUSINESSRULE)
                            .setDiagnostics(warning.code() + ": " + warning.message());
                }
            }
            MedicationRequest stored = lines.get(line);
            // A new regimen version gives every line a new MedicationRequest; an unchanged one gives back the lines.
            entry.getResponse().setStatus(outcome.created() ? "201 Created" : "200 OK")
                    .setLocation("MedicationRequest/" + stored.getIdElement().getIdPart());
            if (outcomeOfLine.hasIssue()) {
                entry.getResponse().setOutcome(outcomeOfLine);
            }
            line++;
        }
        return response;
    }

    private static List<ClinicalValidationException.Violation> unreadable(List<EntryMapping> mappings) {
        List<ClinicalValidationException.Violation> violations = new ArrayList<>();
        for (int index = 0; index < mappings.size(); index++) {
            OperationOutcome.OperationOutcomeIssueComponent issue = mappings.get(index).problem().getIssueFirstRep();
            violations.add(new ClinicalValidationException.Violation("Bundle.entry[" + index + "]."
                    + issue.getExpression().get(0).getValue(), issue.getDiagnostics()));
        }
        return violations;
    }

    private static OperationOutcome problem(String element, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.BUSINESSRULE).setDiagnostics(element + " " + message)
                .addExpression(element);
        return outcome;
    }

    private String encode(org.hl7.fhir.instance.model.api.IBaseResource resource) {
        return fhirContext.newJsonParser().encodeResourceToString(resource);
    }

    private static String plain(java.math.BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

}

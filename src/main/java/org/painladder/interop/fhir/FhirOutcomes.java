package org.painladder.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemMappers;
import org.painladder.api.problem.ProblemType;

/**
 * FHIR clients expect an OperationOutcome, not problem+json: every problem answered under /fhir (validation, 401,
 * 403, 404, 409, 500 …) is rewritten here, so the FHIR endpoint shares the API's error handling.
 */
public class FhirOutcomes {

    private final FhirContext fhirContext;

    FhirOutcomes(FhirContext fhirContext) {
        this.fhirContext = fhirContext;
    }

    @ServerExceptionMapper
    public Response unparsable(UnparsableResourceException failure) {
        if (failure.element() == null) {
            return ProblemType.MALFORMED_REQUEST.problem("The body is not a valid FHIR R4 "
                    + failure.resourceType()).toResponse();
        }
        String element = failure.resourceType() + "." + failure.element();
        String message = failure.unknownElement() ? "unknown element" : "is not valid FHIR R4 here";
        return ProblemType.MALFORMED_REQUEST.problem("The body is not a valid FHIR R4 " + failure.resourceType() + ": "
                + element + " " + message, List.of(new Problem.FieldViolation(element, message))).toResponse();
    }

    @ServerResponseFilter
    public void asOperationOutcome(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("/fhir/") || !(response.getEntity() instanceof Problem problem)) {
            return;
        }
        response.setEntity(fhirContext.newJsonParser().encodeResourceToString(outcome(problem)), null,
                MediaType.valueOf(FhirMedia.FHIR_JSON));
    }

    static OperationOutcome outcome(Problem problem) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.IssueType code = issueType(problem.status());
        if (problem.violations() == null || problem.violations().isEmpty()) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code)
                    .setDiagnostics(inFhirWords(problem));
        } else {
            for (Problem.FieldViolation violation : problem.violations()) {
                outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code)
                        .setDiagnostics(violation.field() + " " + violation.message())
                        .addExpression(violation.field());
            }
        }
        return outcome;
    }

    /** The JAX-RS layer's 406 and 415 speak of the API's media types; a FHIR client is told the FHIR ones. */
    private static String inFhirWords(Problem problem) {
        if (problem.status() == 406 && ProblemMappers.NOT_ACCEPTABLE_DETAIL.equals(problem.detail())) {
            return FhirFormats.NOT_ACCEPTABLE;
        }
        if (problem.status() == 415 && ProblemMappers.UNSUPPORTED_MEDIA_TYPE_DETAIL.equals(problem.detail())) {
            return "Send the body as application/fhir+json (FHIR R4)";
        }
        return problem.detail();
    }

    private static OperationOutcome.IssueType issueType(int status) {
        return switch (status) {
            case 405, 406, 415 -> OperationOutcome.IssueType.NOTSUPPORTED;
            case 400, 413, 414, 431 -> OperationOutcome.IssueType.STRUCTURE;
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 404 -> OperationOutcome.IssueType.NOTFOUND;
            case 409, 412 -> OperationOutcome.IssueType.CONFLICT;
            case 422 -> OperationOutcome.IssueType.BUSINESSRULE;
            case 429 -> OperationOutcome.IssueType.THROTTLED;
            default -> OperationOutcome.IssueType.EXCEPTION;
        };
    }
}

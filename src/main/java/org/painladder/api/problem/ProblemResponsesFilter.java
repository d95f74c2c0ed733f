package org.painladder.api.problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents what every operation shares, so that client generators see it: the problem responses (operation-specific
 * ones, 404, 409, 412, are annotated on the resource methods) and the Idempotency-Key header of every POST. It runs
 * when the service is built, so the document is finished in the package and startup does not rebuild it.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    /** Our response headers (Location, ETag, Retry-After …) are strings; OpenAPI requires a header to say so. */
    @Override
    public Header filterHeader(Header header) {
        if (header.getSchema() == null && header.getContent() == null && header.getRef() == null) {
            header.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        }
        return header;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/") || path.startsWith("/cds-services")) {
                item.getOperations().forEach((method, operation) -> document(method, operation, PROBLEM));
            } else if (path.startsWith("/fhir/")) {
                item.getOperations().forEach((method, operation) -> document(method, operation, OPERATION_OUTCOME));
            }
        });
    }

    /** How an error body is documented: problem+json under /api and /cds-services, an OperationOutcome under /fhir. */
    private record ErrorBody(String mediaType, Schema schema) {
    }

    private static final ErrorBody PROBLEM = new ErrorBody(Problem.MEDIA_TYPE, OASFactory.createSchema().ref(PROBLEM_SCHEMA));
    private static final ErrorBody OPERATION_OUTCOME = new ErrorBody("application/fhir+json",
            OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("FHIR R4 OperationOutcome (http://hl7.org/fhir/R4/operationoutcome.html)"));

    private static void document(PathItem.HttpMethod method, Operation operation, ErrorBody errorBody) {
        APIResponses responses = operation.getResponses();
        add(responses, errorBody, "400", "Malformed request: invalid JSON, a wrong JSON type (nothing is coerced), an"
                + " unknown field, a duplicate key, content after the document, a value over the input bounds (nesting"
                + " 64, numbers 64 characters with a 3-digit exponent, strings 64 KiB, arrays 1,000 items), or a query"
                + " parameter out of range; violations name each field");
        add(responses, errorBody, "401", "No bearer token, or an invalid or expired one");
        add(responses, errorBody, "403", "The token's role does not allow this operation");
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH) {
            add(responses, errorBody, "413", "The body is larger than the configured limit");
            add(responses, errorBody, "415", "The body is not sent as application/json, or is sent without Content-Type");
            add(responses, errorBody, "422", "Well-formed but clinically invalid; violations name each field");
        }
        if (method == PathItem.HttpMethod.POST) {
            operation.addParameter(OASFactory.createParameter()
                    .name("Idempotency-Key").in(Parameter.In.HEADER).required(false)
                    .description("Retries of a POST with the same key (1-128 of A-Z a-z 0-9 . _ : -) get the first"
                            + " answer again, with Idempotent-Replayed: true; the same key for a different request is 422")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        add(responses, errorBody, "429", "Too many requests from this caller; retry after the Retry-After seconds");
        add(responses, errorBody, "500", "Unexpected failure; the body carries a correlation id");
    }

    private static void add(APIResponses responses, ErrorBody errorBody, String status, String description) {
        // Keep a response the resource documents as a problem; replace the generic ones Quarkus adds for
        // validation (400) and security (401, 403), which have no body schema.
        Map<String, APIResponse> existing = responses.getAPIResponses();
        APIResponse documented = existing == null ? null : existing.get(status);
        if (documented != null && documented.getContent() != null
                && documented.getContent().hasMediaType(errorBody.mediaType())) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent().addMediaType(errorBody.mediaType(),
                        OASFactory.createMediaType().schema(errorBody.schema()))));
    }
}

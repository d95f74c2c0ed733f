package org.painladder.interop.fhir;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.painladder.api.problem.ProblemType;

/**
 * Only FHIR R4 JSON is served (R4 http.html#mime): a client asking by {@code _format} or by a {@code fhirVersion}
 * media-type parameter for something else is told so with 406, instead of being sent JSON it will misread.
 */
public class FhirFormats {

    static final String NOT_ACCEPTABLE = "This FHIR endpoint answers FHIR R4 (fhirVersion 4.0) as application/fhir+json"
            + " only, errors as an OperationOutcome; _format json, application/json or application/fhir+json";
    private static final Set<String> JSON_FORMATS = Set.of("json", "application/json", "application/fhir+json");
    private static final Set<String> R4 = Set.of("4.0", "4.0.1");

    /** After the audit trail opens its transaction, so that the refusal is audited like any other. */
    @ServerRequestFilter(priority = Priorities.USER + 2000)
    public Response refuseOtherFormats(UriInfo uriInfo, HttpHeaders headers) {
        if (!uriInfo.getPath().startsWith("/fhir/")) {
            return null;
        }
        List<String> formats = uriInfo.getQueryParameters().getOrDefault("_format", List.of());
        // An unencoded '+' in application/fhir+json reaches here decoded as a space.
        boolean otherFormat = formats.stream()
                .anyMatch(format -> !JSON_FORMATS.contains(format.trim().replace(' ', '+')));
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        boolean onlyOtherVersions = !accepted.isEmpty() && accepted.stream().allMatch(type -> {
            String version = type.getParameters().get("fhirVersion");
            return version != null && !R4.contains(version.trim());
        });
        return otherFormat || onlyOtherVersions ? ProblemType.NOT_ACCEPTABLE.problem(NOT_ACCEPTABLE).toResponse() : null;
    }
}

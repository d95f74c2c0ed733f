package org.painladder.api;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.painladder.api.problem.Problem;
import org.painladder.api.problem.ProblemType;

/**
 * Strict input for the query string of {@code /api}: a parameter the operation does not read is 400 naming it. A
 * misspelt filter ({@code ?mrm=} for {@code ?mrn=}) would otherwise be dropped, and the caller would take the whole
 * list for the one patient it asked for. FHIR searches keep their own rule (unknown parameters are ignored, as R4
 * servers do by default), and the dashboard's pages are not an API.
 */
@Singleton
public class KnownQueryParameters {

    private final Map<Method, Set<String>> readByOperation = new ConcurrentHashMap<>();

    /** After the audit trail opens its transaction, so that the refusal is audited like any other 400. */
    @ServerRequestFilter(priority = Priorities.USER + 2000)
    Response refuseUnknown(ResourceInfo resource, UriInfo uriInfo) {
        Method operation = resource.getResourceMethod();
        if (operation == null || !uriInfo.getPath().startsWith("/api/")) {
            return null;
        }
        Set<String> read = readByOperation.computeIfAbsent(operation, KnownQueryParameters::queryParameters);
        List<String> unknown = uriInfo.getQueryParameters().keySet().stream()
                .filter(name -> !read.contains(name)).sorted().toList();
        if (unknown.isEmpty()) {
            return null;
        }
        String accepted = read.isEmpty() ? "this operation takes no query parameters"
                : "this operation takes " + String.join(", ", read.stream().sorted().toList());
        return ProblemType.MALFORMED_REQUEST.problem("Unknown query parameter " + String.join(", ", unknown) + ": "
                        + accepted, unknown.stream().map(name -> new Problem.FieldViolation(name,
                        "unknown query parameter")).toList()).toResponse();
    }

    private static Set<String> queryParameters(Method operation) {
        return Arrays.stream(operation.getParameters()).map(KnownQueryParameters::name).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String name(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        return query == null ? null : query.value();
    }
}

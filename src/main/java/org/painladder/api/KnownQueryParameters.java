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
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
 * <p>
 * On {@code /api} and {@code /fhir} alike, a single-valued parameter given more than once is 400 naming it: only the
 * first value would be read, so {@code ?status=PENDING&status=ACCEPTED} would answer for one of them, and a FHIR
 * search for two subjects would read one patient's data while the audit trail could name neither. A parameter
 * declared as a list is repeatable.
 */
@Singleton
public class KnownQueryParameters {

    private final Map<Method, Map<String, Boolean>> readByOperation = new ConcurrentHashMap<>();

    /** After the audit trail opens its transaction, so that the refusal is audited like any other 400. */
    @ServerRequestFilter(priority = Priorities.USER + 2000)
    Response refuseUnknown(ResourceInfo resource, UriInfo uriInfo) {
        Method operation = resource.getResourceMethod();
        String path = uriInfo.getPath();
        boolean api = path.startsWith("/api/");
        if (operation == null || !(api || path.startsWith("/fhir/"))) {
            return null;
        }
        Map<String, Boolean> read = readByOperation.computeIfAbsent(operation, KnownQueryParameters::queryParameters);
        Map<String, List<String>> given = uriInfo.getQueryParameters();
        List<String> unknown = api ? given.keySet().stream().filter(name -> !read.containsKey(name)).sorted().toList()
                : List.of();
        if (!unknown.isEmpty()) {
            String accepted = read.isEmpty() ? "this operation takes no query parameters"
                    : "this operation takes " + String.join(", ", read.keySet().stream().sorted().toList());
            return ProblemType.MALFORMED_REQUEST.problem("Unknown query parameter " + String.join(", ", unknown)
                    + ": " + accepted, unknown.stream().map(name -> new Problem.FieldViolation(name,
                    "unknown query parameter")).toList()).toResponse();
        }
        List<String> repeated = given.entrySet().stream()
                .filter(entry -> entry.getValue().size() > 1 && Boolean.FALSE.equals(read.get(entry.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
        if (repeated.isEmpty()) {
            return null;
        }
        return ProblemType.MALFORMED_REQUEST.problem("Query parameter " + String.join(", ", repeated)
                + " given more than once: it takes one value", repeated.stream().map(name ->
                new Problem.FieldViolation(name, "given more than once")).toList()).toResponse();
    }

    /** Each query parameter the operation reads, and whether it takes several values (a list). */
    private static Map<String, Boolean> queryParameters(Method operation) {
        return Arrays.stream(operation.getParameters()).filter(parameter -> name(parameter) != null)
                .collect(Collectors.toUnmodifiableMap(KnownQueryParameters::name,
                        parameter -> Collection.class.isAssignableFrom(parameter.getType()), (a, b) -> a || b));
    }

    private static String name(Parameter parameter) {
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        return query == null ? null : query.value();
    }
}

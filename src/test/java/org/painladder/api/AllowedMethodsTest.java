package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A 405 names the methods the path takes in Allow (RFC 9110 §15.5.6), and OPTIONS answers with the same list
 * (§9.3.7), for every path of the contract: a client or gateway reads them to learn what it may send.
 */
@QuarkusTest
class AllowedMethodsTest {

    private static final Set<String> WRITE_AND_READ_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** Each path of the OpenAPI document with a value in each of its variables, and the methods it documents. */
    private static Map<String, Set<String>> documentedPaths() {
        JsonPath openApi = JsonPath.from(given().queryParam("format", "json").get("/q/openapi").asString());
        Map<String, Map<String, Object>> paths = openApi.getMap("paths");
        Map<String, Set<String>> methodsByPath = new java.util.TreeMap<>();
        paths.forEach((template, operations) -> {
            Set<String> methods = new TreeSet<>();
            operations.keySet().stream().map(String::toUpperCase).filter(WRITE_AND_READ_METHODS::contains)
                    .forEach(methods::add);
            if (methods.contains("GET")) {
                methods.add("HEAD");
            }
            methods.add("OPTIONS");
            methodsByPath.put(template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()), methods);
        });
        return methodsByPath;
    }

    @Test
    void optionsAnswersTheDocumentedMethodsOfEveryPath() {
        Map<String, Set<String>> paths = documentedPaths();
        assertEquals(true, paths.size() >= 30, "the contract's paths: " + paths.keySet());
        paths.forEach((path, methods) -> as("clinician").options(path).then().statusCode(204)
                .header("Allow", equalTo(String.join(", ", methods))));
    }

    @Test
    void aMethodAPathDoesNotTakeIs405WithItsAllowHeaderOnEveryPath() {
        documentedPaths().forEach((path, methods) -> {
            String refused = WRITE_AND_READ_METHODS.stream().filter(method -> !methods.contains(method)).findFirst()
                    .orElseThrow();
            as("clinician").body("{}").request(refused, path).then().statusCode(405)
                    .header("Allow", equalTo(String.join(", ", methods)));
        });
    }

    @Test
    void aDeleteOfARegimenIs405NotAnUnknownPath() {
        as("clinician").delete("/api/v1/patients/" + UUID.randomUUID() + "/regimen").then().statusCode(405)
                .contentType("application/problem+json").body("status", equalTo(405))
                .header("Allow", equalTo("GET, HEAD, OPTIONS, PUT"));
    }

    @Test
    void aWrongMethodUnderFhirIsA405OperationOutcome() {
        as("ehr").delete("/fhir/r4/Observation").then().statusCode(405)
                .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"))
                .header("Allow", equalTo("GET, HEAD, OPTIONS, POST"));
    }

    @Test
    void optionsOnAPathNoResourceServesIs404() {
        as("clinician").options("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json");
    }
}

package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checked-in openapi/openapi.yaml is the contract client SDKs are generated from; it must be exactly what the
 * running service publishes. After an intended API change, regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true} and review the diff.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CHECKED_IN = Path.of("openapi/openapi.yaml");

    @Test
    void checkedInContractMatchesTheRunningService() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CHECKED_IN, served);
        }
        Path actual = Path.of("target/openapi-served.yaml");
        Files.writeString(actual, served);
        assertTrue(Files.exists(CHECKED_IN), "openapi/openapi.yaml is missing; run with -Dopenapi.update=true");
        assertEquals(Files.readString(CHECKED_IN), served, "openapi/openapi.yaml has drifted from the service (served"
                + " copy in " + actual + "); rerun with -Dopenapi.update=true and review the diff");
    }

    @Test
    void everyOperationHasASummaryTagsAndProblemResponses() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method.toUpperCase() + " " + path;
            assertTrue(operation.get("summary") != null, name + " has no summary");
            assertTrue(operation.get("tags") != null, name + " has no tags");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            String errorMediaType = path.startsWith("/fhir/") ? "application/fhir+json" : "application/problem+json";
            for (String status : new String[] {"400", "401", "403", "500"}) {
                assertTrue(responses.containsKey(status), name + " does not document " + status);
                assertTrue(String.valueOf(responses.get(status).get("content")).contains(errorMediaType),
                        name + " " + status + " is not documented as " + errorMediaType);
            }
        }));
    }
}

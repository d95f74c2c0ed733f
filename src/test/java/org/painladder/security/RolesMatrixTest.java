package org.painladder.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.painladder.security.Roles.ADMIN;
import static org.painladder.security.Roles.AUDITOR;
import static org.painladder.security.Roles.CLINICIAN;
import static org.painladder.security.Roles.EHR;
import static org.painladder.security.Roles.PALLIATIVE;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.api.TestTokens;

/**
 * The roles matrix of api.md "Security", one row per operation, tested for every role and for no token at all.
 * An operation the service publishes in /q/openapi without a row here fails the build: add its row (one line) when you
 * add an endpoint. Allowed roles get anything but 401/403 (a 404 or 422 for the made-up ids and empty bodies is fine);
 * every other role gets 403, and no token gets 401 (problem+json; an OperationOutcome under /fhir). A public row
 * (the FHIR CapabilityStatement, read for discovery before any sign-in) is answered to every caller, token or not.
 */
@QuarkusTest
class RolesMatrixTest {

    private static final List<String> ALL_ROLES = List.of(EHR, CLINICIAN, PALLIATIVE, AUDITOR, ADMIN);
    private static final String NO_TOKEN = "(no token)";

    record Row(String method, String path, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Row row(String method, String path, String... allowed) {
        return new Row(method, path, Set.of(allowed));
    }

    /** An operation that needs no token, and so documents no security requirement. */
    static Row publicRow(String method, String path) {
        return new Row(method, path, Set.of(NO_TOKEN));
    }

    static final List<Row> MATRIX = List.of(
            row("POST", "/api/v1/patients", EHR, ADMIN),
            row("GET", "/api/v1/patients", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/api/v1/patients/{id}", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("PATCH", "/api/v1/patients/{id}", EHR, CLINICIAN, ADMIN),
            row("POST", "/api/v1/patients/{patientId}/pain-assessments", EHR, ADMIN),
            row("GET", "/api/v1/patients/{patientId}/pain-assessments", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/api/v1/patients/{patientId}/pain-assessments/{assessmentId}", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/api/v1/patients/{patientId}/pain-trend", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("POST", "/fhir/r4/Observation", EHR, ADMIN),
            row("GET", "/fhir/r4/Observation", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/fhir/r4/Observation/{id}", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            publicRow("GET", "/fhir/r4/metadata"),
            row("GET", "/api/v1/audit-events", AUDITOR, ADMIN),
            row("GET", "/api/v1/audit-events/verify", AUDITOR, ADMIN),
            row("GET", "/api/v1/formulary", EHR, CLINICIAN, PALLIATIVE, AUDITOR, ADMIN),
            row("PUT", "/api/v1/patients/{patientId}/regimen", EHR, CLINICIAN, ADMIN),
            row("GET", "/api/v1/patients/{patientId}/regimen", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/api/v1/patients/{patientId}/regimen/history", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("POST", "/api/v1/opioid-conversions", CLINICIAN, ADMIN),
            row("POST", "/api/v1/patients/{patientId}/procedures", CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/api/v1/patients/{patientId}/procedures", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/api/v1/patients/{patientId}/procedures/{procedureId}", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/api/v1/refractory-cases", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/api/v1/refractory-cases/{id}", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("POST", "/api/v1/refractory-cases/{id}/transitions", PALLIATIVE, ADMIN),
            row("GET", "/api/v1/stats/cohort", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/api/v1/ladder/policy", EHR, CLINICIAN, PALLIATIVE, AUDITOR, ADMIN),
            row("GET", "/api/v1/patients/{patientId}/ladder", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/api/v1/patients/{patientId}/recommendations", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/api/v1/patients/{patientId}/recommendations/{recommendationId}", EHR, CLINICIAN, PALLIATIVE,
                    ADMIN),
            row("POST", "/api/v1/patients/{patientId}/recommendations/{recommendationId}/accept", CLINICIAN,
                    PALLIATIVE, ADMIN),
            row("POST", "/api/v1/patients/{patientId}/recommendations/{recommendationId}/reject", CLINICIAN,
                    PALLIATIVE, ADMIN),
            row("GET", "/cds-services", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("POST", "/cds-services/{serviceId}", EHR, ADMIN),
            row("POST", "/cds-services/{serviceId}/feedback", EHR, ADMIN),
            row("POST", "/fhir/r4/Bundle", EHR, CLINICIAN, ADMIN),
            row("POST", "/fhir/r4", EHR, CLINICIAN, ADMIN),
            row("GET", "/fhir/r4/MedicationRequest", EHR, CLINICIAN, PALLIATIVE, ADMIN),
            row("GET", "/fhir/r4/MedicationRequest/{id}", EHR, CLINICIAN, PALLIATIVE, ADMIN)
    );

    static Stream<Arguments> everyOperationForEveryCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Row row : MATRIX) {
            for (String caller : ALL_ROLES) {
                cases.add(Arguments.of(row, caller));
            }
            cases.add(Arguments.of(row, NO_TOKEN));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyOperationForEveryCaller")
    void eachCallerGetsWhatTheMatrixSays(Row row, String caller) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        if (!NO_TOKEN.equals(caller)) {
            request.header("Authorization", "Bearer " + TestTokens.forRole(caller));
        }
        if (Set.of("POST", "PUT", "PATCH").contains(row.method())) {
            request.body("{}");
        }
        String path = row.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        var answer = request.request(row.method(), path).then();
        // FHIR endpoints answer errors as OperationOutcome, everything else as problem+json.
        boolean fhir = row.path().startsWith("/fhir/");
        String errorType = fhir ? "application/fhir+json" : "application/problem+json";
        if (row.allowed().contains(NO_TOKEN)) {
            answer.statusCode(not(oneOf(401, 403)));
        } else if (NO_TOKEN.equals(caller)) {
            answer.statusCode(401).header("WWW-Authenticate", containsString("Bearer")).contentType(errorType);
            if (!fhir) {
                answer.body("type", endsWith("/unauthenticated"));
            }
        } else if (row.allowed().contains(caller)) {
            answer.statusCode(not(oneOf(401, 403)));
        } else {
            answer.statusCode(403).contentType(errorType);
            if (!fhir) {
                answer.body("type", endsWith("/forbidden"));
            }
        }
    }

    @Test
    void everyPublishedOperationHasARowAndItsDocumentedRolesMatchIt() {
        JsonPath document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = document.getMap("paths");
        Set<String> published = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method.toUpperCase() + " " + path;
            published.add(name);
            Row row = MATRIX.stream().filter(r -> r.toString().equals(name)).findFirst().orElse(null);
            if (row == null) {
                problems.add(name + " has no row in RolesMatrixTest.MATRIX: add one with the roles it allows");
                return;
            }
            if (row.allowed().contains(NO_TOKEN)) {
                if (operation.get("security") != null) {
                    problems.add(name + " is public but documents a security requirement");
                }
                return;
            }
            List<String> roles = documentedRoles(operation);
            if (!new TreeSet<>(roles).equals(new TreeSet<>(row.allowed()))) {
                problems.add(name + " allows " + roles + " by its @RolesAllowed but its row says " + row.allowed());
            }
            String description = String.valueOf(operation.get("description"));
            if (!description.endsWith("Roles: " + String.join(", ", roles) + ".")) {
                problems.add(name + " does not end its description with the line Roles: " + roles);
            }
        }));
        MATRIX.stream().map(Row::toString).filter(name -> !published.contains(name))
                .forEach(name -> problems.add(name + " is in the matrix but the service does not publish it"));
        assertEquals(List.of(), problems);
        assertEquals(MATRIX.size(), MATRIX.stream().map(Row::toString).distinct().count(), "one row per operation");
    }

    @Test
    void anEndpointWithoutARoleAnnotationIsDeniedToEveryone() {
        for (String role : ALL_ROLES) {
            given().header("Authorization", TestTokens.bearer(role)).get("/api/v1/test-only/unannotated")
                    .then().statusCode(403).contentType("application/problem+json")
                    .body(not(containsString("nobody was allowed")));
        }
        given().get("/api/v1/test-only/unannotated").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
    }

    @Test
    void healthNeedsNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @SuppressWarnings("unchecked")
    private static List<String> documentedRoles(Map<String, Object> operation) {
        List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
        assertTrue(security != null && !security.isEmpty(), "every operation documents its security requirement");
        return security.get(0).get("bearer");
    }
}

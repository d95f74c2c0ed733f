package org.painladder.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A single-valued query parameter given twice is refused naming it: only one value would be read, so the answer would
 * be for a filter the caller did not ask for, and a FHIR search for two subjects would read one patient's data with
 * no patient in its audit event.
 */
@QuarkusTest
class RepeatedQueryParameterTest {

    @ParameterizedTest(name = "{0}?{1}={2}&{1}={3}")
    @CsvSource({
            "/api/v1/patients,                           mrn,    A,       B",
            "/api/v1/patients/{id}/recommendations,      status, PENDING, ACCEPTED",
            "/api/v1/refractory-cases,                   status, OPEN,    CLOSED",
            "/api/v1/refractory-cases,                   size,   1,       200",
            "/api/v1/patients/{id}/pain-assessments,     page,   0,       0"})
    void aRepeatedApiParameterIs400NamingIt(String path, String name, String first, String second) {
        String patientId = registeredPatient();
        as("palliative").queryParam(name, first, second).get(path.replace("{id}", patientId)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", contains(name))
                .body("violations[0].message", equalTo("given more than once"))
                .body("detail", containsString(name + " given more than once"));
    }

    @ParameterizedTest(name = "{0}?{1}=…&{1}=…")
    @CsvSource({
            "Observation,       subject, Patient/{id}, Patient/x",
            "Observation,       _count,  10,           200",
            "MedicationRequest, subject, Patient/{id}, Patient/{id}"})
    void aRepeatedFhirSearchParameterIs400OperationOutcomeNamingIt(String type, String name, String first,
                                                                   String second) {
        String patientId = registeredPatient();
        as("ehr").body(nrsJson("obs-twice", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)
                .toString(), 6)).post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
        var search = given().header("Authorization", TestTokens.bearer("palliative"))
                .queryParam(name, first.replace("{id}", patientId), second.replace("{id}", patientId));
        if (!name.equals("subject")) {
            search.queryParam("subject", "Patient/" + patientId);
        }
        search.get("/fhir/r4/" + type).then().statusCode(400).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].diagnostics", containsString(name + " given more than once"));
        // The refused search read nothing: the trail holds no read of the patient's Observations.
        as("auditor").queryParam("patientId", patientId).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.findAll { it.resourceType == '" + type + "' && it.outcome == 'SUCCESS' }.size()",
                        equalTo(0));
    }

    /** One rule for both: every repeated parameter of a FHIR search is named in one answer, the patient's too. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"subject", "patient", "subject:Patient"})
    void everyRepeatedFhirSearchParameterIsNamedAtOnce(String patientParameter) {
        String patientId = registeredPatient();
        given().header("Authorization", TestTokens.bearer("palliative"))
                .queryParam(patientParameter, patientId, patientId).queryParam("_count", "10", "20")
                .get("/fhir/r4/Observation").then().statusCode(400).contentType("application/fhir+json")
                .body("issue.expression.flatten()", contains("_count", patientParameter))
                .body("issue.diagnostics", everyItem(endsWith(" given more than once")));
    }
}

package org.painladder.interop.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.painladder.api.ApiFixtures;
import org.painladder.api.TestTokens;

/** Only FHIR R4 JSON is served: a client asking for anything else is told so, in an OperationOutcome. */
@QuarkusTest
class FhirContentNegotiationTest {

    private static final String FHIR_JSON = "application/fhir+json";

    private static RequestSpecification fhirAs(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ApiFixtures.FHIR_JSON_UTF8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "application/fhir+xml", "text/xml", "html", "turtle"})
    void aFormatOtherThanJsonIs406NotSupported(String format) {
        fhirAs("ehr").queryParam("_format", format).get("/fhir/r4/metadata").then().statusCode(406)
                .contentType(FHIR_JSON).body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].diagnostics", containsString("application/fhir+json"));
        fhirAs("ehr").queryParam("_format", format)
                .get("/fhir/r4/Observation/00000000-0000-0000-0000-000000000000").then().statusCode(406)
                .contentType(FHIR_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "application/json", "application/fhir+json"})
    void theJsonFormatsAreServed(String format) {
        fhirAs("ehr").queryParam("_format", format).get("/fhir/r4/metadata").then().statusCode(200)
                .body("resourceType", equalTo("CapabilityStatement"));
    }

    @Test
    void anUnencodedPlusInTheFormatIsStillFhirJson() {
        fhirAs("ehr").urlEncodingEnabled(false).get("/fhir/r4/metadata?_format=application/fhir+json").then()
                .statusCode(200).body("resourceType", equalTo("CapabilityStatement"));
    }

    @Test
    void anotherFhirVersionIs406AndR4Is200() {
        fhirAs("ehr").accept("application/fhir+json;fhirVersion=3.0").get("/fhir/r4/metadata").then()
                .statusCode(406).contentType(FHIR_JSON).body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].diagnostics", containsString("4.0"));
        fhirAs("ehr").accept("application/fhir+json; fhirVersion=4.0").get("/fhir/r4/metadata").then()
                .statusCode(200);
        fhirAs("ehr").accept("application/fhir+json;fhirVersion=3.0, application/fhir+json;fhirVersion=4.0.1")
                .get("/fhir/r4/metadata").then().statusCode(200);
    }

    @Test
    void unsupportedMethodsMediaAndAcceptAreNotSupportedOutcomesInFhirWords() {
        fhirAs("ehr").delete("/fhir/r4/Observation").then().statusCode(405)
                .body("issue[0].code", equalTo("not-supported"));
        fhirAs("ehr").accept("application/fhir+xml").get("/fhir/r4/metadata").then().statusCode(406)
                .contentType(FHIR_JSON)
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].diagnostics", containsString("application/fhir+json"))
                .body("issue[0].diagnostics", not(containsString("problem+json")));
        given().header("Authorization", TestTokens.bearer("ehr")).contentType("text/plain").body("hello")
                .post("/fhir/r4/Observation").then().statusCode(415).contentType(FHIR_JSON)
                .body("issue[0].code", equalTo("not-supported"))
                .body("issue[0].diagnostics", containsString("application/fhir+json"))
                .body("issue[0].diagnostics", not(containsString("as application/json")));
    }
}

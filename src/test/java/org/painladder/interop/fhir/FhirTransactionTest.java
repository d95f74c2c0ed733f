package org.painladder.interop.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.painladder.api.ApiFixtures;
import org.painladder.api.TestTokens;

/**
 * A transaction Bundle is a list of what to do with each resource (entry.request, R4 bdl-3): the regimen is replaced
 * only by creates or updates of MedicationRequests, and a Bundle asking for anything else records nothing.
 */
@QuarkusTest
class FhirTransactionTest {

    private static final FhirContext FHIR = FhirContext.forR4();

    private static RequestSpecification fhirAs(String role) {
        return given().header("Authorization", TestTokens.bearer(role)).contentType(ApiFixtures.FHIR_JSON_UTF8);
    }

    private static String json(Bundle bundle) {
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    static Stream<Arguments> requestsThatAreNotACreateOrUpdateOfAMedicationRequest() {
        return Stream.of(
                Arguments.of("DELETE", (Consumer<Bundle.BundleEntryComponent>) entry -> entry.getRequest()
                        .setMethod(Bundle.HTTPVerb.DELETE).setUrl("MedicationRequest/abc")),
                Arguments.of("GET", (Consumer<Bundle.BundleEntryComponent>) entry -> entry.getRequest()
                        .setMethod(Bundle.HTTPVerb.GET).setUrl("MedicationRequest/abc")),
                Arguments.of("PATCH", (Consumer<Bundle.BundleEntryComponent>) entry -> entry.getRequest()
                        .setMethod(Bundle.HTTPVerb.PATCH).setUrl("MedicationRequest/abc")),
                Arguments.of("no request", (Consumer<Bundle.BundleEntryComponent>) entry -> entry.setRequest(null)),
                Arguments.of("POST to another type", (Consumer<Bundle.BundleEntryComponent>) entry -> entry
                        .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation")),
                Arguments.of("PUT to another type", (Consumer<Bundle.BundleEntryComponent>) entry -> entry
                        .getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("Observation/abc")),
                Arguments.of("PUT without an id", (Consumer<Bundle.BundleEntryComponent>) entry -> entry
                        .getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("MedicationRequest")),
                Arguments.of("PUT to another id", (Consumer<Bundle.BundleEntryComponent>) entry -> {
                    entry.getResource().setId("ehr-1");
                    entry.getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("MedicationRequest/ehr-2");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsThatAreNotACreateOrUpdateOfAMedicationRequest")
    void aTransactionEntryThatIsNotACreateOrUpdateOfAMedicationRequestRefusesTheWholeBundle(
            String request, Consumer<Bundle.BundleEntryComponent> change) {
        String patientId = registeredPatient();
        Bundle bundle = FhirMedicationsTest.regimenBundle(patientId, null, null);
        change.accept(bundle.getEntry().get(1));
        fhirAs("ehr").body(json(bundle)).post("/fhir/r4/Bundle").then().statusCode(400)
                .contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItem(startsWith("Bundle.entry[1].request")));
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(404);
    }

    @Test
    void aCollectionCarriesNoRequestsAndOneWithARequestIsRefused() {
        String patientId = registeredPatient();
        Bundle bundle = FhirMedicationsTest.regimenBundle(patientId, null, null).setType(Bundle.BundleType.COLLECTION);
        bundle.getEntry().forEach(entry -> entry.setRequest(null));
        bundle.getEntry().get(2).getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("MedicationRequest/abc");
        fhirAs("ehr").body(json(bundle)).post("/fhir/r4/Bundle").then().statusCode(400)
                .body("issue.expression.flatten()", hasItem(startsWith("Bundle.entry[2].request")));
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(404);

        bundle.getEntry().get(2).setRequest(null);
        fhirAs("ehr").body(json(bundle)).post("/fhir/r4/Bundle").then().statusCode(200);
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200);
    }

    @Test
    void linesCreatedByTheTransactionAre201AndAnUnchangedResendIs200() {
        String patientId = registeredPatient();
        Bundle bundle = FhirMedicationsTest.regimenBundle(patientId, null, null);
        bundle.getEntry().get(2).getResource().setId("ehr-paracetamol");
        bundle.getEntry().get(2).getRequest().setMethod(Bundle.HTTPVerb.PUT).setUrl("MedicationRequest/ehr-paracetamol");
        fhirAs("ehr").body(json(bundle)).post("/fhir/r4/Bundle").then().statusCode(200)
                .body("type", equalTo("transaction-response"))
                .body("entry.response.status", contains("201 Created", "201 Created", "201 Created",
                        "422 Unprocessable Entity"));
        fhirAs("ehr").body(json(bundle)).post("/fhir/r4/Bundle").then().statusCode(200)
                .body("entry.response.status", contains("200 OK", "200 OK", "200 OK", "422 Unprocessable Entity"));
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen/history").then().body("total", equalTo(1));
    }

    @Test
    void aTransactionPostedToTheBaseIsServedAsOneToBundle() {
        String patientId = registeredPatient();
        String body = json(FhirMedicationsTest.regimenBundle(patientId, null, null));
        given().contentType(ApiFixtures.FHIR_JSON_UTF8).body(body).post("/fhir/r4").then().statusCode(401)
                .contentType("application/fhir+json");
        fhirAs("palliative").body(body).post("/fhir/r4").then().statusCode(403);
        fhirAs("ehr").header("If-Match", "\"3\"").body(body).post("/fhir/r4").then().statusCode(412)
                .body("resourceType", equalTo("OperationOutcome"));
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(404);

        fhirAs("ehr").header("If-Match", "\"0\"").body(body).post("/fhir/r4").then().statusCode(200)
                .contentType("application/fhir+json")
                .body("type", equalTo("transaction-response"))
                .body("entry[0].response.status", equalTo("201 Created"));
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200)
                .body("items.drug", contains("OXYCODONE", "OXYCODONE", "PARACETAMOL"));

        Bundle delete = FhirMedicationsTest.regimenBundle(patientId, null, null);
        delete.getEntry().get(0).getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("MedicationRequest/abc");
        fhirAs("ehr").body(json(delete)).post("/fhir/r4").then().statusCode(400);
        as("ehr").get("/api/v1/patients/" + patientId + "/regimen/history").then().body("total", equalTo(1));
    }
}

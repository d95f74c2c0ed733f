package org.painladder.interop.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.registeredPatient;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.painladder.api.ApiFixtures;
import org.painladder.api.TestTokens;

/** Idempotency-Key under /fhir: a retry gets the first answer byte for byte, another request under the key is 422. */
@QuarkusTest
class FhirIdempotencyKeyTest {

    private static final String FHIR_JSON = "application/fhir+json";

    private static RequestSpecification fhirAs(String role, String key) {
        return given().header("Authorization", TestTokens.bearer(role)).header("Idempotency-Key", key)
                .contentType(ApiFixtures.FHIR_JSON_UTF8);
    }

    private static String observation(String identifier, String patientId, int value) {
        return """
                { "resourceType": "Observation", "status": "final",
                  "identifier": [ { "system": "urn:ehr:obs", "value": "%s" } ],
                  "code": { "coding": [ { "system": "http://loinc.org", "code": "72514-3" } ] },
                  "subject": { "reference": "Patient/%s" }, "effectiveDateTime": "%s", "valueInteger": %d }
                """.formatted(identifier, patientId, Instant.now().minus(1, ChronoUnit.HOURS)
                .truncatedTo(ChronoUnit.SECONDS), value);
    }

    @Test
    void anotherObservationUnderAUsedKeyIs422AndTheFirstStaysTheOnlyOneStored() {
        String patientId = registeredPatient();
        String key = UUID.randomUUID().toString();
        fhirAs("ehr", key).body(observation("jk1", patientId, 4)).post("/fhir/r4/Observation")
                .then().statusCode(201);

        fhirAs("ehr", key).body(observation("jk2", patientId, 6)).post("/fhir/r4/Observation")
                .then().statusCode(422).contentType(FHIR_JSON)
                .header("Idempotent-Replayed", nullValue())
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("business-rule"));

        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].externalId", equalTo("jk1"))
                .body("items[0].score", equalTo(4));
    }

    @Test
    void aReplayedObservationIsTheFirstAnswerByteForByte() {
        String patientId = registeredPatient();
        String key = UUID.randomUUID().toString();
        String body = observation("jk-replay", patientId, 5);
        Response first = fhirAs("ehr", key).body(body).post("/fhir/r4/Observation");
        first.then().statusCode(201).contentType(FHIR_JSON).header("Idempotent-Replayed", nullValue());

        Response replay = fhirAs("ehr", key).body(body).post("/fhir/r4/Observation");
        replay.then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("resourceType", equalTo("Observation")).body("valueQuantity.value", equalTo(5));
        assertEquals(first.contentType(), replay.contentType());
        assertEquals(first.asString(), replay.asString());
        assertEquals(first.header("Location"), replay.header("Location"));
        as("clinician").get("/api/v1/patients/" + patientId + "/pain-assessments").then()
                .body("total", equalTo(1));
    }

    @Test
    void aBundleRetriedUnderItsKeyIsReplayedAndAnotherBundleUnderItIs422() {
        String patientId = registeredPatient();
        String key = UUID.randomUUID().toString();
        FhirContext fhir = FhirContext.forR4();
        String bundle = fhir.newJsonParser().encodeResourceToString(
                FhirMedicationsTest.regimenBundle(patientId, "urn:ehr:medlist", "medlist-" + UUID.randomUUID()));
        Response first = fhirAs("ehr", key).body(bundle).post("/fhir/r4/Bundle");
        first.then().statusCode(200).contentType(FHIR_JSON).header("Idempotent-Replayed", nullValue());

        Response replay = fhirAs("ehr", key).body(bundle).post("/fhir/r4/Bundle");
        replay.then().statusCode(200).header("Idempotent-Replayed", equalTo("true"));
        assertEquals(first.contentType(), replay.contentType());
        assertEquals(first.asString(), replay.asString());

        Bundle other = FhirMedicationsTest.regimenBundle(patientId, "urn:ehr:medlist", "medlist-" + UUID.randomUUID());
        other.getEntry().remove(1);
        fhirAs("ehr", key).body(fhir.newJsonParser().encodeResourceToString(other)).post("/fhir/r4/Bundle")
                .then().statusCode(422).contentType(FHIR_JSON).body("resourceType", equalTo("OperationOutcome"));

        as("clinician").get("/api/v1/patients/" + patientId + "/regimen").then().statusCode(200)
                .body("version", equalTo(1)).body("items.size()", equalTo(3));
    }
}

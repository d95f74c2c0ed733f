package org.painladder.interop.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.painladder.api.ApiFixtures.as;
import static org.painladder.api.ApiFixtures.nrsJson;
import static org.painladder.api.ApiFixtures.registeredPatient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.painladder.api.TestTokens;

/**
 * Every assessment is exported under the LOINC code of the instrument it was taken on, with the value that code
 * expects: a receiving EHR must never chart a 65 mm VAS, a FACES face or a PAINAD total as a 0-10 numeric rating.
 */
@QuarkusTest
class FhirObservationScalesTest {

    private static void record(String patientId, String scale, String value, int hoursAgo) {
        String at = Instant.now().minus(hoursAgo, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        as("ehr").body(nrsJson("scale-" + scale, at, 0).replace("\"NRS\"", "\"" + scale + "\"")
                        .replace("\"value\": 0", "\"value\": " + value))
                .post("/api/v1/patients/" + patientId + "/pain-assessments").then().statusCode(201);
    }

    private static JsonPath exported(String patientId) {
        return given().header("Authorization", TestTokens.bearer("clinician"))
                .queryParam("subject", "Patient/" + patientId).get("/fhir/r4/Observation")
                .then().statusCode(200).body("total", equalTo(5)).extract().jsonPath();
    }

    @Test
    void eachScaleIsExportedUnderItsOwnLoincCodeWithTheValueTypeItExpects() {
        String patientId = registeredPatient();
        record(patientId, "NRS", "7", 5);
        record(patientId, "VAS", "65", 4);
        record(patientId, "FACES", "4", 3);
        record(patientId, "VRS", "\"MODERATE\"", 2);
        record(patientId, "PAINAD", "6", 1);
        JsonPath bundle = exported(patientId);
        String byScale = "entry.resource.find { it.method.coding[0].code == '%s' }";

        assertEquals("72514-3", bundle.getString(byScale.formatted("NRS") + ".code.coding[0].code"));
        assertEquals(7, bundle.getInt(byScale.formatted("NRS") + ".valueQuantity.value"));

        assertEquals("38214-3", bundle.getString(byScale.formatted("VAS") + ".code.coding[0].code"));
        assertEquals(65, bundle.getInt(byScale.formatted("VAS") + ".valueQuantity.value"));
        assertEquals("mm", bundle.getString(byScale.formatted("VAS") + ".valueQuantity.code"));

        assertEquals("38221-8", bundle.getString(byScale.formatted("FACES") + ".code.coding[0].code"));
        assertEquals("4", bundle.getString(byScale.formatted("FACES") + ".valueCodeableConcept.coding[0].code"));
        assertEquals("Hurts little more",
                bundle.getString(byScale.formatted("FACES") + ".valueCodeableConcept.coding[0].display"));

        for (String generic : List.of("VRS", "PAINAD")) {
            assertEquals("38208-5", bundle.getString(byScale.formatted(generic) + ".code.coding[0].code"));
        }
        assertEquals(5, bundle.getInt(byScale.formatted("VRS") + ".valueQuantity.value"));
        assertEquals("VRS MODERATE", bundle.getString(byScale.formatted("VRS") + ".method.coding[0].display"));
        assertEquals(6, bundle.getInt(byScale.formatted("PAINAD") + ".valueQuantity.value"));

        String search = given().header("Authorization", TestTokens.bearer("clinician"))
                .queryParam("subject", "Patient/" + patientId).get("/fhir/r4/Observation").then().extract().asString();
        assertEquals(List.of(), R4Validation.errors(search));
    }

    @Test
    void theOtherScalesCodesAreStillRefusedOnPostAsTheValueIsReadAsANumericRating() {
        String patientId = registeredPatient();
        for (String code : List.of("38214-3", "38221-8", "38208-5")) {
            given().header("Authorization", TestTokens.bearer("ehr"))
                    .contentType(org.painladder.api.ApiFixtures.FHIR_JSON_UTF8).body("""
                            { "resourceType": "Observation", "status": "final",
                              "identifier": [ { "system": "urn:ehr:obs", "value": "code-%s" } ],
                              "code": { "coding": [ { "system": "http://loinc.org", "code": "%s" } ] },
                              "subject": { "reference": "Patient/%s" },
                              "effectiveDateTime": "%s", "valueInteger": 4 }
                            """.formatted(code, code, patientId,
                            Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)))
                    .post("/fhir/r4/Observation").then().statusCode(422)
                    .body("issue[0].expression[0]", equalTo("Observation.code"));
        }
    }
}
